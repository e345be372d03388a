import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, type Actor } from '@aimline/kernel';
import {
  contactConfirmed,
  distributionList,
  makeMeetingDecider,
  minutesActions,
  presentAttendees,
  type AttendanceEntryInput as AttendanceEntry,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
} from '../src/index.js';
import {
  actions,
  apologiesFrom,
  asChair,
  asLead,
  asSupport,
  chair,
  command,
  invitees,
  lead,
  minuteTaker,
  present,
  scheduleData,
} from './fixtures.js';

const decider = makeMeetingDecider();
const people = [chair, lead, ...invitees];
const ids = [...people.map((p) => p.id), 'stranger-1'];
const actors: Actor[] = [asChair, asLead, asSupport];

const anyActor = fc.constantFrom(...actors);
const anyId = fc.constantFrom(...ids);
const anyInvitee = fc.constantFrom(...invitees.map((i) => i.id), 'stranger-1');
/** Times around the meeting (Thu 12 Mar 2026 10:00 Z), from weeks before to weeks after. */
const anyAt = fc
  .integer({ min: -30 * 24, max: 30 * 24 })
  .map((h) => new Date(Date.parse('2026-03-12T10:00:00Z') + h * 3_600_000).toISOString());
const anyEntry: fc.Arbitrary<AttendanceEntry> = fc
  .tuple(fc.constantFrom(...people), fc.boolean())
  .map(([p, here]) => (here ? present(p) : apologiesFrom(p)));

/** Any command of the meeting process, well-formed or not for the state it meets. */
const anyCommand: fc.Arbitrary<MeetingCommand> = fc.oneof(
  fc.tuple(anyAt, anyActor).map(([at, a]) => command('ScheduleMeeting', scheduleData, at, a)),
  fc
    .tuple(anyAt, fc.subarray([...invitees], { minLength: 1 }))
    .map(([at, list]) => command('SubmitInviteList', { invitees: list }, at, asLead)),
  anyAt.map((at) => command('AllocateMinuteTaker', { minuteTaker }, at)),
  fc
    .tuple(anyAt, anyInvitee)
    .map(([at, inviteeId]) =>
      command('ConfirmContactDetails', { inviteeId, checkedAgainst: 'ICS' }, at),
    ),
  fc
    .tuple(anyAt, anyInvitee)
    .map(([at, inviteeId]) =>
      command('QueryContactDetails', { inviteeId, anomaly: 'differs' }, at),
    ),
  fc
    .tuple(anyAt, anyInvitee, fc.constantFrom('email' as const, 'post' as const))
    .map(([at, inviteeId, channel]) => command('SendInvitation', { inviteeId, channel }, at)),
  fc
    .tuple(anyAt, fc.uniqueArray(anyEntry, { selector: (e) => e.personId, minLength: 1 }))
    .map(([at, attendees]) => command('RecordAttendance', { attendees }, at)),
  fc
    .tuple(anyAt, fc.subarray([...actions]))
    .map(([at, list]) =>
      command('SubmitDraftMinutes', { documentRef: 'doc-1', actions: list }, at),
    ),
  fc.tuple(anyAt, anyActor).map(([at, a]) => command('ApproveMinutes', {}, at, a)),
  fc
    .tuple(anyAt, fc.option(fc.uniqueArray(anyId, { minLength: 1 }), { nil: undefined }))
    .map(([at, recipients]) =>
      command('DistributeMinutes', recipients === undefined ? {} : { recipients }, at),
    ),
  fc
    .tuple(anyAt, fc.boolean())
    .map(([at, included]) =>
      command('UploadMinutes', { systems: ['ICS'], attendanceListIncluded: included }, at),
    ),
  anyAt.map((at) => command('DestroyHardCopies', {}, at)),
  anyAt.map((at) => command('CancelMeeting', { reason: 'case closed' }, at, asLead)),
);

/** Runs commands in order; every accepted decision is checked against the state it was made in. */
const run = (
  commands: ReadonlyArray<MeetingCommand>,
  check: (before: MeetingState, c: MeetingCommand, events: ReadonlyArray<MeetingEvent>) => void,
): { state: MeetingState; events: MeetingEvent[] } => {
  let state = decider.initialState;
  const events: MeetingEvent[] = [];
  for (const c of commands) {
    const decision = decider.decide(c, state);
    if (E.isLeft(decision)) continue;
    check(state, c, decision.right);
    for (const e of decision.right) {
      state = decider.evolve(state, e);
      events.push(e);
    }
  }
  return { state, events };
};

/**
 * The process in its usual order (each step sometimes skipped, at increasing times, with random
 * choices of actor, recipients and attendance), with random commands mixed in anywhere.
 */
