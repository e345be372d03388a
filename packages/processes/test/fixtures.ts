/**
 * A small world for the process managers' specifications: a store, the application's command
 * handler, the modules, and commands of the three processes with invented people only.
 */
import { expect } from 'vitest';
import { englandAndWales } from '@aimline/calendar';
import * as E from 'fp-ts/lib/Either.js';
import {
  collect,
  commandHandler,
  uuidV5,
  type AnyDomainModule,
  type Command,
  type EventStore,
  type RecordedEvent,
} from '@aimline/kernel';
import { hsbCaseModule, type HsbCommand } from '@aimline/hsb-aim';
import { meetingModule } from '@aimline/meetings';
import { attendanceAimModule, legalInterventionModule } from '@aimline/attendance-aim';
import {
  bookingFor,
  defaultPanelPolicy,
  panelLocalityModule,
  panelReferralModule,
  sittingsBetween,
} from '@aimline/panel';
import { reactionCommandId, type ProcessModules } from '../src/index.js';
import {
  book,
  noteAttendance,
  upToAllocation,
  supervision,
  share,
} from '../../hsb-aim/test/fixtures.js';
import { child as panelChild, referrer } from '../../panel/test/fixtures.js';
import { goodLetter } from '../../attendance-aim/test/fixtures.js';

export const modules: ProcessModules = {
  hsbCase: hsbCaseModule(),
  meeting: meetingModule(),
  panelReferral: panelReferralModule(),
  panelLocality: panelLocalityModule(),
  attendanceAim: attendanceAimModule(),
  legalIntervention: legalInterventionModule(),
};

const bs = { id: 'bs-1', role: 'business-support', agency: 'Testshire' };

/** A command sent as a process manager would send it (to test a receiving record's own rules). */
export const fromProcessManager = (
  type: string,
  at: string,
  data: Record<string, unknown>,
): Command => ({
  type,
  at,
  actor: { id: 'process:test', role: 'process manager', agency: 'aimline' },
  data,
});

/** A store with the application's handler; `send` records a command and fails on a refusal. */
export const world = (store: EventStore) => {
  const handler = commandHandler({ store, clock: () => '2027-01-01T00:00:00Z' });
  let n = 0;
  const send = async (module: AnyDomainModule, command: Command, label = `${++n}`) => {
    const r = await handler.handle(module, {
      commandId: uuidV5(`test/${label}`),
      command,
    });
    if (E.isLeft(r)) throw new Error(`${command.type}: ${JSON.stringify(r.left)}`);
    return r.right;
  };
  const sendEither = (module: AnyDomainModule, command: Command, label = `${++n}`) =>
    handler.handle(module, { commandId: uuidV5(`test/${label}`), command });
  return { store, handler, send, sendEither };
};

export const streamOf = async (store: EventStore, stream: string): Promise<RecordedEvent[]> =>
  collect(store.readStream(stream));

/**
 * A hand-off as the store holds it: the first event of type `causeType` in stream `from` (what
 * process manager `manager` reacted to) and the first event of stream `to`, which its reaction
 * recorded: caused by that event, under the reaction's command id.
 */
export const handOff = async (
  store: EventStore,
  manager: string,
  from: { readonly stream: string; readonly causeType: string },
  to: string,
): Promise<{ cause: RecordedEvent; effect: RecordedEvent }> => {
  const cause = (await streamOf(store, from.stream)).find((e) => e.type === from.causeType);
  const [effect] = await streamOf(store, to);
  if (cause === undefined || effect === undefined)
    throw new Error(`no hand-off from ${from.causeType} in ${from.stream} to ${to}`);
  expect(effect.metadata.causationId).toBe(cause.id);
  expect(effect.metadata.commandId).toBe(reactionCommandId(manager, cause.id, 0));
  return { cause, effect };
};

// ── panel ────────────────────────────────────────────────────────────────────
/** The panel tests' invented child, as the child of referral `referralId` (born in 2012). */
export const referredChild = (referralId: string) => ({
  ...panelChild,
  childId: `C-${referralId}`,
  dateOfBirth: '2012-06-15',
});
/** The panel tests' invented social worker, who refers every child. */
export { referrer };
const receivedAt = '2026-02-02T10:00:00Z';
const booking = bookingFor(
  receivedAt,
  sittingsBetween(defaultPanelPolicy, englandAndWales, '2026-02-02', '2026-12-31'),
  defaultPanelPolicy,
  englandAndWales,
)!;
export const concern = {
  disclosedAt: '2026-01-28T15:20:00Z',
  behaviourDate: '2026-01-27',
  notifications: { childrensSocialCare: '2026-01-28T16:00:00Z', police: '2026-01-29T09:00:00Z' },
};
export const receiveReferral = (
  referralId: string,
  withConcern: Record<string, unknown> | null = concern,
): Command => ({
  type: 'ReceiveReferral',
  at: receivedAt,
  actor: bs,
  data: {
    referralId,
    child: referredChild(referralId),
    referrer,
    concernSummary: 'Invented concern',
    behaviourTypes: ['contact'],
    booking,
    ...(withConcern === null ? {} : { concern: withConcern }),
  },
});
export const decideReferral = (referralId: string, route = 'aim-assessment'): Command => ({
  type: 'RecordDecision',
  at: '2026-03-02T15:00:00Z',
  actor: { id: 'chair-1', role: 'chair', agency: 'Testshire' },
  data: {
    referralId,
    sitting: {
      sittingId: booking.sittingId,
      date: booking.sittingDate,
      held: true,
      cancelled: false,
      chairedBy: 'chair',
    },
    route,
    rating: 'red',
    rationale: 'Invented rationale',
    informationKnown: 'Invented facts',
  },
});

