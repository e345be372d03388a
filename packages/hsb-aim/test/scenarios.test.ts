import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { englandAndWales, isOutstanding } from '@aimline/calendar';
import { commandHandler, InMemoryEventStore } from '@aimline/kernel';
import {
  hsbDeadlines,
  hsbCaseModule,
  hsbCaseStream,
  defaultHsbPolicy,
  makeHsbDecider,
} from '../src/index.js';
import {
  actor,
  agreePlan,
  allocate,
  book,
  CASE,
  cmd,
  holdMeeting,
  noteAttendance,
  homeVisit,
  report,
  review,
  route,
  run,
  s47,
  share,
  strategy,
  supervision,
} from './fixtures.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const wire = (n: number, c: ReturnType<typeof cmd>) => ({
  commandId: uuid(n),
  type: c.type,
  at: c.at,
  actor,
  data: c.data,
});

const exit = cmd('AgreeExitPlan', '2026-10-20T10:00:00Z', {
  remainingConcerns: [
    { concern: 'Invented: online safety.', howAddressed: 'Invented: school e-safety mentor.' },
  ],
  signposting: ['early-help'],
} as never);
const close = (at = '2026-10-21T10:00:00Z') =>
  cmd('CloseCase', at, { reason: 'intervention complete' });

describe('whole cases', () => {
  it('HSB-1 … HSB-27: child-protection route through the command handler; rejected commands append nothing', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock: () => '2026-12-31T00:00:00Z' });
    const module = hsbCaseModule();
    const steps = [
      report(),
      strategy(),
      route('child-protection'),
      s47(),
      allocate(),
      homeVisit(),
      agreePlan(),
      supervision('initial', '2026-06-05T10:00:00Z'),
      book('2026-06-05T10:30:00Z', '2026-07-17T10:00:00Z'),
      supervision('second', '2026-06-24T10:00:00Z'),
      supervision('final', '2026-07-08T10:00:00Z'),
      cmd('SubmitReport', '2026-07-13T09:00:00Z', { recipient: 'manager' } as never),
      // MTG-5: the report reached the chair on the meeting's stream; a process manager tells the case
      cmd('NoteReportToChair', '2026-07-15T09:00:00Z', {
        meetingId: 'mtg-1',
        reportKind: 'aim-report',
        author: { id: 'as-1', role: 'social worker', agency: 'childrens-social-care' },
      } as never),
      cmd('SubmitReport', '2026-07-16T09:00:00Z', { recipient: 'iro' } as never),
      share('2026-07-16T16:00:00Z'),
      noteAttendance('2026-07-17T11:50:00Z'),
      holdMeeting('2026-07-17T12:00:00Z'),
      cmd('RecordContact', '2026-07-22T10:00:00Z', { contactId: 'c1', practitionerId: 'as-1' }),
      review('2026-08-28T10:00:00Z'),
      review('2026-10-09T10:00:00Z', { interventionEnds: true }),
      exit,
      close(),
    ];
    let n = 0;
    for (const c of steps) {
      const r = await handler.execute(module, wire(++n, c));
      expect(E.isRight(r), `${c.type}: ${JSON.stringify(E.isLeft(r) ? r.left : null)}`).toBe(true);
    }
    const before = [];
    for await (const e of store.readStream(hsbCaseStream(CASE))) before.push(e);
    // a rejected command (work on a closed case) and an undecodable one append nothing
    const rejected = await handler.execute(module, wire(++n, review('2026-11-01T10:00:00Z')));
    expect(E.isLeft(rejected) && rejected.left.kind).toBe('Rejected');
    const bad = await handler.execute(module, {
      ...wire(++n, allocate()),
      data: { caseId: CASE, model: 'AIM9', assessors: 'two' },
    });
    expect(E.isLeft(bad) && bad.left.kind).toBe('InvalidCommand');
    const unknown = await handler.execute(module, {
      ...wire(n + 1, allocate()),
      type: 'DeleteChild',
    });
    expect(E.isLeft(unknown) && unknown.left.kind).toBe('InvalidCommand');
    const after = [];
    for await (const e of store.readStream(hsbCaseStream(CASE))) after.push(e);
    expect(after).toHaveLength(before.length);
    const loaded = await handler.load(module, hsbCaseStream(CASE));
    const state = E.isRight(loaded) ? loaded.right.state : undefined;
    expect(state?.status).toBe('closed');
    // Nothing is left outstanding on a closed case; a deadline it had already missed stays
    // breached, waived late at the closure (this once read [] and hid the NAT-3 breach).
    const standing = hsbDeadlines(state!, defaultHsbPolicy, englandAndWales);
    expect(standing.filter((d) => isOutstanding(d.status))).toEqual([]);
    expect(
      standing
        .filter((d) => d.status.kind === 'breached')
        .map((d) => [d.ruleId, d.status.kind === 'breached' && d.status.waived?.reason]),
    ).toEqual([['NAT-3', 'case closed']]);
  });

  it('INPUT: a wire command naming a bad field is rejected naming it', async () => {
    const handler = commandHandler({
      store: new InMemoryEventStore(),
      clock: () => '2026-12-31T00:00:00Z',
    });
    const r = await handler.execute(hsbCaseModule(), {
      ...wire(1, report()),
      data: { ...report().data, behaviourDate: 42 },
    });
    expect(
      E.isLeft(r) && r.left.kind === 'InvalidCommand' && r.left.problems.map((p) => p.path),
    ).toEqual(['data.behaviourDate']);
  });

  it('HSB-28: criminal-justice route with release under investigation, report to the officer and a police decision', () => {
    const { state, events } = run([
      report(),
      strategy(),
      route('criminal-justice', undefined, { outOfCourtDisposal: true }),
      cmd('RecordAdmission', '2026-06-02T10:00:00Z', {}),
      cmd('RecordBail', '2026-06-02T11:00:00Z', { kind: 'released-under-investigation' } as never),
      cmd('PoliceTriggerAssessment', '2026-06-03T10:00:00Z', { officerId: 'pc-1' }),
      allocate('2026-06-05T10:00:00Z'),
      cmd('SubmitReport', '2026-06-25T10:00:00Z', {
        recipient: 'investigating-officer',
        disposalRecommendation: 'Invented: out-of-court disposal.',
      } as never),
      cmd('RecordPoliceDecision', '2026-06-29T10:00:00Z', { decision: 'out-of-court-disposal' }),
    ]);
    expect(events.find((e) => e.type === 'AssessorsAllocated')?.data).toMatchObject({
      leadAgency: 'youth-offending-service',
    });
    expect(
      hsbDeadlines(state, defaultHsbPolicy, englandAndWales).find((d) => d.ruleId === 'HSB-28')
        ?.status.kind,
    ).toBe('met');
  });

  it('HSB-29: straight to prosecution, guilty plea, court time for the pre-sentence report', () => {
    const { state } = run([
      report(),
      strategy(),
      route('criminal-justice'),
      cmd('RecordCharge', '2026-06-02T12:00:00Z', { offence: 'Invented offence.' }),
      cmd('EnterPlea', '2026-06-20T10:00:00Z', { plea: 'guilty' }),
      cmd('RequestCourtTime', '2026-06-20T11:00:00Z', { untilDate: '2026-08-14' }),
      allocate('2026-06-24T10:00:00Z'),
      supervision('initial', '2026-06-26T10:00:00Z', {
        overseeingManager: { id: 'mgr-yos', agency: 'youth-offending-service' },
      }),
    ]);
    expect(state.status !== 'none' && state.assessment.leadAgency).toBe('youth-offending-service');
  });

  it('HSB-5 / HSB-1: no AIM intervention is still recorded and the case closes without an exit plan', () => {
    const { state } = run([
      report(),
      strategy(),
      route('no-aim-intervention', undefined, {
        noInterventionReason: { kind: 'police-caution', detail: 'Invented.' },
      }),
      close('2026-06-03T10:00:00Z'),
    ]);
    expect(state.status).toBe('closed');
  });

  it('HSB-30: custody, then release with AIM work in the pre-release plan and licence', () => {
    const { state } = run([
      report(),
      strategy(),
      route('criminal-justice'),
      cmd('RecordCharge', '2026-06-02T12:00:00Z', { offence: 'Invented offence.' }),
      cmd('StartCustody', '2026-06-03T12:00:00Z', { kind: 'remand' }),
      cmd('EnterPlea', '2026-06-20T10:00:00Z', { plea: 'guilty' }),
      cmd('RequestCourtTime', '2026-06-20T11:00:00Z', { untilDate: '2026-08-14' }),
      allocate('2026-06-24T10:00:00Z'),
      cmd('RecordRelease', '2026-12-01T10:00:00Z', {
        inPreReleasePlan: true,
        inLicenceConditions: true,
      }),
      supervision('initial', '2026-12-02T10:00:00Z', {
        overseeingManager: { id: 'mgr-yos', agency: 'youth-offending-service' },
      }),
    ]);
    expect(state.status !== 'none' && state.criminal.releasedAt).toBe('2026-12-01T10:00:00Z');
  });

  it('HSB-11: a case crossing Christmas and New Year: strategy Thu 24 Dec 2026, allocation due Tue 5 Jan 2027, met on the day', () => {
    const r = report('2026-12-24T09:00:00Z', {
      disclosedAt: '2026-12-24T08:00:00Z',
      behaviourDate: '2026-12-23',
      notifications: {
        childrensSocialCare: '2026-12-24T08:10:00Z',
        police: '2026-12-24T08:20:00Z',
      },
    });
    const { state } = run([
      r,
      strategy('2026-12-24T11:00:00Z'),
      route('child-protection', '2026-12-24T12:00:00Z'),
      s47('2026-12-24T12:30:00Z'),
      allocate('2027-01-05T16:00:00Z'),
    ]);
    const ds = hsbDeadlines(state, defaultHsbPolicy, englandAndWales);
    expect(ds.find((d) => d.ruleId === 'HSB-11')?.status).toEqual({
      kind: 'met',
      at: '2027-01-05T16:00:00.000Z',
    });
    expect(ds.find((d) => d.ruleId === 'HSB-14')?.due).toBe('2027-01-12T23:59:59.999Z');
  });

  it('HSB-2: a case crossing the spring clock change counts 24 elapsed hours', () => {
    // Disclosure Sat 28 Mar 2026 12:00 GMT; clocks go forward Sun 29 Mar: due 13:00 BST = 12:00Z.
    const r = report('2026-03-28T12:30:00Z', {
      disclosedAt: '2026-03-28T12:00:00Z',
      behaviourDate: '2026-03-27',
      notifications: {
        childrensSocialCare: '2026-03-28T12:10:00Z',
        police: '2026-03-28T12:15:00Z',
      },
    });
    const { state } = run([r, strategy('2026-03-29T12:30:00+01:00')]);
    expect(
      hsbDeadlines(state, defaultHsbPolicy, englandAndWales).find((d) => d.ruleId === 'HSB-2')
        ?.status,
    ).toEqual({
      kind: 'met',
      at: '2026-03-29T11:30:00.000Z',
    });
  });
});

describe('calling the decider directly (a council app composing the domain itself)', () => {
  it('INPUT: bad data gives a typed rejection naming the field, never an exception', () => {
    const decider = makeHsbDecider();
    const decision = decider.decide(
      report('2026-06-01T09:00:00Z', { behaviourDate: 'last Tuesday', alleged: undefined }),
      decider.initialState,
    );
    expect(E.isLeft(decision) && decision.left).toMatchObject({
      kind: 'Rejected',
      ruleId: 'INPUT',
      field: 'data.behaviourDate',
    });
  });
});