const steps: fc.Arbitrary<MeetingCommand[]> = fc
  .tuple(
    fc.subarray([...invitees], { minLength: 1 }),
    fc.constantFrom(asChair, asChair, asLead, asSupport),
    fc.option(fc.uniqueArray(anyId, { minLength: 1 }), { nil: undefined }),
    fc.uniqueArray(anyEntry, { selector: (e) => e.personId, minLength: 1 }),
    fc.subarray([...actions]),
    fc.boolean(),
  )
  .map(([list, approver, recipients, attendees, minuted, included]) => {
    const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T11:00:00Z`;
    return [
      command('SubmitInviteList', { invitees: list }, day(1), asLead),
      ...list.map((i) =>
        command('ConfirmContactDetails', { inviteeId: i.id, checkedAgainst: 'ICS' }, day(2)),
      ),
      ...list.map((i) =>
        command(
          'SendInvitation',
          { inviteeId: i.id, channel: i.contact.email === undefined ? 'post' : 'email' },
          day(3),
        ),
      ),
      command('RecordAttendance', { attendees }, day(12)),
      command('SubmitDraftMinutes', { documentRef: 'doc-1', actions: minuted }, day(13)),
      command('ApproveMinutes', {}, day(14), approver),
      command('DistributeMinutes', recipients === undefined ? {} : { recipients }, day(15)),
      command('UploadMinutes', { systems: ['ICS'], attendanceListIncluded: included }, day(16)),
      command('DestroyHardCopies', {}, day(17)),
    ];
  });

const scheduleFirst: fc.Arbitrary<MeetingCommand[]> = fc
  .tuple(
    steps,
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 20, maxLength: 20 }),
    fc.array(fc.tuple(fc.nat(), anyCommand), { maxLength: 20 }),
  )
  .map(([path, keep, noise]) => {
    const kept = path.filter((_, i) => (keep[i % keep.length] ?? 1) > 0);
    for (const [where, c] of noise) kept.splice(where % (kept.length + 1), 0, c);
    return [command('ScheduleMeeting', scheduleData, '2026-02-02T09:00:00Z', asLead), ...kept];
  });

describe('properties of the meeting process', () => {
  it('MTG-7: random command sequences never distribute or upload unapproved minutes, and only the chair approves', () => {
    let distributed = 0;
    fc.assert(
      fc.property(scheduleFirst, (commands) => {
        run(commands, (before, c, events) => {
          for (const e of events) {
            if (e.type === 'MinutesDistributed' || e.type === 'MinutesUploaded') {
              expect(before.approval).not.toBeNull();
              distributed++;
            }
            if (e.type === 'MinutesApproved') expect(c.actor.id).toBe(before.schedule?.chair.id);
          }
        });
      }),
      { numRuns: 300 },
    );
    // The generator does reach approved minutes: the property is not vacuous.
    expect(distributed).toBeGreaterThan(0);
  });

  it('MTG-8: everyone minutes go to was present or owns an action', () => {
    fc.assert(
      fc.property(scheduleFirst, (commands) => {
        run(commands, (before, _c, events) => {
          const allowed = new Set([
            ...presentAttendees(before).map((a) => a.personId),
            ...minutesActions(before).map((a) => a.ownerId),
          ]);
          for (const e of events)
            if (e.type === 'MinutesDistributed')
              for (const r of e.data.recipients) expect(allowed.has(r)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('MTG-8: the derived distribution list is always a subset of present ∪ action owners, without repeats', () => {
    fc.assert(
      fc.property(scheduleFirst, (commands) => {
        const { state } = run(commands, () => undefined);
        const list = distributionList(state);
        const allowed = new Set([
          ...presentAttendees(state).map((a) => a.personId),
          ...minutesActions(state).map((a) => a.ownerId),
        ]);
        expect(list.every((id) => allowed.has(id))).toBe(true);
        expect(new Set(list).size).toBe(list.length);
        expect(list.length).toBe(allowed.size);
      }),
      { numRuns: 300 },
    );
  });

  it('MTG-3: no invitation goes to an invitee whose contact details are not confirmed', () => {
    let sent = 0;
    fc.assert(
      fc.property(scheduleFirst, (commands) => {
        run(commands, (before, _c, events) => {
          for (const e of events)
            if (e.type === 'InvitationSent') {
              expect(contactConfirmed(before, e.data.inviteeId)).toBe(true);
              sent++;
            }
        });
      }),
      { numRuns: 300 },
    );
    expect(sent).toBeGreaterThan(0);
  });

  it('MTG-9: hard copies are never destroyed before the minutes are uploaded', () => {
    let destroyed = 0;
    fc.assert(
      fc.property(scheduleFirst, (commands) => {
        run(commands, (before, _c, events) => {
          for (const e of events)
            if (e.type === 'HardCopiesDestroyed') {
              expect(before.upload).not.toBeNull();
              destroyed++;
            }
        });
      }),
      { numRuns: 300 },
    );
    expect(destroyed).toBeGreaterThan(0);
  });

  it('folding all events at once equals folding them one by one, from any split point', () => {
    fc.assert(
      fc.property(scheduleFirst, fc.nat(), (commands, cut) => {
        const { state, events } = run(commands, () => undefined);
        const at = events.length === 0 ? 0 : cut % (events.length + 1);
        const whole = fold(decider)(events);
        const split = fold(decider)(events.slice(at), fold(decider)(events.slice(0, at)));
        expect(whole).toEqual(state);
        expect(split).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});
