import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryEventStore, type RecordedEvent } from '@aimline/kernel';
import { openSqliteEventStore, type SqliteEventStore } from '@aimline/store-sqlite';
import { auditReplay, formatAuditReport, type AuditReplayReport } from '../src/audit-replay.js';
import { recordCase, STREAM } from './history.js';

const FIRST = '2026-06-05T12:00:00Z'; // before HSB-11's due date (end of Mon 8 Jun)
const SECOND = '2026-06-16T12:00:00Z'; // after the late allocation and the late recording

const rule = (rows: AuditReplayReport['deadlines']['open'], ruleId: string) =>
  rows.find((d) => d.ruleId === ruleId);

describe('audit replay of a case recorded through the command handler', () => {
  let store: InMemoryEventStore;
  beforeAll(async () => {
    store = new InMemoryEventStore();
    await recordCase(store);
  });

  it(`as of ${FIRST}: chains intact, HSB-11 allocation still open, nothing recorded late yet`, async () => {
    const r = await auditReplay(store, { asOf: FIRST });
    expect(r.chains).toMatchObject({ ok: true, events: 6, streams: 1, breaks: [] });
    expect(rule(r.deadlines.open, 'HSB-11')).toMatchObject({
      stream: STREAM,
      due: '2026-06-08T22:59:59.999Z',
      status: { kind: 'open' },
    });
    expect(rule(r.deadlines.open, 'HSB-11')?.explanation).toContain(
      '5 working days after the strategy meeting on Mon 1 Jun 2026',
    );
    expect(r.deadlines.breached).toEqual([]);
    expect(rule(r.deadlines.met, 'HSB-2')).toBeDefined();
    // the allocation and the home visit were not known yet: no HSB-12 obligation existed
    expect(rule(r.deadlines.open, 'HSB-12')).toBeUndefined();
    expect(r.lateRecordings).toEqual([]);
  });

  it(`as of ${SECOND}: HSB-11 was missed (allocated two days late), the home visit was recorded late`, async () => {
    const r = await auditReplay(store, { asOf: SECOND });
    expect(r.chains.ok).toBe(true);
    const allocation = rule(r.deadlines.breached, 'HSB-11');
    expect(allocation).toMatchObject({
      status: { kind: 'breached', metAt: '2026-06-10T10:00:00.000Z' },
      hoursLate: 35, // from 23:00Z on 8 Jun to 10:00Z on 10 Jun
    });
    expect(rule(r.deadlines.open, 'HSB-11')).toBeUndefined();
    // HSB-12 (5 calendar days after allocation): the home visit happened, the safety plan did not
    expect(rule(r.deadlines.breached, 'HSB-12')).toMatchObject({
      due: '2026-06-15T22:59:59.999Z',
      status: { kind: 'breached' },
    });
    expect(r.deadlines.byRule['HSB-11']).toEqual({ open: 0, met: 0, breached: 1, waived: 0 });
    expect(r.lateRecordings).toEqual([
      {
        stream: STREAM,
        revision: 5,
        type: 'HomeVisitCompleted',
        occurredAt: '2026-06-11T10:00:00Z',
        recordedAt: '2026-06-15T09:00:00Z',
        lateByHours: 95,
        recordedBy: { role: 'social worker', agency: 'childrens-social-care' },
      },
    ]);
  });

  it('as of the day between the visit and its recording, the council did not know of the visit', async () => {
    const between = await auditReplay(store, { asOf: '2026-06-13T12:00:00Z' });
    expect(between.knownEvents).toBe(5); // the home visit of 11 Jun is not among them
    expect(rule(between.deadlines.open, 'HSB-12')?.due).toBe('2026-06-15T22:59:59.999Z');
    expect(between.lateRecordings).toEqual([]);
    const after = await auditReplay(store, { asOf: SECOND });
    expect(after.knownEvents).toBe(6);
  });

  it("a council's stricter audit policy flags more late recordings", async () => {
    const strict = await auditReplay(store, {
      asOf: SECOND,
      auditPolicy: { lateRecordingHours: 0.25 },
    });
    // the strategy discussion was recorded 30 minutes after it was held
    expect(strict.lateRecordings.map((l) => [l.type, l.lateByHours])).toEqual([
      ['StrategyDiscussionHeld', 0.5],
      ['HomeVisitCompleted', 95],
    ]);
  });

  it('a case stream narrows every answer to that case', async () => {
    const r = await auditReplay(store, { asOf: SECOND, caseStream: 'hsb-case-someone-else' });
    expect(r.chains.events).toBe(0);
    expect(r.deadlines.breached).toEqual([]);
    expect(r.lateRecordings).toEqual([]);
  });

  it('the text report names the missed rule, the late recording and the chain result', async () => {
    const text = formatAuditReport(await auditReplay(store, { asOf: SECOND }));
    expect(text).toContain('6 events had been recorded by then');
    expect(text).toContain('Hash chains: OK (6 events in 1 streams)');
    expect(text).toMatch(/Missed deadlines \(2\)[\s\S]*HSB-11/);
    expect(text).toContain(`${STREAM}@5 HomeVisitCompleted`);
  });
});

describe('tampering', () => {
  it('an event altered after it was stored is named by stream and revision', async () => {
    const store = new InMemoryEventStore();
    await recordCase(store);
    // Change one stored event as an intruder would change bytes.
    let target: RecordedEvent | undefined;
    for await (const e of store.readStream(STREAM, { fromRevision: 4, maxCount: 1 })) target = e;
    expect(target?.type).toBe('AssessorsAllocated');
    store.tamperForTesting(STREAM, 4, (e) => ({
      ...e,
      data: { ...(e.data as object), at: '2026-06-08T10:00:00Z' },
    })); // "allocated on time"

    const r = await auditReplay(store, { asOf: SECOND });
    expect(r.chains.ok).toBe(false);
    expect(r.chains.breaks).toEqual([
      expect.objectContaining({ stream: STREAM, revision: 4, kind: 'HashMismatch' }),
    ]);
    expect(r.chains.breaks[0]?.description).toContain(`stream "${STREAM}" revision 4`);
    expect(formatAuditReport(r)).toContain('Hash chains: 1 BROKEN');
  });
});

describe('on the SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aimline-audit-replay-'));
    store = openSqliteEventStore(join(dir, 'events.db'));
    await recordCase(store);
  });
  afterAll(async () => {
    await store.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same answers as the in-memory store', async () => {
    const memory = new InMemoryEventStore();
    await recordCase(memory);
    for (const asOf of [FIRST, SECOND]) {
      const a = await auditReplay(store, { asOf });
      const b = await auditReplay(memory, { asOf });
      expect(a.deadlines).toEqual(b.deadlines);
      expect(a.lateRecordings).toEqual(b.lateRecordings);
      expect(a.chains.ok).toBe(true);
    }
  });
});