// ── hsb-aim: a case up to its booked initial AIM meeting ─────────────────────
export const hsbCase = (caseId: string): ReadonlyArray<HsbCommand> =>
  [
    ...upToAllocation(),
    supervision('initial', '2026-06-05T10:00:00Z'),
    book('2026-06-05T10:30:00Z', '2026-07-17T10:00:00Z', `mtg-${caseId}`),
    supervision('second', '2026-06-24T10:00:00Z'),
    supervision('final', '2026-07-08T10:00:00Z'),
    share(),
  ].map((c) => ({ ...c, data: { ...c.data, caseId } }) as HsbCommand);

export { noteAttendance };

// ── meetings: what the meeting stream records ────────────────────────────────
const invitees = [
  {
    id: 'par-1',
    name: 'Sam Testparent',
    role: 'parent',
    party: 'family-member',
    contact: { email: 'sam@invented.example' },
  },
  {
    id: 'yp-1',
    name: 'Robin Testcase',
    role: 'young person',
    party: 'young-person',
    contact: { post: '1 Invented Row' },
  },
  {
    id: 'iro-1',
    name: 'Priya Testchair',
    role: 'IRO',
    party: 'professional',
    agency: 'childrens-social-care',
    contact: { email: 'iro@invented.example' },
  },
];
export const meetingSteps = (
  meetingId: string,
  options: { readonly inviteFamily?: boolean; readonly iroPresent?: boolean } = {},
): Command[] => {
  const m = { meetingId };
  const invite = options.inviteFamily ?? true;
  const on = (type: string, at: string, data: Record<string, unknown>): Command => ({
    type,
    at,
    actor: bs,
    data: { ...m, ...data },
  });
  const sentTo = invite ? ['par-1', 'yp-1', 'iro-1'] : ['iro-1'];
  return [
    on('SubmitInviteList', '2026-06-08T09:00:00Z', { invitees }),
    ...sentTo.map((id) =>
      on('ConfirmContactDetails', '2026-06-08T10:00:00Z', { inviteeId: id, checkedAgainst: 'ICS' }),
    ),
    ...sentTo.map((id) =>
      on('SendInvitation', '2026-06-09T09:00:00Z', {
        inviteeId: id,
        channel: id === 'yp-1' ? 'post' : 'email',
      }),
    ),
    on('SubmitReportToChair', '2026-07-13T09:00:00Z', {
      reportKind: 'aim-report',
      author: { id: 'as-1', role: 'social worker', agency: 'childrens-social-care' },
    }),
    on('RecordAttendance', '2026-07-17T10:05:00Z', {
      attendees: [
        {
          personId: 'as-1',
          name: 'Tom Testlead',
          role: 'social worker',
          status: 'present',
          detailsReconfirmed: true,
        },
        {
          personId: 'iro-1',
          name: 'Priya Testchair',
          role: 'IRO',
          status: options.iroPresent === false ? 'apologies' : 'present',
          detailsReconfirmed: true,
        },
      ],
    }),
  ];
};

// ── attendance-aim: a case up the ATT-9 ladder ───────────────────────────────
const school = { schoolId: 'school-1', name: 'Hollowmere Academy' };
const attendanceLead = { id: 'staff-1', role: 'attendance-lead', agency: 'Hollowmere Academy' };
/** A case with no engagement, up the ATT-9 ladder as far as `steps` says (3: the request). */
export const attendanceCase = (caseId: string, steps = 3): Command[] => {
  const on = (type: string, at: string, data: Record<string, unknown>): Command => ({
    type,
    at,
    actor: attendanceLead,
    data: { caseId, ...data },
  });
  const officer = { officerId: 'io-1', name: 'Zed Inventedofficer' };
  return [
    on('OpenAttendanceCase', '2024-09-02T08:00:00Z', {
      pupil: {
        pupilId: `P-${caseId}`,
        firstName: 'Tilly',
        lastName: 'Testcase',
        dateOfBirth: '2011-03-15',
      },
      school,
      parents: [
        {
          parentId: 'parent-1',
          firstName: 'Marnie',
          lastName: 'Fictional',
          relationship: 'mother',
          dayToDayResponsibility: true,
        },
      ],
    }),
    on('AttachSupportEvidence', '2024-10-01T09:00:00Z', {
      documentRef: 'doc-steps',
      steps: [
        { description: 'Mentor check-in', startedOn: '2024-09-09', engagement: 'not-engaged' },
      ],
    }),
    on('ScheduleAim', '2024-10-01T10:00:00Z', {
      meetingId: 'aim-1',
      start: '2024-10-15T09:00:00Z',
      venue: {
        setting: 'school',
        location: { mode: 'venue', venue: 'Hollowmere Academy, Room 4' },
      },
    }),
    on('SendAimLetter', '2024-10-02T09:00:00Z', {
      meetingId: 'aim-1',
      parentId: 'parent-1',
      channel: 'post',
      documentRef: 'doc-letter-1',
      letter: goodLetter,
    }),
    on('RecordNoEngagement', '2024-11-20T09:00:00Z', { note: 'No reply to two letters' }),
    on('ConsultInclusionOfficer', '2024-11-22T09:00:00Z', {
      officer,
      advice: 'Consider legal action',
    }),
    on('HoldLegalInterventionMeeting', '2024-11-27T09:00:00Z', {
      legalMeetingId: 'lm-1',
      leadOfficer: { officerId: 'llo-1', name: 'Lee Inventedlead' },
      channel: 'teams',
      pathAndTimescales: 'Request within two weeks; notice to improve first.',
      inclusionOfficer: officer,
    }),
    on('RequestLegalProceedings', '2024-11-29T09:00:00Z', {
      requestId: 'req-1',
      formRef: 'doc-form',
      evidence: ['doc-steps', 'doc-register'],
    }),
  ].slice(0, 5 + steps);
};
