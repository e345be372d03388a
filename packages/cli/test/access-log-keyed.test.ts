/**
 * `aimline access-log` over a log written under the chain key (issue 13 item 3): someone who
 * can write the file but has no key can recompute every SHA-256 link, not the MACs. Invented
 * people only.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainAccess, type LoggedAccess } from '@aimline/governance';
import { caseHistory, caseTeamWorkspace, commandLines, quorin, quorinCase } from './case-team.js';

const { caseLine } = commandLines('a11e55e1');
const opened = caseHistory(caseLine, 1, quorinCase).opened;

/** The log rewritten as someone without the key could: a purpose changed, every hash recomputed, the MACs kept. */
const rewriteWithoutKey = (file: string, from: string, to: string): void => {
  const out: LoggedAccess[] = [];
  for (const line of readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')) {
    const { seq: _seq, prevHash: _prev, hash: _hash, mac, ...e } = JSON.parse(line) as LoggedAccess;
    const relinked = chainAccess(out.at(-1), {
      ...e,
      purpose: e.purpose === from ? to : e.purpose,
    });
    out.push(mac === undefined ? relinked : { ...relinked, mac });
  }
  writeFileSync(file, out.map((e) => `${JSON.stringify(e)}\n`).join(''));
};

describe('aimline access-log under the chain key (issue 13 item 3)', () => {
  const { dir, cli, as, execAs } = caseTeamWorkspace('aimline-access-log-keyed-', ['hsb-case-C-9']);
  const log = join(dir, 'events.db.access-log.jsonl');
  const accessLogJson = async () => {
    const r = await cli(...as('rm-1'), '--json', 'access-log', '--person', quorin.childId);
    return {
      code: r.code,
      ...(JSON.parse(r.stdout) as {
        reads: Array<{ purpose: string; altered: boolean }>;
        notes: string[];
      }),
    };
  };

  beforeAll(async () => {
    process.env['AIMLINE_CHAIN_KEY'] = randomBytes(32).toString('hex');
    const r = await execAs('sw-1', 'opened.jsonl', opened);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const purpose of ['case supervision', 'court report'])
      expect((await cli(...as('sw-1'), '--purpose', purpose, 'timeline', 'C-9')).code).toBe(0);
  }, 60_000);
  afterAll(() => {
    delete process.env['AIMLINE_CHAIN_KEY'];
  });

  it('given reads recorded with the chain key set, then every entry carries a MAC and access-log finds the chain intact (exit 0)', async () => {
    const r = await cli(...as('rm-1'), 'access-log', '--person', quorin.childId);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('access log chain intact');
    expect(r.stdout).not.toContain('note:');
    for (const line of readFileSync(log, 'utf8').trim().split('\n'))
      expect(JSON.parse(line)).toHaveProperty('mac');
  });

  it("given the first read's purpose changed and every hash recomputed without the key, then access-log with the key says which entries do not verify, marks them, and exits 1", async () => {
    rewriteWithoutKey(log, 'case supervision', 'routine check');
    const r = await cli(...as('rm-1'), 'access-log', '--person', quorin.childId);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(
      /^ACCESS LOG ALTERED: the 2 entries from entry 0 to entry 1 have a MAC that does not verify under the chain key/,
    );
    const answer = await accessLogJson();
    expect(answer.reads.map((x) => [x.purpose, x.altered])).toEqual([
      ['routine check', true],
      ['court report', true],
    ]);
  });

  it('given the same log read without the key, then the recomputed chain passes, and a note says the MACs were not checked', async () => {
    delete process.env['AIMLINE_CHAIN_KEY'];
    const answer = await accessLogJson();
    expect(answer.code).toBe(0);
    expect(answer.notes).toEqual([
      'the entries carry MACs, not checked: no chain key set (AIMLINE_CHAIN_KEY_FILE)',
    ]);
  });
});
