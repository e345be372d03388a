/**
 * Issue 13, "Bad input and faults": the same governance guarantees hold on EventStoreDB as on
 * SQLite, through the CLI, on the same seeded demo: retention lists the same people under the
 * same rules, a subject access response is the same, erasure by crypto-shredding reads the same
 * afterwards (and erasing twice is idempotent), a crash between destroying a key and recording
 * the erasure is reported by `audit --verify` and `retention` and finished by `erase --pending` or
 * `retention --apply`, every chain still
 * verifies, and no key lives in the event store (the vault is a file of its own).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { masterKeyFromEnvironment, openKeyVault } from '@aimline/governance';
import { EsdbNode, singleNodeSettings } from '../../store-eventstoredb/test/support/esdb-node.js';
import { ownServer } from '../../store-eventstoredb/test/support/single-node.js';
import { wrappedKeyIn } from '../../governance/test/crypto/vault-file.js';
import { runCli } from './run-cli.js';

const own = ownServer('GOVERNANCE ON A REAL EVENTSTOREDB (CLI)');
const DEMO = ['--cases', '3', '--seed', '5', '--years', '1', '--from', '2024-01-08T09:00:00Z'];
const MASTER_KEY = 'c3'.repeat(32);

if ('skip' in own)
  describe.skip(`governance on EventStoreDB: SKIPPED — ${own.skip}`, () => {
    it('gives the same governance answers as on SQLite (skipped, see the reason above)', () => {
      expect(own.skip).toMatch(/\S/);
    });
  });
else
  describe('governance on a real EventStoreDB node: the same guarantees as on SQLite (issue 13)', () => {
    let node: EsdbNode | undefined;
    const dir = mkdtempSync(join(tmpdir(), 'aimline-esdb-governance-'));
    const principals = join(dir, 'principals.json');
    const esdbVault = join(dir, 'esdb.keys.db');
    let esdb = '';
    const sqlite = `sqlite:${join(dir, 'events.db')}`;
    let recordsManager = '';
    let victim = '';
    const saved = {
      vault: process.env['AIMLINE_KEY_VAULT'],
      key: process.env['AIMLINE_MASTER_KEY'],
    };

    /** Runs the CLI on `store`: EventStoreDB with its own vault file and access log beside the test's. */
    const cli = async (store: string, ...args: string[]) => {
      const onEsdb = store === esdb;
      if (onEsdb) process.env['AIMLINE_KEY_VAULT'] = esdbVault;
      try {
        return await runCli([
          '--store',
          store,
          '--principals',
          principals,
          ...(onEsdb ? ['--access-log', join(dir, 'esdb.access-log.jsonl')] : []),
          ...args,
        ]);
      } finally {
        delete process.env['AIMLINE_KEY_VAULT'];
      }
    };
    const json = async (store: string, ...args: string[]): Promise<unknown> => {
      const r = await cli(store, '--json', ...args);
      expect(r.code, `${args.join(' ')} on ${store}: ${r.stderr}`).toBe(0);
      return JSON.parse(r.stdout) as unknown;
    };
    const sarOf = async (store: string, label: string, person: string) => {
      const out = join(dir, `sar-${label}-${person}.json`);
      const r = await cli(store, '--as', recordsManager, 'sar', '--person', person, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      // Everything but when it was generated (each run's own clock).
      const { generatedAt: _, ...response } = JSON.parse(readFileSync(out, 'utf8')) as {
        generatedAt: string;
        erased: boolean;
        records: unknown[];
      };
      return response;
    };

    beforeAll(async () => {
      process.env['AIMLINE_MASTER_KEY'] = MASTER_KEY;
      node = new EsdbNode(await singleNodeSettings(own.bin));
      await node.start();
      esdb = node.url;
      const demo = (await json(esdb, 'demo', ...DEMO)) as { next: string[] };
      expect(await json(sqlite, 'demo', ...DEMO)).toEqual(demo);
      const erase = demo.next.find((n) => / erase --person /.test(n));
      const m = / --as (\S+) erase --person (\S+)/.exec(erase ?? '');
      if (m === null) throw new Error('the demo suggests no erasure');
      [, recordsManager, victim] = m as unknown as [string, string, string];
    }, 300_000);
    afterAll(async () => {
      if (saved.key === undefined) delete process.env['AIMLINE_MASTER_KEY'];
      else process.env['AIMLINE_MASTER_KEY'] = saved.key;
      if (saved.vault !== undefined) process.env['AIMLINE_KEY_VAULT'] = saved.vault;
      await node?.stop();
      node?.removeData();
    }, 60_000);

    it('retention as the records manager: the same people due under the same rules, the same records kept', async () => {
      const args = ['--as', recordsManager, 'retention', '--as-of', '2045-01-01'];
      const onEsdb = await json(esdb, ...args);
      expect(onEsdb).toEqual(await json(sqlite, ...args));
      expect((onEsdb as { due: unknown[] }).due.length).toBeGreaterThan(0);
    });

    it('subject access: the same response, the victim’s own record with other people withheld', async () => {
      const onEsdb = await sarOf(esdb, 'esdb', victim);
      expect(onEsdb).toEqual(await sarOf(sqlite, 'sqlite', victim));
      expect(onEsdb.records.length).toBeGreaterThan(0);
      expect(onEsdb.erased).toBe(false);
    });

    /** Each store's key vault file, and a copy of it taken before the erasure below. */
    const vaults = () => [esdbVault, join(dir, 'events.keys.db')];
    const beforeErasure = (vault: string) => `${vault}.before-erasure`;

    it('erasure: the person reads [erased:…] alike on both; erasing twice is idempotent; every chain verifies; the key vault is a file of its own', async () => {
      for (const vault of vaults()) copyFileSync(vault, beforeErasure(vault));
      for (const store of [esdb, sqlite]) {
        const args = [
          '--as',
          recordsManager,
          'erase',
          '--person',
          victim,
          '--reason',
          'erasure-request-article-17',
        ];
        expect(await json(store, ...args)).toMatchObject({ key: 'destroyed', recorded: true });
        expect(await json(store, ...args)).toMatchObject({ key: 'already-destroyed' });
        expect(await json(store, 'audit', '--verify')).toMatchObject({ ok: true, problems: [] });
      }
      const onEsdb = await sarOf(esdb, 'esdb-erased', victim);
      expect(onEsdb).toEqual(await sarOf(sqlite, 'sqlite-erased', victim));
      expect(onEsdb.erased).toBe(true);
      expect(JSON.stringify(onEsdb)).toMatch(/\[erased:name\]/);
      expect(existsSync(esdbVault)).toBe(true);
    });

    it('a key vault put back from a copy taken before the erasure: the next read destroys the victim’s key again (the vault file no longer holds it), the victim reads [erased:…], and audit --verify passes listing the re-applied erasure, on EventStoreDB as on SQLite', async () => {
      for (const [store, vault] of [
        [esdb, esdbVault],
        [sqlite, join(dir, 'events.keys.db')],
      ] as const) {
        const held = await openKeyVault(beforeErasure(vault), masterKeyFromEnvironment()!);
        const ref = held.subjectRef(victim);
        held.close();
        const backupKey = wrappedKeyIn(beforeErasure(vault), ref)!;
        expect(backupKey).toBeDefined();
        copyFileSync(beforeErasure(vault), vault);
        const read = await sarOf(store, `restored-${store === esdb ? 'esdb' : 'sqlite'}`, victim);
        expect(read.erased).toBe(true);
        expect(JSON.stringify(read)).toMatch(/\[erased:name\]/);
        expect(readFileSync(vault).includes(backupKey)).toBe(false);
        expect(await json(store, 'audit', '--verify')).toMatchObject({
          ok: true,
          problems: [],
          reappliedErasures: [expect.objectContaining({ subjectRef: ref }) as unknown],
        });
      }
    });

    /** People due for erasure (as the retention schedule lists them on EventStoreDB), not the victim. */
    const dueOtherThanVictim = async (): Promise<string[]> => {
      const { due } = (await json(
        esdb,
        '--as',
        recordsManager,
        'retention',
        '--as-of',
        '2045-01-01',
      )) as { due: Array<{ person: string }> };
      return due.map((d) => d.person).filter((p) => p !== victim);
    };
    /** A crash between destroying `person`'s key and recording the erasure, in both stores' vaults. */
    const interruptErasureOf = async (person: string) => {
      for (const vaultFile of [esdbVault, join(dir, 'events.keys.db')]) {
        const vault = await openKeyVault(vaultFile, masterKeyFromEnvironment()!);
        try {
          vault.destroyKey(
            vault.subjectRef(person),
            'an interrupted erasure',
            '2045-01-01T10:00:00Z',
          );
        } finally {
          vault.close();
        }
      }
    };
    const retentionOn = (store: string) =>
      cli(store, '--json', '--as', recordsManager, 'retention', '--as-of', '2025-01-01');
    /** `audit --verify` reports the half-finished erasure (exit 1) and says how to finish it. */
    const expectPendingReported = async (store: string) => {
      const audit = await cli(store, '--json', 'audit', '--verify');
      expect(audit.code, `${store}: ${audit.stderr}`).toBe(1);
      const verified = JSON.parse(audit.stdout) as {
        ok: boolean;
        pendingErasures: string[];
        problems: string[];
      };
      expect(verified.ok).toBe(false);
      expect(verified.pendingErasures).toHaveLength(1);
      expect(verified.problems).toEqual([
        expect.stringMatching(/^erasure of subject \S+ not recorded: .*erase --pending/),
      ]);
      const listed = await retentionOn(store);
      expect(listed.code).toBe(1);
      expect(JSON.parse(listed.stdout)).toMatchObject({ pendingErasures: 1 });
    };
    /** Once finished: nothing pending, and every chain verifies. */
    const expectFinished = async (store: string) => {
      const after = await retentionOn(store);
      expect([after.code, JSON.parse(after.stdout)]).toEqual([
        0,
        expect.objectContaining({ pendingErasures: 0 }),
      ]);
      expect(await json(store, 'audit', '--verify')).toMatchObject({
        ok: true,
        pendingErasures: [],
        problems: [],
      });
    };

    it('a crash between destroying a key and recording the erasure: audit --verify and retention report it (exit 1), and erase --pending finishes it, on EventStoreDB as on SQLite', async () => {
      const [person] = await dueOtherThanVictim();
      await interruptErasureOf(person!);
      for (const store of [esdb, sqlite]) {
        await expectPendingReported(store);
        const finished = await cli(store, '--as', recordsManager, 'erase', '--pending');
        expect(finished.code, finished.stderr).toBe(0);
        await expectFinished(store);
      }
    });

    it('a crash between destroying a key and recording the erasure: retention --apply finishes it first (and erases nobody else under the placeholder rules), on EventStoreDB as on SQLite', async () => {
      const [, person] = await dueOtherThanVictim();
      await interruptErasureOf(person!);
      for (const store of [esdb, sqlite]) {
        await expectPendingReported(store);
        const applied = await cli(
          store,
          '--json',
          '--as',
          recordsManager,
          'retention',
          '--apply',
          '--as-of',
          '2025-01-01',
        );
        expect(applied.code, applied.stderr).toBe(0);
        expect(JSON.parse(applied.stdout)).toMatchObject({
          finishedPending: [expect.any(String)],
          erased: [],
        });
        await expectFinished(store);
      }
    });
  });
