/**
 * Reads: `get(id, { asOf })` gives the typed state and each deadline's state at `asOf` with its
 * explanation in London time; `events`, `timeline` and `list` read what the store recorded.
 */
import { describe, expect, it } from 'vitest';
import { reportConcern, setUp, socialWorker } from './fixtures.js';

const strategy = (caseId: string, at: string) => ({
  type: 'HoldStrategyDiscussion' as const,
  at,
  data: {
    caseId,
    discussionId: 'sd-1',
    forChild: 'alleged-child' as const,
    participants: [
      {
        id: 'pc-7',
        name: 'Officer Sky Notreal',
        role: 'investigating officer',
        agency: 'police' as const,
      },
      {
        id: 'sw-7',
        name: 'Morgan Madeup',
        role: 'social worker',
        agency: 'childrens-social-care' as const,
      },
    ],
  },
});

describe('get', () => {
  it('HSB-2: the strategy discussion deadline is open, due soon, then overdue, explained in London time', async () => {
    const { aimline } = setUp();
    await aimline.hsb.execute(socialWorker, reportConcern('case-1'));
    const at = async (asOf: string) => {
      const view = await aimline.hsb.get(socialWorker, 'case-1', { asOf });
      if (view.kind !== 'Found') throw new Error(view.kind);
      return view.value.deadlines.find((d) => d.ruleId === 'HSB-2');
    };
    expect(await at('2026-06-01T09:10:00Z')).toMatchObject({
      state: 'due-soon', // within the policy's 48 hours
      due: '2026-06-02T08:00:00.000Z',
      dueLocal: '09:00 BST Tue 2 Jun 2026',
    });
    const overdue = await at('2026-06-03T10:00:00Z');
    expect(overdue).toMatchObject({ state: 'overdue', late: '1 day 2 hours' });
    expect(overdue?.explanation).toContain('Overdue by 1 day 2 hours at 11:00 BST Wed 3 Jun 2026');
  });

  it('HSB-2: a deadline met late stays met late; one met on time is met', async () => {
    const late = setUp();
    await late.aimline.hsb.execute(socialWorker, reportConcern('case-2'));
    late.clock.now = '2026-06-02T15:05:00Z';
    await late.aimline.hsb.execute(socialWorker, strategy('case-2', '2026-06-02T15:00:00Z'));
    const view = await late.aimline.hsb.get(socialWorker, 'case-2', {
      asOf: '2026-06-10T09:00:00Z',
    });
    expect(
      view.kind === 'Found' && view.value.deadlines.find((d) => d.ruleId === 'HSB-2'),
    ).toMatchObject({
      state: 'met-late',
      settledAt: '2026-06-02T15:00:00.000Z',
      late: '7 hours',
    });

    const onTime = setUp();
    await onTime.aimline.hsb.execute(socialWorker, reportConcern('case-3'));
    await onTime.aimline.hsb.execute(socialWorker, strategy('case-3', '2026-06-01T15:00:00Z'));
    const met = await onTime.aimline.hsb.get(socialWorker, 'case-3', {
      asOf: '2026-06-10T09:00:00Z',
    });
    expect(
      met.kind === 'Found' && met.value.deadlines.find((d) => d.ruleId === 'HSB-2')?.state,
    ).toBe('met');
  });

  it('as-of: what was recorded after asOf is not known then; an unknown case is NotFound; a bad asOf is Invalid', async () => {
    const { aimline } = setUp();
    await aimline.hsb.execute(socialWorker, reportConcern('case-4'));
    expect(
      await aimline.hsb.get(socialWorker, 'case-4', { asOf: '2026-06-01T09:04:59Z' }),
    ).toMatchObject({
      kind: 'NotFound',
      stream: 'hsb-case-case-4',
    });
    expect(await aimline.hsb.get(socialWorker, 'case-4', { asOf: 'yesterday' })).toMatchObject({
      kind: 'Invalid',
      field: 'asOf',
    });
  });
});

