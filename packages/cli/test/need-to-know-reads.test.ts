import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * Issue 13 items 2-3 through the CLI: every read command folds only what the principal
 * (`--as`) may see, through the one read API, and records its read of personal data in the
 * access log. Demo data: invented people.
 */
describe('every CLI read goes through the need-to-know reader', () => {
  let store: string;
  let directory: { principals: Array<{ id: string; role: string; streams: string[] }> };
  let hsbCase: string;
  const run = (as: string, ...args: string[]) =>
    runCli(['--store', store, '--json', '--as', as, '--purpose', `test ${args[0]}`, ...args]);
  const logFile = () => `${store.slice('sqlite:'.length)}.access-log.jsonl`;
  const log = (): Array<{ principal: string; purpose: string; streams: string[] }> =>
    (existsSync(logFile()) ? readFileSync(logFile(), 'utf8') : '')
      .trim()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { principal: string; purpose: string; streams: string[] });

  beforeAll(async () => {
    store = `sqlite:${join(mkdtempSync(join(tmpdir(), 'aimline-ntk-')), 'events.db')}`;
    const demo = await runCli(['--store', store, '--json', 'demo', '--cases', '3', '--seed', '8']);
    expect(demo.code, demo.stderr).toBe(0);
    const out = JSON.parse(demo.stdout) as { principals: string; sampleCases: { hsb: string } };
    hsbCase = out.sampleCases.hsb;
    directory = JSON.parse(readFileSync(out.principals, 'utf8')) as typeof directory;
  }, 120_000);

  const reads: ReadonlyArray<ReadonlyArray<string>> = [
    ['deadlines', '--as-of', '2030-01-01T12:00:00Z'],
    ['audit'],
    ['replay', 'event-counts'],
    ['replay', 'deadline-tracker'],
    ['panel', 'scorecard'],
    ['attendance', '--as-of', '2030-01-01T12:00:00Z'],
  ];

  it('given a principal whose role has no read rule for any record (a school representative of no case), every read command shows nothing of any case and records nothing', async () => {
    const rep = directory.principals.find(
      (p) => p.role === 'school-representative' && p.streams.length === 0,
    ) ?? { id: '', role: '', streams: [] };
    const outsider =
      rep.id !== ''
        ? rep
        : directory.principals.find((p) => p.role === 'health' && p.streams.length === 0)!;
    expect(outsider, 'the demo directory has a principal allocated to nothing').toBeDefined();
    for (const args of reads) {
      const r = await run(outsider.id, ...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args.join(' ')).not.toContain('hsb-case-');
      expect(r.stdout, args.join(' ')).not.toContain('attendance-aim-');
    }
    expect(log().filter((e) => e.principal === outsider.id)).toEqual([]);
  });

  it('given the auditor, each read command folds every record and writes its access-log entry with the stated purpose', async () => {
    const auditor = directory.principals.find((p) => p.role === 'auditor')!;
    for (const args of reads) {
      const before = log().length;
      const r = await run(auditor.id, ...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      // Every read command that shows any event of a record records it, whatever personal
      // fields it opened: `replay event-counts` opens none (its projection declares none:
      // `Projection.personalData`) and is recorded as a read of the records it counted, with
      // no category.
      expect(log().slice(before), args.join(' ')).toContainEqual(
        expect.objectContaining({ principal: auditor.id, purpose: `test ${args[0]}` }),
      );
      if (args[1] === 'event-counts')
        expect(log().slice(before), args.join(' ')).toEqual([
          expect.objectContaining({ categories: [], subjects: [] }),
        ]);
    }
    expect((await run(auditor.id, 'deadlines')).stdout).toContain(`hsb-case-${hsbCase}`);
  });

  it("project keeps each principal's projections apart: an outsider's deadline tracker holds no case", async () => {
    const outsider = directory.principals.find(
      (p) => p.role === 'social-worker' && !p.streams.includes(`hsb-case-${hsbCase}`),
    )!;
    const snapshots = mkdtempSync(join(tmpdir(), 'aimline-ntk-snapshots-'));
    const mine = await run(outsider.id, 'project', '--snapshots', snapshots);
    expect(mine.code, mine.stderr).toBe(0);
    const auditor = directory.principals.find((p) => p.role === 'auditor')!;
    const all = await run(auditor.id, 'project', '--snapshots', snapshots);
    expect(all.code, all.stderr).toBe(0);
    const counts = (out: string) =>
      (JSON.parse(out) as { projections: Array<{ applied: number }> }).projections[1]!.applied;
    expect(counts(all.stdout)).toBeGreaterThan(counts(mine.stdout));
  });
});
