import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_ENTRY_FORMAT } from '@aimline/governance';
import { ExitCode } from '../src/exit-codes.js';
import { caseHistory, caseTeamWorkspace, commandLines, quorin, quorinCase } from './case-team.js';
import { runCli } from './run-cli.js';

/**
 * The access log names the store each read was of (entry formats 2 and 3: `store`, the store's
 * identity, as `aimline init` names it). One log shared by two stores: `access-log --person ID`
 * run against one store (`--store`) lists the reads of that store and counts, in a note, the
 * reads of a person with that id in the other (a person id names a person of one store). A log
 * written before (format 1: the governance fixture, written by the format-1 writer) is listed
 * with its store not recorded, and verifies with new entries chained after it.
 */
describe('the access log names the store read', () => {
  const ws = caseTeamWorkspace('aimline-access-log-stores-', [`hsb-case-${quorinCase.caseId}`]);
  const shared = join(ws.dir, 'shared.access-log.jsonl');
  const stores = { a: join(ws.dir, 'a.db'), b: join(ws.dir, 'b.db') };
  const identities = { a: '', b: '' };
  const as = (who: string) => ws.as(who);
  const on = (db: string, log: string, ...args: string[]) =>
    runCli(['--store', `sqlite:${db}`, '--access-log', log, ...args]);
  const personReads = async (db: string, log: string, person: string = quorin.childId) => {
    const r = await on(db, log, ...as('rm-1'), '--json', 'access-log', '--person', person);
    return {
      code: r.code,
      text: (await on(db, log, ...as('rm-1'), 'access-log', '--person', person)).stdout,
      answer: JSON.parse(r.stdout) as {
        store: string;
        otherStores: Record<string, number>;
        reads: Array<{ purpose: string; store?: string; format?: number }>;
        notes: string[];
      },
    };
  };

  beforeAll(async () => {
    const { caseLine } = commandLines('5707e5ab');
    const history = caseHistory(caseLine, 1, quorinCase);
    for (const key of ['a', 'b'] as const) {
      const init = await on(stores[key], shared, '--json', 'init');
      expect(init.code, init.stderr).toBe(0);
      identities[key] = (JSON.parse(init.stdout) as { identity: string }).identity;
      const jsonl = join(ws.dir, `${key}.jsonl`);
      writeFileSync(jsonl, `${history.opened.join('\n')}\n`);
      const exec = await on(stores[key], shared, ...as('sw-1'), 'exec', jsonl);
      expect(exec.code, exec.stderr).toBe(0);
      const read = await on(
        stores[key],
        shared,
        ...as('sw-1'),
        '--purpose',
        `read ${key}`,
        'timeline',
        quorinCase.caseId,
      );
      expect(read.code, read.stderr).toBe(0);
    }
    expect(identities.a).not.toBe(identities.b);
  }, 60_000);

  it('given two stores sharing one log, then each entry names the store it read', () => {
    const entries = readFileSync(shared, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { purpose: string; format: number; store: string });
    expect(entries.map((e) => [e.purpose, e.format, e.store])).toEqual([
      ['read a', ACCESS_ENTRY_FORMAT, identities.a],
      ['read b', ACCESS_ENTRY_FORMAT, identities.b],
    ]);
  });

  it("given two stores sharing one log, when access-log --person runs against each store, then it lists that store's reads and counts the other's in a note", async () => {
    for (const [mine, theirs] of [
      ['a', 'b'],
      ['b', 'a'],
    ] as const) {
      const { code, text, answer } = await personReads(stores[mine], shared);
      expect(code).toBe(ExitCode.Ok);
      expect(answer.store).toBe(identities[mine]);
      expect(answer.reads.map((r) => [r.purpose, r.store])).toEqual([
        [`read ${mine}`, identities[mine]],
      ]);
      expect(answer.otherStores).toEqual({ [identities[theirs]]: 1 });
      expect(answer.notes).toContainEqual(
        `1 read(s) of a person with this id in another store (${identities[theirs]}) are not listed: run access-log --person with that store (--store) to list them`,
      );
      expect(text).toContain(`in store ${identities[mine]}, from ${shared}`);
      expect(text).not.toContain(`read ${theirs}`);
    }
  });

  it('given a log written in format 1 beside a store, when access-log --person lists it, then its reads are listed with the store not recorded, and it verifies with reads of now chained after it', async () => {
    const old = join(ws.dir, 'format-1.access-log.jsonl');
    copyFileSync(
      fileURLToPath(
        new URL('../../governance/test/fixtures/access-log-format-1.jsonl', import.meta.url),
      ),
      old,
    );
    const before = await personReads(stores.a, old, 'ch-1');
    expect(before.code).toBe(ExitCode.Ok);
    expect(before.answer.reads.map((r) => [r.purpose, r.store])).toEqual([
      ['case review', undefined],
      ['inspection', undefined],
      ['strategy discussion', undefined],
    ]);
    expect(before.answer.notes).toContainEqual(
      '3 of these reads were recorded before entries named the store read (format 1): each may be of this store or another sharing the log',
    );
    expect(before.text).toMatch(/\bstore\b/);
    expect(before.text).toContain('(not recorded)');
    const read = await on(
      stores.a,
      old,
      ...as('sw-1'),
      '--purpose',
      'after the upgrade',
      'timeline',
      quorinCase.caseId,
    );
    expect(read.code, read.stderr).toBe(0);
    const verify = await on(stores.a, old, '--json', 'access-log', '--verify');
    expect(verify.code, verify.stdout + verify.stderr).toBe(ExitCode.Ok);
    const after = await personReads(stores.a, old);
    expect(after.answer.reads.map((r) => [r.purpose, r.format, r.store])).toEqual([
      ['after the upgrade', ACCESS_ENTRY_FORMAT, identities.a],
    ]);
  });
});