describe('events, timeline, list', () => {
  it('events are typed by their type; instants come back exactly as given', async () => {
    const { aimline } = setUp();
    await aimline.hsb.execute(socialWorker, reportConcern('case-5'));
    const read = await aimline.hsb.events(socialWorker, 'case-5');
    if (read.kind !== 'Found') throw new Error(read.kind);
    const [first] = read.value;
    if (first?.type !== 'ConcernReported') throw new Error('expected ConcernReported');
    expect(first.data.disclosedAt).toBe('2026-06-01T08:00:00Z');
    expect(first.occurredAt).toBe('2026-06-01T09:00:00Z');
    expect(first.position).toMatch(/^\d+$/);
  });

  it('the timeline groups the events by phase', async () => {
    const { aimline } = setUp();
    await aimline.hsb.execute(socialWorker, reportConcern('case-6'));
    await aimline.hsb.execute(socialWorker, strategy('case-6', '2026-06-01T15:00:00Z'));
    const timeline = await aimline.hsb.timeline(socialWorker, 'case-6');
    if (timeline.kind !== 'Found') throw new Error(timeline.kind);
    expect(timeline.value.entries.map((e) => e.type)).toEqual([
      'ConcernReported',
      'StrategyDiscussionHeld',
    ]);
  });

  it('list reads every case of the process from the projection, catching up with new ones', async () => {
    const { aimline } = setUp();
    await aimline.hsb.execute(socialWorker, reportConcern('case-7'));
    expect((await aimline.hsb.list(socialWorker)).kind).toBe('Found');
    await aimline.hsb.execute(socialWorker, reportConcern('case-8'));
    await aimline.hsb.execute(socialWorker, strategy('case-8', '2026-06-01T15:00:00Z'));
    const all = await aimline.hsb.list(socialWorker);
    expect(
      all.kind === 'Found' && all.value.map((e) => [e.id, e.revision, e.lastEventType]),
    ).toEqual([
      ['case-7', 0, 'ConcernReported'],
      ['case-8', 1, 'StrategyDiscussionHeld'],
    ]);
    const open = await aimline.hsb.list(socialWorker, {
      where: (s) => s.status !== 'none',
      limit: 1,
    });
    expect(open.kind === 'Found' && open.value.map((e) => e.id)).toEqual(['case-7']);
    expect(await aimline.meetings.list(socialWorker)).toEqual({ kind: 'Found', value: [] });
  });
});

describe('list agrees with get (one fold, one notion of asOf, corrupt history reported)', () => {
  it('given cases recorded at different times, then list gives each case the state and revision get gives, and as of an instant knows only what was recorded by then', async () => {
    const { aimline, clock } = setUp();
    await aimline.hsb.execute(socialWorker, reportConcern('case-1'));
    clock.now = '2026-06-01T16:05:00Z';
    await aimline.hsb.execute(socialWorker, strategy('case-1', '2026-06-01T15:00:00Z'));
    await aimline.hsb.execute(socialWorker, reportConcern('case-2', '2026-06-01T16:00:00Z'));
    for (const asOf of ['2026-06-01T10:00:00Z', '2026-06-01T17:00:00Z']) {
      const listed = await aimline.hsb.list(socialWorker, { asOf });
      if (listed.kind !== 'Found') throw new Error(listed.kind);
      for (const entry of listed.value) {
        const got = await aimline.hsb.get(socialWorker, entry.id, { asOf });
        expect(got.kind === 'Found' && [got.value.state, got.value.revision]).toEqual([
          entry.state,
          entry.revision,
        ]);
      }
      expect(listed.value.map((e) => [e.id, e.revision])).toEqual(
        asOf === '2026-06-01T10:00:00Z'
          ? [['case-1', 0]]
          : [
              ['case-1', 1],
              ['case-2', 0],
            ],
      );
    }
  });

  it('given a stored case event that does not decode, then list is Unavailable (corrupt history) naming the stream and revision, as get is', async () => {
    const { aimline, store } = setUp();
    await aimline.hsb.execute(socialWorker, reportConcern('case-1'));
    const id = '00000000-0000-4000-8000-00000000c0de';
    await store.append(
      'hsb-case-case-1',
      [
        {
          id,
          type: 'StrategyDiscussionHeld',
          schemaVersion: 1,
          data: { caseId: 'case-1' },
          metadata: {
            occurredAt: '2026-06-01T15:00:00Z',
            recordedAt: '2026-06-01T09:05:00Z',
            actor: { id: 'sw-lead-7', role: 'social-worker', agency: 'childrens-social-care' },
            commandId: id,
            correlationId: id,
            causationId: id,
            commandFingerprint: 'f'.repeat(64),
          },
        },
      ],
      { expectedRevision: 0 },
    );
    expect(await aimline.hsb.get(socialWorker, 'case-1')).toMatchObject({
      kind: 'Unavailable',
      cause: 'corrupt-history',
    });
    expect(await aimline.hsb.list(socialWorker)).toMatchObject({
      kind: 'Unavailable',
      cause: 'corrupt-history',
      reason: expect.stringMatching(/^hsb-case-case-1@1: /) as unknown,
    });
  });
});
