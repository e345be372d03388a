import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deleteSqliteRowForTesting,
  moveSqliteRowForTesting,
  tamperSqliteForTesting,
  type StoredEventRow,
} from '@aimline/store-sqlite/testing';
import { ExitCode } from '../src/exit-codes.js';
import { runCli } from './run-cli.js';

/**
 * Reads that show one stream over damaged history: `audit` shows every event as stored and,
 * like every other read, names an event it shows that cannot be read (exit 4, corrupt
 * history); `timeline`, `report` and `audit STREAM` notice a break in the stream's own hash
 * chain — a row moved to another stream leaves a revision missing — located, with exit 4; and
 * events deleted from the end of the stream, which the SQLite store's command index still records.
 */
describe('reads of one stream over damaged history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aimline-one-stream-'));
  const pristine = join(dir, 'pristine.db');
  let events: Array<{ stream: string; revision: number; type: string }> = [];
  let hsbCase = '';
  let attendanceCase = '';
  let copies = 0;
  const auditor = (): string[] => [
    '--as',
    'aud-inspector-1',
    '--principals',
    `${pristine}.principals.json`,
  ];
  const hsbStream = (): string => `hsb-case-${hsbCase}`;
  /** The attendance case's stream, as the demo named it. */
  const attendanceStream = (): string =>
    events.find((e) => e.stream.endsWith(`-${attendanceCase}`))!.stream;
  const revisionsOf = (stream: string): number => events.filter((e) => e.stream === stream).length;

  /** A fresh copy of the demo store (its WAL, key vault and master key with it). */
  const copy = (): string => {
    const target = join(dir, `copy-${++copies}.db`);
    copyFileSync(pristine, target);
    if (existsSync(`${pristine}-wal`)) copyFileSync(`${pristine}-wal`, `${target}-wal`);
    for (const suffix of ['.keys.db', '.master-key'])
      copyFileSync(pristine.replace(/\.db$/, suffix), target.replace(/\.db$/, suffix));
    return target;
  };

  const read = async (db: string, args: string[]) => {
    const r = await runCli(['--store', `sqlite:${db}`, ...auditor(), ...args]);
    expect(r.stderr, args.join(' ')).not.toContain('unexpected error');
    return r;
  };
  /** The corrupt-history note a --json read ends stderr with. */
  const corruptHistory = (stderr: string) =>
    (
      JSON.parse(stderr.trim().split('\n').at(-1)!) as {
        corruptHistory: Array<{ stream: string; revision: number; why: string }>;
      }
    ).corruptHistory;

  beforeAll(async () => {
    const store = `sqlite:${pristine}`;
    const demo = await runCli([
      '--store',
      store,
      '--json',
      'demo',
      '--cases',
      '1',
      '--years',
      '1',
      '--from',
      '2024-01-08T09:00:00Z',
    ]);
    expect(demo.code, demo.stderr).toBe(0);
    const sample = JSON.parse(demo.stdout) as { sampleCases: { hsb: string; attendance: string } };
    hsbCase = sample.sampleCases.hsb;
    attendanceCase = sample.sampleCases.attendance;
    const audit = await runCli(['--store', store, ...auditor(), '--json', 'audit']);
    expect(audit.code, audit.stderr).toBe(0);
    events = JSON.parse(audit.stdout) as typeof events;
    expect(revisionsOf(hsbStream())).toBeGreaterThan(2);
    expect(revisionsOf(attendanceStream())).toBeGreaterThan(0);
  }, 120_000);

  it.each([
    [
      'data that does not decode (an impossible instant)',
      (row: StoredEventRow) => ({
        ...row,
        data: JSON.stringify({ ...(JSON.parse(row.data) as object), at: '2026-02-30T09:00:00Z' }),
      }),
    ],
    ['data that is not JSON', (row: StoredEventRow) => ({ ...row, data: '{"at": "2024-01-' })],
    [
      'an actor that is no actor',
      (row: StoredEventRow) => ({
        ...row,
        metadata: JSON.stringify({ ...(JSON.parse(row.metadata) as object), actor: 42 }),
      }),
    ],
    [
      'an impossible time it happened (the table showed it with London time: a crash)',
      (row: StoredEventRow) => ({
        ...row,
        metadata: JSON.stringify({
          ...(JSON.parse(row.metadata) as object),
          occurredAt: '2026-02-30T09:00:00Z',
        }),
      }),
    ],
    ['metadata that is not JSON', (row: StoredEventRow) => ({ ...row, metadata: '{"actor":' })],
  ] as const)(
    'given %s in a case, when its audit trail is read, then every event is shown, the damaged one is named, and it exits 4',
    async (_, change) => {
      const db = copy();
      tamperSqliteForTesting(db, hsbStream(), 1, change);
      for (const args of [['audit', hsbStream()], ['audit']]) {
        const json = await read(db, ['--json', ...args]);
        expect(json.code, `${args.join(' ')}: ${json.stderr}`).toBe(ExitCode.CorruptHistory);
        const shown = JSON.parse(json.stdout) as Array<{
          stream: string;
          revision: number;
          position: string;
        }>;
        expect(shown.filter((e) => e.stream === hsbStream())).toHaveLength(
          revisionsOf(hsbStream()),
        );
        expect(corruptHistory(json.stderr)).toContainEqual(
          expect.objectContaining({ stream: hsbStream(), revision: 1 }),
        );
        // One damaged event is one entry, however many reasons it gives (it may neither decode
        // nor match its hash).
        expect(
          corruptHistory(json.stderr).filter((e) => e.stream === hsbStream() && e.revision === 1),
        ).toHaveLength(1);
        const table = await read(db, args);
        expect(table.code, `${args.join(' ')}: ${table.stderr}`).toBe(ExitCode.CorruptHistory);
        // The damaged event has its row in the table (by its position), as stored.
        const victim = shown.find((e) => e.stream === hsbStream() && e.revision === 1)!;
        expect(table.stdout).toMatch(new RegExp(`^${victim.position}\\s`, 'm'));
        expect(table.stderr).toContain(`${hsbStream()}@1 `);
      }
    },
    60_000,
  );

  it('given a row moved to another stream, when the case it was taken from is read, then the missing revision is reported where the chain breaks, exit 4', async () => {
    const db = copy();
    // An intruder moves revision 1 of the HSB case to the end of the attendance case.
    moveSqliteRowForTesting(
      db,
      { stream: hsbStream(), revision: 1 },
      { stream: attendanceStream(), revision: revisionsOf(attendanceStream()) },
    );
    for (const args of [
      ['timeline', hsbCase],
      ['report', hsbCase, '--html', join(dir, 'moved.html')],
      ['audit', hsbStream()],
    ]) {
      const r = await read(db, ['--json', ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(ExitCode.CorruptHistory);
      expect(corruptHistory(r.stderr)).toContainEqual({
        stream: hsbStream(),
        revision: 2,
        position: expect.any(String) as unknown,
        type: events.find((e) => e.stream === hsbStream() && e.revision === 2)!.type,
        why: `the stream's hash chain breaks here: stream "${hsbStream()}" revision 2: expected revision 1`,
      });
    }
    // The stream it was put in: its last link does not follow.
    const into = await read(db, ['--json', 'audit', attendanceStream()]);
    expect(into.code, into.stderr).toBe(ExitCode.CorruptHistory);
    expect(corruptHistory(into.stderr)).toContainEqual(
      expect.objectContaining({
        stream: attendanceStream(),
        revision: revisionsOf(attendanceStream()),
        why: expect.stringContaining('prevHash does not link') as unknown,
      }),
    );
  }, 60_000);

  it('given a row altered to other values that still read (a date moved), when its case is read, then the event is named as no longer matching its hash, exit 4', async () => {
    const db = copy();
    tamperSqliteForTesting(db, hsbStream(), 1, (row) => ({
      ...row,
      metadata: JSON.stringify({
        ...(JSON.parse(row.metadata) as object),
        occurredAt: '2024-01-09T09:17:00Z',
      }),
    }));
    const r = await read(db, ['--json', 'timeline', hsbCase]);
    expect(r.code, r.stderr).toBe(ExitCode.CorruptHistory);
    expect(corruptHistory(r.stderr)).toContainEqual(
      expect.objectContaining({
        stream: hsbStream(),
        revision: 1,
        why: expect.stringContaining('no longer match the recorded hash') as unknown,
      }),
    );
  }, 60_000);

  it('given the last event of a case deleted, when the case is read, then the missing revision is reported with the position the store recorded for it, exit 4', async () => {
    const db = copy();
    const last = revisionsOf(hsbStream()) - 1;
    const lost = events.find((e) => e.stream === hsbStream() && e.revision === last) as
      { position?: string } | undefined;
    deleteSqliteRowForTesting(db, { stream: hsbStream(), revision: last });
    for (const args of [
      ['timeline', hsbCase],
      ['report', hsbCase, '--html', join(dir, 'tail.html')],
      ['audit', hsbStream()],
    ]) {
      const r = await read(db, ['--json', ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(ExitCode.CorruptHistory);
      expect(corruptHistory(r.stderr)).toContainEqual({
        stream: hsbStream(),
        revision: last,
        position: lost!.position,
        missing: true,
        why: expect.stringContaining(
          `events are missing from the end of the stream: the store recorded an event of it at position ${lost!.position}, and its stored events end at revision ${last - 1}`,
        ) as unknown,
      });
    }
  }, 60_000);

  it('given history as it was written, then the reads of one stream exit 0', async () => {
    const db = copy();
    for (const args of [
      ['timeline', hsbCase],
      ['timeline', attendanceCase],
      ['audit', hsbStream()],
    ]) {
      const r = await read(db, ['--json', ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(ExitCode.Ok);
    }
  }, 60_000);
});
