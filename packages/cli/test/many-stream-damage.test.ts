import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deleteSqliteRowForTesting, tamperSqliteForTesting } from '@aimline/store-sqlite/testing';
import { ExitCode } from '../src/exit-codes.js';
import { runCli } from './run-cli.js';

/**
 * Reads of many streams over damaged history (`panel scorecard`, `attendance`, `deadlines`):
 * each stream they fold is checked as the reads of one stream check it — its own hash chain on
 * the rows as stored, and events deleted from its end that the SQLite store's command index
 * still records — so a row altered or deleted is reported, located, with exit 4, instead of a
 * count or a case shown without it. A stream the principal may not see is not named.
 */
describe('reads of many streams over damaged history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aimline-many-streams-'));
  const pristine = join(dir, 'pristine.db');
  const principals = `${pristine}.principals.json`;
  let events: Array<{ stream: string; revision: number; type: string; position: string }> = [];
  let copies = 0;

  /** A fresh copy of the demo store (its WAL, key vault and master key with it). */
  const copy = (): string => {
    const target = join(dir, `copy-${++copies}.db`);
    copyFileSync(pristine, target);
    if (existsSync(`${pristine}-wal`)) copyFileSync(`${pristine}-wal`, `${target}-wal`);
    for (const suffix of ['.keys.db', '.master-key'])
      copyFileSync(pristine.replace(/\.db$/, suffix), target.replace(/\.db$/, suffix));
    return target;
  };
  const read = async (db: string, as: string, args: string[]) => {
    const r = await runCli([
      '--store',
      `sqlite:${db}`,
      '--as',
      as,
      '--principals',
      principals,
      '--json',
      ...args,
    ]);
    expect(r.stderr, args.join(' ')).not.toContain('unexpected error');
    return r;
  };
  /** The corrupt-history note a --json read ends stderr with (none: []). */
  const corruptHistory = (stderr: string) => {
    const last = stderr.trim().split('\n').at(-1) ?? '';
    return last.startsWith('{"corruptHistory"')
      ? (JSON.parse(last) as { corruptHistory: Array<Record<string, unknown>> }).corruptHistory
      : [];
  };
  const streamsOf = (prefix: string) => [
    ...new Set(events.filter((e) => e.stream.startsWith(prefix)).map((e) => e.stream)),
  ];
  const lastOf = (stream: string) => events.filter((e) => e.stream === stream).at(-1)!;
  const AUDITOR = 'aud-inspector-1';

  beforeAll(async () => {
    const demo = await runCli([
      '--store',
      `sqlite:${pristine}`,
      '--json',
      'demo',
      '--cases',
      '2',
      '--years',
      '1',
      '--from',
      '2024-01-08T09:00:00Z',
    ]);
    expect(demo.code, demo.stderr).toBe(0);
    const audit = await read(pristine, AUDITOR, ['audit']);
    expect(audit.code, audit.stderr).toBe(0);
    events = JSON.parse(audit.stdout) as typeof events;
    expect(streamsOf('panel-referral-').length).toBeGreaterThan(0);
    expect(streamsOf('attendance-').length).toBeGreaterThan(0);
    expect(streamsOf('hsb-case-').length).toBeGreaterThan(1);
  }, 120_000);

  it('given history as it was written, then the reads of many streams exit 0 and report nothing', async () => {
    const db = copy();
    for (const args of [['panel', 'scorecard'], ['attendance'], ['deadlines']]) {
      const r = await read(db, AUDITOR, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(ExitCode.Ok);
      expect(corruptHistory(r.stderr)).toEqual([]);
    }
  }, 60_000);

  it('given a row of a panel referral altered to other values that still read (a time moved), when the scorecards are read, then the event is named as no longer matching its hash, exit 4', async () => {
    const db = copy();
    const referral = streamsOf('panel-referral-')[0]!;
    tamperSqliteForTesting(db, referral, 0, (row) => ({
      ...row,
      metadata: JSON.stringify({
        ...(JSON.parse(row.metadata) as object),
        occurredAt: '2024-01-09T09:17:00Z',
      }),
    }));
    const r = await read(db, AUDITOR, ['panel', 'scorecard']);
    expect(r.code, r.stderr).toBe(ExitCode.CorruptHistory);
    expect(corruptHistory(r.stderr)).toContainEqual(
      expect.objectContaining({
        stream: referral,
        revision: 0,
        why: expect.stringContaining('no longer match the recorded hash') as unknown,
      }),
    );
  }, 60_000);

  it('given the last event of an attendance case deleted, when attendance and deadlines are read, then the missing revision is reported with the position the store recorded for it, exit 4', async () => {
    const db = copy();
    const stream = streamsOf('attendance-')[0]!;
    const lost = lastOf(stream);
    deleteSqliteRowForTesting(db, { stream, revision: lost.revision });
    for (const args of [['attendance'], ['deadlines']]) {
      const r = await read(db, AUDITOR, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(ExitCode.CorruptHistory);
      expect(corruptHistory(r.stderr)).toContainEqual(
        expect.objectContaining({
          stream,
          revision: lost.revision,
          position: lost.position,
          missing: true,
        }),
      );
    }
  }, 60_000);

  it('given a row of an HSB case deleted, when deadlines are read, then the break is located at the revision after the gap, exit 4; a principal who may not see the case is not told of it', async () => {
    const db = copy();
    const [damaged] = streamsOf('hsb-case-');
    deleteSqliteRowForTesting(db, { stream: damaged!, revision: 1 });
    const r = await read(db, AUDITOR, ['deadlines']);
    expect(r.code, r.stderr).toBe(ExitCode.CorruptHistory);
    expect(corruptHistory(r.stderr)).toContainEqual(
      expect.objectContaining({
        stream: damaged,
        revision: 2,
        why: expect.stringContaining('expected revision 1') as unknown,
      }),
    );
    const directory = JSON.parse(readFileSync(principals, 'utf8')) as {
      principals: Array<{ id: string; role: string; streams?: string[] }>;
    };
    const outsider = directory.principals.find(
      (p) =>
        p.role === 'social-worker' &&
        p.streams !== undefined &&
        p.streams.some((s) => s.startsWith('hsb-case-')) &&
        !p.streams.includes(damaged!),
    )!;
    const theirs = await read(db, outsider.id, ['deadlines']);
    expect(theirs.code, theirs.stderr).toBe(ExitCode.Ok);
    expect(theirs.stderr).not.toContain(damaged);
  }, 60_000);
});
