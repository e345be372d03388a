import { describe, expect, it } from 'vitest';
import { englandAndWales, scotland, statusAt } from '@aimline/calendar';
import {
  meetingDeadlines,
  defaultMeetingPolicy,
  makeMeetingDecider,
  meetingPolicy,
  type MeetingEvent,
} from '../src/index.js';
import {
  chair,
  event,
  heldAndApproved,
  lead,
  parent,
  scheduled,
  teacher,
  uploaded,
  yjsOfficer,
} from './fixtures.js';

const decider = makeMeetingDecider();
const stateOf = (events: ReadonlyArray<MeetingEvent>) =>
  events.reduce(decider.evolve, decider.initialState);
const rule = (events: ReadonlyArray<MeetingEvent>, ruleId: string, policy = defaultMeetingPolicy) =>
  meetingDeadlines(stateOf(events), policy, englandAndWales).filter((d) => d.ruleId === ruleId);
const destroyed = event('HardCopiesDestroyed', { at: '2026-03-20T15:00:00Z', destroyedBy: 'bs-1' });
const panelPolicy = meetingPolicy({
  minutesDistributionWithin: { unit: 'workingDays', amount: 7, ruleId: 'PNL-7' },
});
const everyone = [chair.id, lead.id, parent.id, teacher.id, yjsOfficer.id];

describe('MTG-9: lists and hard copies destroyed once the minutes are uploaded', () => {
  it('MTG-9: no obligation before the upload', () => {
    expect(rule(heldAndApproved, 'MTG-9')).toEqual([]);
  });

  it('MTG-9: an upload on Wed 18 Mar opens an obligation due at the end of Wed 25 Mar (policy default: 5 working days)', () => {
    const [d] = rule([...heldAndApproved, uploaded()], 'MTG-9');
    expect(d).toMatchObject({
      trigger: { event: 'MinutesUploaded', at: '2026-03-18T10:00:00.000Z' },
      unit: 'workingDays',
      amount: 5,
      due: '2026-03-25T23:59:59.999Z',
      status: { kind: 'open' },
    });
    expect(statusAt(d!, '2026-03-26T09:00:00Z').kind).toBe('breached');
  });

  it('MTG-9: HardCopiesDestroyed closes the obligation', () => {
    const [d] = rule([...heldAndApproved, uploaded(), destroyed], 'MTG-9');
    expect(d?.status).toEqual({ kind: 'met', at: '2026-03-20T15:00:00.000Z' });
  });

  it('MTG-9: the timescale is council policy', () => {
    const policy = meetingPolicy({
      hardCopiesDestroyedWithin: { unit: 'calendarDays', amount: 1, ruleId: 'MTG-9' },
    });
    expect(rule([...heldAndApproved, uploaded()], 'MTG-9', policy)[0]?.due).toBe(
      '2026-03-19T23:59:59.999Z',
    );
  });
});

describe('minutes-distribution hook: a domain imposes its own timescale (PNL-7)', () => {
  it('PNL-7: with no timescale in the policy, no distribution deadline', () => {
    expect(
      meetingDeadlines(stateOf(heldAndApproved), defaultMeetingPolicy, englandAndWales).map(
        (d) => d.ruleId,
      ),
    ).toEqual(['MTG-5']);
  });

  it('PNL-7: not before the meeting is held', () => {
    expect(rule([scheduled()], 'PNL-7', panelPolicy)).toEqual([]);
  });

  it('PNL-7: minutes of a sitting on Thu 12 Mar are due within 7 working days: end of Mon 23 Mar', () => {
    const [d] = rule(heldAndApproved, 'PNL-7', panelPolicy);
    expect(d).toMatchObject({
      label: 'Minutes distributed',
      due: '2026-03-23T23:59:59.999Z',
      status: { kind: 'open' },
    });
  });

  it('PNL-7: met when the last person on the derived list received them', () => {
    const part = event('MinutesDistributed', {
      at: '2026-03-18T09:00:00Z',
      recipients: [parent.id],
    });
    expect(rule([...heldAndApproved, part], 'PNL-7', panelPolicy)[0]?.status.kind).toBe('open');
    const rest = event('MinutesDistributed', {
      at: '2026-03-19T09:00:00Z',
      recipients: everyone.filter((id) => id !== parent.id),
    });
    expect(rule([...heldAndApproved, part, rest], 'PNL-7', panelPolicy)[0]?.status).toEqual({
      kind: 'met',
      at: '2026-03-19T09:00:00.000Z',
    });
  });

  it('T-2: the calendar is a parameter (Scotland)', () => {
    const [d] = meetingDeadlines(stateOf(heldAndApproved), panelPolicy, scotland).filter(
      (x) => x.ruleId === 'PNL-7',
    );
    expect(d?.calendarId).toBe('scotland');
  });
});
