// Invented people and test builders for the panel's tests.
import { englandAndWales } from '@aimline/calendar';
import {
  bookingFor,
  defaultPanelPolicy,
  sittingsBetween,
  type Booking,
  type Child,
  type PanelReferralCommand,
  type PanelSittingCommand,
} from '../src/index.js';

export const policy = defaultPanelPolicy;
export const calendar = englandAndWales;
export const actor = { id: 'bs-1', role: 'business-support', agency: 'Testshire Council' };
export const chairActor = { id: 'chair-1', role: 'chair', agency: 'Testshire Council' };

export const child: Child = {
  childId: 'C-0001',
  name: 'Robin Testcase',
  dateOfBirth: '2014-06-15',
  gender: 'male',
};
export const referrer = {
  id: 'sw-9',
  name: 'Ada Exampleworth',
  role: 'social worker',
  agency: 'Testshire CSC',
};

export const member = (role: string, n = 1) => ({
  memberId: `${role}-${n}`,
  name: `Pat ${role} Placeholder`,
  role,
  agency: 'Testshire',
});

/** The booking the schedule gives for a referral at `at`. */
export const bookingAt = (at: string): Booking => {
  const b = bookingFor(
    at,
    sittingsBetween(policy, calendar, at.slice(0, 10), '2030-12-31'),
    policy,
    calendar,
  );
  if (b === undefined) throw new Error('no sitting');
  return b;
};

export const sittingCmd = <T extends PanelSittingCommand['type']>(
  type: T,
  data: Extract<PanelSittingCommand, { type: T }>['data'],
  at: string,
  by = actor,
) => ({ type, data, at, actor: by }) as Extract<PanelSittingCommand, { type: T }>;

export const referralCmd = <T extends PanelReferralCommand['type']>(
  type: T,
  data: Extract<PanelReferralCommand, { type: T }>['data'],
  at: string,
) => ({ type, data, at, actor }) as Extract<PanelReferralCommand, { type: T }>;
