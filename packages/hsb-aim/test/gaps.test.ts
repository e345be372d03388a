/** Issue 14: the gaps left open last round (HSB-20 guard, HSB-29 deadline, custody pauses HSB-25). */
import { describe, expect, it } from 'vitest';
import { englandAndWales } from '@aimline/calendar';
import { deciderSpec } from '@aimline/kernel/testing';
import { hsbDeadlines, defaultHsbPolicy, makeHsbDecider, type HsbState } from '../src/index.js';
import {
  allocate,
  book,
  cmd,
  holdMeeting,
  noteAttendance,
  report,
  route,
  run,
  share,
  strategy,
  supervision,
  upToAllocation,
  upToMeeting,
} from './fixtures.js';

const spec = deciderSpec(makeHsbDecider());
const history = (...cs: Parameters<typeof run>[0]) => run(cs).events;
const contact = (at: string, id: string) =>
  cmd('RecordContact', at, { contactId: id, practitionerId: 'as-1' });
const contacts = (state: HsbState) =>
  hsbDeadlines(state, defaultHsbPolicy, englandAndWales).filter(
    (d) => d.ruleId === 'HSB-25' && d.unit === 'calendarDays',
  );

const court = [
  report(),
  strategy(),
  route('criminal-justice'),
  cmd('RecordCharge', '2026-06-02T12:00:00Z', { offence: 'Invented offence.' }),
  cmd('EnterPlea', '2026-06-20T10:00:00Z', { plea: 'guilty' }),
  // the adjourned hearing is Monday 17 August 2026
  cmd('RequestCourtTime', '2026-06-20T11:00:00Z', { untilDate: '2026-08-17' }),
];
const yos = { overseeingManager: { id: 'mgr-yos', agency: 'youth-offending-service' } };
/** A guilty plea, court time, the assessment for the PSR and an intervention led by the YOS. */
const courtIntervention = [
  ...court,
  allocate('2026-06-22T10:00:00Z'),
  supervision('initial', '2026-06-23T10:00:00Z', yos),
  book('2026-06-23T10:30:00Z', '2026-07-17T10:00:00Z'),
  supervision('second', '2026-07-08T10:00:00Z', yos),
  supervision('final', '2026-07-14T10:00:00Z', yos),
  share('2026-07-15T16:00:00Z'),
  noteAttendance('2026-07-17T11:50:00Z'),
  holdMeeting('2026-07-17T12:00:00Z'),
];

describe('HSB-20: the assessment is shared with the family before the meeting', () => {
  it('HSB-20: "The assessment should be shared with the young person and their parents by the assessors before the strategy meeting takes place"', () => {
    const notShared = upToMeeting().filter((c) => c.type !== 'ShareAssessmentWithFamily');
    spec
      .given(history(...notShared))
      .when(holdMeeting('2026-07-17T12:00:00Z'))
      .thenRejects('HSB-20', { field: 'data.meetingId' });
    spec
      .given(history(...notShared, share('2026-07-16T16:00:00Z')))
      .when(holdMeeting('2026-07-17T12:00:00Z'))
      .events();
  });
});

describe('HSB-29: the adjourned hearing sets a deadline for the assessment', () => {
  it('HSB-29: "a request for an adjournment should be made in order to carry out the initial assessment, which will inform the pre-sentence report"', () => {
    const open = hsbDeadlines(run(court).state, defaultHsbPolicy, englandAndWales).find(
      (d) => d.ruleId === 'HSB-29',
    );
    // one day before a Monday hearing is Sunday: moved back to the end of Friday 14 August (BST)
    expect(open).toMatchObject({
      trigger: { event: 'CourtTimeRequested' },
      unit: 'daysBefore',
      amount: 1,
      due: '2026-08-14T22:59:59.999Z',
      status: { kind: 'open' },
    });
    const done = run(courtIntervention).state;
    expect(
      hsbDeadlines(done, defaultHsbPolicy, englandAndWales).find((d) => d.ruleId === 'HSB-29')
        ?.status,
    ).toEqual({
      kind: 'met',
      at: '2026-07-14T10:00:00.000Z',
    });
  });
});

describe('HSB-25: custody pauses the contact obligation', () => {
  const custody = cmd('StartCustody', '2026-07-20T10:00:00Z', { kind: 'remand' });
  const release = cmd('RecordRelease', '2026-09-01T10:00:00Z', {
    inPreReleasePlan: true,
    inLicenceConditions: true,
  });
  const onRemand = [...courtIntervention, custody];

  it('HSB-25: the weekly contact running when custody starts is waived "in custody", not breached', () => {
    const [first] = contacts(run(onRemand).state);
    expect(first?.status).toEqual({
      kind: 'waived',
      reason: 'in custody',
      at: '2026-07-20T10:00:00.000Z',
    });
  });

  it('HSB-25: release starts a new weekly obligation, met by the next contact', () => {
    const released = contacts(run([...onRemand, release]).state);
    expect(released.map((d) => [d.trigger.event, d.status.kind])).toEqual([
      ['InitialAimMeetingHeld', 'waived'],
      ['ReleasedFromCustody', 'open'],
    ]);
    expect(released[1]?.due).toBe('2026-09-08T22:59:59.999Z');
    const seen = contacts(run([...onRemand, release, contact('2026-09-04T10:00:00Z', 'c9')]).state);
    expect(seen[1]?.status).toEqual({ kind: 'met', at: '2026-09-04T10:00:00.000Z' });
  });

  it('HSB-25: a contact already overdue when custody starts stays breached', () => {
    const late = [
      ...courtIntervention,
      cmd('StartCustody', '2026-07-30T10:00:00Z', { kind: 'sentence' }),
    ];
    const [first] = contacts(run(late).state);
    expect(first?.status).toEqual({
      kind: 'breached',
      by: 'P5DT11H0.001S',
      waived: { reason: 'in custody', at: '2026-07-30T10:00:00.000Z' },
    });
    expect(first?.due).toBe('2026-07-24T22:59:59.999Z');
  });
});

describe('HSB-18: "4 days prior" by policy', () => {
  it('HSB-18: "Report to be submitted to manager 4 days prior to AIM meeting": calendar days by default, working days where a council counts them', () => {
    // the meeting is Tuesday 21 July 2026
    const { state } = run([
      ...upToAllocation(),
      supervision('initial', '2026-06-05T10:00:00Z'),
      book('2026-06-05T10:30:00Z', '2026-07-21T10:00:00Z'),
    ]);
    const byDefault = hsbDeadlines(state, defaultHsbPolicy, englandAndWales).find(
      (d) => d.ruleId === 'HSB-18',
    );
    expect(byDefault).toMatchObject({ unit: 'daysBefore', due: '2026-07-17T22:59:59.999Z' });
    const working = hsbDeadlines(
      state,
      {
        ...defaultHsbPolicy,
        reportToManagerUnit: 'workingDaysBefore',
      },
      englandAndWales,
    ).find((d) => d.ruleId === 'HSB-18');
    expect(working).toMatchObject({
      unit: 'workingDaysBefore',
      due: '2026-07-15T22:59:59.999Z',
    });
  });
});
