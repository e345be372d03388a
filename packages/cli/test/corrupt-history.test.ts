import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { tamperSqliteForTesting, type StoredEventRow } from '@aimline/store-sqlite/testing';
import { asAuditor, runCli } from './run-cli.js';

/**
 * Issue 12 item 2: one bad stored event never takes down a read. Every read command answers
 * for the rest of history, names the event it left out (stream, revision, why) and exits 4.
 */
describe('reads over damaged history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aimline-corrupt-'));
  const pristine = join(dir, 'pristine.db');
  let events: Array<{ stream: string; revision: number; type: string }> = [];
  let hsbCase = '';
  let attendanceCase = '';
  let sitting = '';
  let copies = 0;
  /** Reads run as the demo's auditor, with the directory demo wrote beside the pristine store. */
  const auditor = (): string[] => [
    '--as',
    'aud-inspector-1',
    '--principals',
    `${pristine}.principals.json`,
  ];

  /** A fresh copy of the demo store (with its WAL) for one experiment. */
  const copy = (): string => {
    const target = join(dir, `copy-${++copies}.db`);
    copyFileSync(pristine, target);
    if (existsSync(`${pristine}-wal`)) copyFileSync(`${pristine}-wal`, `${target}-wal`);
    // …and its keys (the key vault and master key file beside it), without which its personal
    // data cannot be read.
    for (const suffix of ['.keys.db', '.master-key'])
      copyFileSync(pristine.replace(/\.db$/, suffix), target.replace(/\.db$/, suffix));
    return target;
  };

  const reads = (): string[][] => [
    ['deadlines', '--as-of', '2025-06-30T12:00:00Z'],
    ['deadlines', '--overdue', '--as-of', '2025-06-30T12:00:00Z'],
    ['timeline', hsbCase],
    ['timeline', attendanceCase],
    ['project', '--rebuild', '--snapshots', join(dir, `snapshots-${copies}`)],
    ['replay', 'event-counts'],
    ['replay', 'deadline-tracker', '--as-of', '2025-06-30T12:00:00Z'],
    ['replay', 'panel-scorecard'],
    ['replay', 'attendance-overview', '--as-of', '2025-06-30T12:00:00Z'],
    ['panel', 'agenda', sitting],
    ['panel', 'scorecard'],
    ['attendance', '--as-of', '2025-06-30T12:00:00Z'],
    ['audit', '--limit', '50'],
    ['report', hsbCase, '--html', join(dir, `case-${copies}.html`)],
  ];

  beforeAll(async () => {
    const store = `sqlite:${pristine}`;
    const demo = await runCli(
      ['--store', store, '--json', 'demo', '--cases', '2', '--years', '1'].concat([
        '--from',
        '2024-01-08T09:00:00Z',
      ]),
    );
    expect(demo.code, demo.stderr).toBe(0);
    const sample = JSON.parse(demo.stdout) as { sampleCases: { hsb: string; attendance: string } };
    hsbCase = sample.sampleCases.hsb;
    attendanceCase = sample.sampleCases.attendance;
    const audit = await runCli([...asAuditor(), '--store', store, '--json', 'audit']);
    events = JSON.parse(audit.stdout) as typeof events;
    sitting = events
      .find((e) => e.stream.startsWith('panel-sitting-'))!
      .stream.slice('panel-sitting-'.length);
  }, 120_000);

  it('an impossible instant stored in a case: every read answers for the rest, names the event and exits 4', async () => {
    const db = copy();
    const victim = events.find((e) => e.stream === `hsb-case-${hsbCase}` && e.revision === 1)!;
    tamperSqliteForTesting(db, victim.stream, victim.revision, (row) => ({
      ...row,
      data: JSON.stringify({ ...(JSON.parse(row.data) as object), at: '2026-02-30T09:00:00Z' }),
    }));
    for (const args of [
      ['deadlines', '--as-of', '2025-06-30T12:00:00Z'],
      ['project', '--snapshots', join(dir, 'snapshots-instant')],
      ['replay', 'deadline-tracker'],
      ['timeline', hsbCase],
    ]) {
      const r = await runCli(['--store', `sqlite:${db}`, ...auditor(), '--json', ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(4);
      expect(r.stderr).not.toContain('unexpected error');
      // The rest of history is still answered on stdout ...
      expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
      // ... and the event left out is named with its stream and revision.
      const note = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as {
        corruptHistory: Array<{ stream: string; revision: number; why: string }>;
      };
      expect(note.corruptHistory).toContainEqual(
        expect.objectContaining({ stream: victim.stream, revision: victim.revision }),
      );
    }
    // The other cases are unaffected: the timeline of another case still exits 0.
    const other = await runCli([
      '--store',
      `sqlite:${db}`,
      ...auditor(),
      'timeline',
      attendanceCase,
    ]);
    expect(other.code, other.stderr).toBe(0);
    // A later catch-up still reports the event it set aside before.
    const again = await runCli([
      '--store',
      `sqlite:${db}`,
      ...auditor(),
      'project',
      '--snapshots',
      join(dir, 'snapshots-instant'),
    ]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain(`${victim.stream}@${victim.revision}`);
  });

  it.each([
    ['data', (row: StoredEventRow) => ({ ...row, data: '{"at": "2024-01-' })],
    ['metadata', (row: StoredEventRow) => ({ ...row, metadata: '{"actor":' })],
  ] as const)(
    'stored %s that is not JSON: reads answer for the rest, name the event and say why; audit --verify locates it; exit 4',
    async (column, change) => {
      const db = copy();
      const victim = events.find((e) => e.stream === `hsb-case-${hsbCase}` && e.revision === 1)!;
      tamperSqliteForTesting(db, victim.stream, victim.revision, change);
      for (const args of [
        ['deadlines', '--as-of', '2025-06-30T12:00:00Z'],
        ['timeline', hsbCase],
        ['replay', 'event-counts'],
      ]) {
        const r = await runCli(['--store', `sqlite:${db}`, ...auditor(), '--json', ...args]);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(4);
        expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
        const note = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as {
          corruptHistory: Array<{ stream: string; revision: number; why: string }>;
        };
        expect(note.corruptHistory).toContainEqual(
          expect.objectContaining({
            stream: victim.stream,
            revision: victim.revision,
            why: expect.stringContaining(`the stored ${column} is not valid JSON`) as unknown,
          }),
        );
      }
      // The other case is untouched and still answered in full.
      const other = await runCli([
        '--store',
        `sqlite:${db}`,
        ...auditor(),
        'timeline',
        attendanceCase,
      ]);
      expect(other.code, other.stderr).toBe(0);
      // The hash-chain audit names the altered event's stream and revision (exit 1: tampering found).
      const verify = await runCli(['--store', `sqlite:${db}`, ...auditor(), 'audit', '--verify']);
      expect(verify.code, verify.stderr).toBe(1);
      expect(`${verify.stdout}${verify.stderr}`).toContain(
        `stream "${victim.stream}" revision ${victim.revision}`,
      );
    },
    60_000,
  );

  /** Junk of every kind an intruder or a failing disk could leave in one stored event. */
  const junk = (): fc.Arbitrary<(row: StoredEventRow) => StoredEventRow> => {
    const anyJson = fc.jsonValue({ maxDepth: 3 });
    const withField = (text: string, key: string, value: unknown): string => {
      const parsed = JSON.parse(text) as unknown;
      return JSON.stringify(
        typeof parsed === 'object' && parsed !== null ? { ...parsed, [key]: value } : value,
      );
    };
    return fc.oneof(
      anyJson.map((v) => (row: StoredEventRow) => ({ ...row, data: JSON.stringify(v) })),
      fc.string().map((type) => (row: StoredEventRow) => ({ ...row, type })),
      fc.integer().map((schemaVersion) => (row: StoredEventRow) => ({ ...row, schemaVersion })),
      fc.string().map((text) => (row: StoredEventRow) => ({ ...row, data: text })),
      fc
        .tuple(
          fc.constantFrom(
            'at',
            'caseId',
            'date',
            'start',
            'end',
            'child',
            'dateOfBirth',
            'sittingId',
          ),
          fc.oneof(
            anyJson,
            fc.constantFrom('2026-02-30T09:00:00Z', 'T24:00', '2025-02-30', '', '\u001b[2J'),
          ),
        )
        .map(([key, value]) => (row: StoredEventRow) => ({
          ...row,
          data: withField(row.data, key, value),
        })),
      fc
        .tuple(fc.constantFrom('occurredAt', 'recordedAt', 'actor', 'commandId'), anyJson)
        .map(([key, value]) => (row: StoredEventRow) => ({
          ...row,
          metadata: withField(row.metadata, key, value),
        })),
    );
  };

  it('property: whatever junk is stored in up to three events, every read command still answers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), junk()), { minLength: 1, maxLength: 3 }),
        async (damage) => {
          const db = copy();
          for (const [n, change] of damage) {
            const e = events[n % events.length]!;
            tamperSqliteForTesting(db, e.stream, e.revision, change);
          }
          for (const args of reads()) {
            const r = await runCli(['--store', `sqlite:${db}`, ...auditor(), '--json', ...args]);
            const what = `${args.join(' ')} -> ${r.code}: ${r.stderr}`;
            expect(r.stderr, what).not.toContain('unexpected error');
            expect([0, 1, 4], what).toContain(r.code);
            if (r.code === 4) expect(r.stderr.toLowerCase(), what).toContain('corrupt');
          }
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});
