import { describe, expect, it } from 'vitest';
import { englandAndWales } from '@aimline/calendar';
import { defaultHsbPolicy, hsbDeadlines } from '../src/index.js';
import {
  allocate,
  book,
  cmd,
  report,
  route,
  run,
  s47,
  strategy,
  supervision,
  upToIntervention,
} from './fixtures.js';

const find = (ds: ReturnType<typeof hsbDeadlines>, ruleId: string) =>
  ds.find((d) => d.ruleId === ruleId);

describe('deadlines', () => {
  it('HSB-2: the strategy discussion is due 24 elapsed hours after the disclosure, across the autumn clock change', () => {
    // Disclosure Sat 24 Oct 2026 10:00 BST (09:00Z); clocks go back Sun 25 Oct: 24 h later is 09:00 GMT.
    const r = report('2026-10-24T09:30:00Z', {
      disclosedAt: '2026-10-24T09:00:00Z',
      behaviourDate: '2026-10-23',
      notifications: {
        childrensSocialCare: '2026-10-24T09:10:00Z',
        police: '2026-10-24T09:15:00Z',
      },
    });
    const d = find(hsbDeadlines(run([r]).state, defaultHsbPolicy, englandAndWales), 'HSB-2');
    expect(d?.due).toBe('2026-10-25T09:00:00.000Z');
    expect(d?.status).toEqual({ kind: 'open' });
    const late = find(
      hsbDeadlines(
        run([r, strategy('2026-10-25T09:30:00Z')]).state,
        defaultHsbPolicy,
        englandAndWales,
      ),
      'HSB-2',
    );
    expect(late?.status.kind).toBe('breached');
    const onTime = find(
      hsbDeadlines(
        run([r, strategy('2026-10-25T08:59:00Z')]).state,
        defaultHsbPolicy,
        englandAndWales,
      ),
      'HSB-2',
    );
    expect(onTime?.status).toEqual({ kind: 'met', at: '2026-10-25T08:59:00.000Z' });
  });

  it('HSB-11: a strategy meeting on Thu 24 Dec 2026 makes allocation due by the end of Tue 5 Jan 2027', () => {
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
    ]);
    const d = find(hsbDeadlines(state, defaultHsbPolicy, englandAndWales), 'HSB-11');
    expect(d?.due).toBe('2027-01-05T23:59:59.999Z');
    expect(d?.unit).toBe('workingDays');
    expect(d?.trigger.event).toBe('StrategyDiscussionHeld');
    expect(d?.explanation).toMatch(/Allocation/);
  });

  it('HSB-12: the home visit and safety plan are due 5 calendar days after allocation, or 5 working days by policy', () => {
    // allocation Wed 3 Jun 2026
    const { state } = run([report(), strategy(), route('child-protection'), s47(), allocate()]);
    expect(find(hsbDeadlines(state, defaultHsbPolicy, englandAndWales), 'HSB-12')?.due).toBe(
      '2026-06-08T22:59:59.999Z',
    );
    const working = { ...defaultHsbPolicy, homeSafetyPlanUnit: 'workingDays' as const };
    expect(find(hsbDeadlines(state, working, englandAndWales), 'HSB-12')?.due).toBe(
      '2026-06-10T22:59:59.999Z',
    );
  });

  it('HSB-14 / HSB-16 / HSB-17: supervisions are due 5 working days, 3 weeks and 5 weeks after allocation', () => {
    const { state } = run([report(), strategy(), route('child-protection'), s47(), allocate()]);
    const ds = hsbDeadlines(state, defaultHsbPolicy, englandAndWales);
    expect(find(ds, 'HSB-14')?.due).toBe('2026-06-10T22:59:59.999Z');
    expect(find(ds, 'HSB-16')?.due).toBe('2026-06-24T22:59:59.999Z');
    expect(find(ds, 'HSB-17')?.due).toBe('2026-07-08T22:59:59.999Z');
  });

  it('HSB-15 / HSB-18 / HSB-19 / MTG-5: meeting 6 weeks after the initial supervision; reports 4 days, 24 hours and 2 days before', () => {
    const { state } = run([
      report(),
      strategy(),
      route('child-protection'),
      s47(),
      allocate(),
      supervision('initial', '2026-06-05T10:00:00Z'),
      book('2026-06-05T10:30:00Z', '2026-07-17T09:00:00Z'),
    ]);
    const ds = hsbDeadlines(state, defaultHsbPolicy, englandAndWales);
    expect(find(ds, 'HSB-15')?.due).toBe('2026-07-17T22:59:59.999Z');
    expect(find(ds, 'HSB-18')?.due).toBe('2026-07-13T22:59:59.999Z');
    expect(find(ds, 'HSB-19')?.due).toBe('2026-07-16T09:00:00.000Z');
    expect(find(ds, 'MTG-5')?.due).toBe('2026-07-15T22:59:59.999Z');
  });

  it('HSB-23: an emerging risk opens an urgent obligation', () => {
    const { state } = run([
      report(),
      strategy(),
      route('child-protection'),
      s47(),
      cmd('RaiseEmergingRisk', '2026-06-02T10:00:00Z', { riskId: 'r1', description: 'Invented.' }),
    ]);
    expect(find(hsbDeadlines(state, defaultHsbPolicy, englandAndWales), 'HSB-23')).toMatchObject({
      due: '2026-06-03T10:00:00.000Z',
      status: { kind: 'open' },
    });
  });

  it('HSB-25 / HSB-26: weekly contacts, monthly supervision and 6-weekly reviews roll from the agreed plan', () => {
    const { state } = run([
      ...upToIntervention(),
      cmd('RecordContact', '2026-07-22T10:00:00Z', { contactId: 'c1', practitionerId: 'as-1' }),
    ]);
    const ds = hsbDeadlines(state, defaultHsbPolicy, englandAndWales);
    const contacts = ds.filter((d) => d.ruleId === 'HSB-25' && d.unit === 'calendarDays');
    expect(contacts.map((d) => [d.due, d.status.kind])).toEqual([
      ['2026-07-24T22:59:59.999Z', 'met'],
      ['2026-07-29T22:59:59.999Z', 'open'],
    ]);
    expect(ds.find((d) => d.ruleId === 'HSB-25' && d.unit === 'months')?.due).toBe(
      '2026-08-17T22:59:59.999Z',
    );
    expect(find(ds, 'HSB-26')?.due).toBe('2026-08-28T22:59:59.999Z');
  });

  it('HSB-25: twice weekly when intensive', () => {
    const { state } = run([
      ...upToIntervention(),
      cmd('ChangeIntensity', '2026-07-18T10:00:00Z', { intensive: true }),
    ]);
    expect(
      hsbDeadlines(state, defaultHsbPolicy, englandAndWales).find(
        (d) => d.ruleId === 'HSB-25' && d.unit === 'calendarDays',
      )?.amount,
    ).toBe(defaultHsbPolicy.intensiveContactIntervalDays);
  });

  it('HSB-27: a closed case has no open obligation', () => {
    const { state } = run([
      ...upToIntervention(),
      cmd('AgreeExitPlan', '2026-07-20T10:00:00Z', { remainingConcerns: [], signposting: [] }),
      cmd('CloseCase', '2026-07-21T10:00:00Z', { reason: 'invented' }),
    ]);
    expect(
      hsbDeadlines(state, defaultHsbPolicy, englandAndWales).filter(
        (d) => d.status.kind === 'open',
      ),
    ).toEqual([]);
  });

  it('NAT-1: an initial child protection conference within 15 working days of the strategy discussion', () => {
    const { state } = run([
      report(),
      strategy(),
      route('child-protection'),
      s47(undefined, { conferenceCalled: true }),
    ]);
    expect(find(hsbDeadlines(state, defaultHsbPolicy, englandAndWales), 'NAT-1')?.due).toBe(
      '2026-06-22T22:59:59.999Z',
    );
  });

  it('NAT-2: the first review conference within 3 months of the initial one, then every 6 months', () => {
    const { state } = run([
      report(),
      strategy(),
      route('child-protection'),
      s47(undefined, { conferenceCalled: true }),
      cmd('RecordConference', '2026-06-15T10:00:00Z', { conferenceId: 'icpc-1', kind: 'initial' }),
      cmd('RecordConference', '2026-09-10T10:00:00Z', { conferenceId: 'rcpc-1', kind: 'review' }),
    ]);
    const nat2 = hsbDeadlines(state, defaultHsbPolicy, englandAndWales).filter(
      (d) => d.ruleId === 'NAT-2',
    );
    expect(nat2.map((d) => [d.due, d.status.kind])).toEqual([
      ['2026-09-15T22:59:59.999Z', 'met'],
      ['2027-03-10T23:59:59.999Z', 'open'],
    ]);
  });
});
