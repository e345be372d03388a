/**
 * `aimline access-log` over a log that has been altered or torn (issue 13 item 3): reads go on
 * being recorded, and the answer says the log is altered before and after the reads it lists,
 * marks each altered entry, and exits 1. Invented people only.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { londonTime } from '@aimline/calendar';
import { caseHistory, caseTeamWorkspace, commandLines, quorin, quorinCase } from './case-team.js';

const { caseLine } = commandLines('a11e55e0');
const opened = caseHistory(caseLine, 1, quorinCase).opened;

describe('aimline access-log over an altered log (issue 13 item 3)', () => {
  const { dir, cli, as, execAs } = caseTeamWorkspace('aimline-access-log-', ['hsb-case-C-9']);
  const log = join(dir, 'events.db.access-log.jsonl');
  const readAs = (who: string, purpose: string) =>
    cli(...as(who), '--purpose', purpose, 'timeline', 'C-9');
  const accessLog = () => cli(...as('rm-1'), 'access-log', '--person', quorin.childId);

  beforeAll(async () => {
    const r = await execAs('sw-1', 'opened.jsonl', opened);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const purpose of ['case supervision', 'court report'])
      expect((await readAs('sw-1', purpose)).code).toBe(0);
  }, 60_000);

  it('given an intact log, then the reads are listed, each at its London time, and the chain is intact (exit 0)', async () => {
    const r = await accessLog();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('case supervision');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('access log chain intact');
    const [first] = readFileSync(log, 'utf8').trim().split('\n');
    const at = (JSON.parse(first!) as { at: string }).at;
    // The cell wraps between words: each word of the London time is there, no ISO date is.
    for (const word of londonTime(at).split(' ')) expect(r.stdout).toContain(word);
    expect(r.stdout).not.toContain(at.slice(0, 8));
  });

  /** The answer as JSON: the reads of the child, each marked altered or not, and the damaged lines. */
  const accessLogJson = async () => {
    const r = await cli(...as('rm-1'), '--json', 'access-log', '--person', quorin.childId);
    return {
      code: r.code,
      ...(JSON.parse(r.stdout) as {
        damaged: Array<{ line: number; why: string }>;
        chain: { ok: boolean };
        reads: Array<{ purpose: string; altered: boolean }>;
      }),
    };
  };

  it('given an entry edited to hide why it was read, when more reads happen, then they are still recorded, and access-log says the log is altered first and last, marks the entry, and exits 1', async () => {
    writeFileSync(log, readFileSync(log, 'utf8').replace('"case supervision"', '"routine check"'));
    expect((await readAs('sw-1', 'after the edit')).code).toBe(0);
    const r = await accessLog();
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ACCESS LOG ALTERED: entry 0 was changed after it was written\./);
    expect(lines.at(-1)).toBe('ACCESS LOG ALTERED: entry 0 was changed after it was written');
    expect(r.stdout).toContain('(altered)');
    const answer = await accessLogJson();
    expect(answer.code).toBe(1);
    expect(answer.reads.map((x) => [x.purpose, x.altered])).toEqual([
      ['routine check', true],
      ['court report', false],
      ['after the edit', false],
    ]);
  });

  it('given a line that is not an entry (a write cut short), then reads are still recorded, every whole entry is listed, and the line is named', async () => {
    appendFileSync(log, '{"at":"2026-07-01T10:0');
    expect((await readAs('sw-1', 'after the crash')).code).toBe(0);
    const r = await accessLog();
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toContain('line 4 is not an entry (not JSON)');
    const answer = await accessLogJson();
    expect(answer.damaged).toEqual([{ line: 4, why: 'not JSON' }]);
    expect(answer.reads.map((x) => x.purpose)).toEqual([
      'routine check',
      'court report',
      'after the edit',
      'after the crash',
    ]);
  });
});

describe('aimline access-log over a log with a deleted entry (issue 13 item 3)', () => {
  const { dir, cli, as, execAs } = caseTeamWorkspace('aimline-access-log-deleted-', [
    'hsb-case-C-9',
  ]);
  const log = join(dir, 'events.db.access-log.jsonl');

  beforeAll(async () => {
    const r = await execAs('sw-1', 'opened.jsonl', opened);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const purpose of ['case supervision', 'court report', 'strategy discussion'])
      expect((await cli(...as('sw-1'), '--purpose', purpose, 'timeline', 'C-9')).code).toBe(0);
  }, 60_000);

  it('given the entry of the second read deleted from the file, then access-log names the missing entry and the entries around it, shows the deletion in its place among the reads, and exits 1', async () => {
    writeFileSync(
      log,
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => !line.includes('"court report"'))
        .join('\n'),
    );
    const r = await cli(...as('rm-1'), 'access-log', '--person', quorin.childId);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^ACCESS LOG ALTERED: entry 1 is missing \(deleted\) between entry 0 \(\S+\) and entry 2 \(\S+\)\./,
    );
    const rows = lines
      .slice(1, -1)
      .filter((l) => /case supervision|\(deleted\)|strategy discussion/.test(l));
    expect(rows.map((l) => /case supervision|\(deleted\)|strategy discussion/.exec(l)![0])).toEqual(
      ['case supervision', '(deleted)', 'strategy discussion'],
    );
    expect(rows[1]).toMatch(/^\(deleted\)\s+entry 1\s+missing here/);
    const json = await cli(...as('rm-1'), '--json', 'access-log', '--person', quorin.childId);
    expect(json.code).toBe(1);
    const answer = JSON.parse(json.stdout) as {
      deleted: unknown;
      reads: Array<{ purpose: string; altered: boolean }>;
    };
    expect(answer.deleted).toEqual([{ missing: { from: 1, to: 1 }, after: 0, before: 2 }]);
    expect(answer.reads.map((x) => [x.purpose, x.altered])).toEqual([
      ['case supervision', false],
      ['strategy discussion', false],
    ]);
  });
});

describe('an access log that cannot be read or written (issue 13 item 3)', () => {
  const { dir, cli, as, execAs } = caseTeamWorkspace('aimline-access-log-gone-', ['hsb-case-C-9']);
  beforeAll(async () => {
    const r = await execAs('sw-1', 'opened.jsonl', opened);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  }, 60_000);

  it('given --access-log in a folder that does not exist, then a read is exit 3 naming the log, and shows nothing', async () => {
    const log = join(dir, 'gone', 'access-log.jsonl');
    const r = await cli(...as('sw-1'), '--access-log', log, 'timeline', 'C-9');
    expect([r.code, r.stdout]).toEqual([3, '']);
    expect(r.stderr).toContain(`the access log ${log} cannot be used`);
    expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
  });

  it('given --access-log naming a folder, then reads and access-log are exit 3 naming it', async () => {
    for (const args of [
      [...as('sw-1'), '--access-log', dir, 'timeline', 'C-9'],
      [...as('rm-1'), '--access-log', dir, 'access-log', '--person', quorin.childId],
    ]) {
      const r = await cli(...args);
      expect([r.code, r.stdout], args.join(' ')).toEqual([3, '']);
      expect(r.stderr).toContain(`the access log ${dir} cannot be used`);
      expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
    }
  });
});
