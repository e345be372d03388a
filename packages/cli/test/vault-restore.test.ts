/**
 * An erasure is never undone by restoring the key vault from a backup (UK GDPR Art. 17; the ICO
 * expects erased data in backups to be put beyond use, never restored into live use). The event
 * store is the record of what was erased: opening a store over a vault restored from a copy
 * taken before an erasure destroys the erased subject's key again before anything is read. The
 * converse, an event store restored from before an erasure the vault records, is reported and
 * finished by `erase --pending`.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { masterKeyFromFile, openKeyVault } from '@aimline/governance';
import { wrappedKeyIn } from '../../governance/test/crypto/vault-file.js';
import { runCli, demoCommand } from './run-cli.js';

const DEMO = { seed: 11, cases: 3, years: 1, from: '2024-09-02T09:00:00Z' };

describe('a key vault restored from a backup taken before an erasure', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aimline-vault-restore-'));
  const path = join(dir, 'events.db');
  const vaultFile = join(dir, 'events.keys.db');
  const vaultBeforeErasure = join(dir, 'events.keys.before-erasure.db');
  const storeBeforeErasure = join(dir, 'events.before-erasure.db');
  let recordsManager = '';
  let victim = '';
  let victimRef = '';
  let victimRecord = '';

  const cli = (...args: string[]) => runCli(['--store', `sqlite:${path}`, ...args]);
  const json = async (...args: string[]): Promise<unknown> => {
    const r = await cli('--json', ...args);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return JSON.parse(r.stdout) as unknown;
  };
  const sar = async (...global: string[]) => {
    const out = join(dir, `sar-${Date.now()}-${Math.random()}.json`);
    const r = await cli(...global, '--as', recordsManager, 'sar', '--person', victim, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    return { text: readFileSync(out, 'utf8'), stderr: r.stderr };
  };
  const fileHolds = (file: string, bytes: Buffer): boolean => readFileSync(file).includes(bytes);
  /** Erase the victim, having kept a copy of the vault and of the event store from before. */
  const eraseVictim = async () => {
    copyFileSync(vaultFile, vaultBeforeErasure);
    copyFileSync(path, storeBeforeErasure);
    const erased = await json(
      '--as',
      recordsManager,
      'erase',
      '--person',
      victim,
      '--reason',
      'erasure request (Art. 17)',
    );
    expect(erased).toMatchObject({ key: 'destroyed', recorded: true });
  };

  beforeAll(async () => {
    const demo = (await json(...demoCommand(DEMO))) as { next: string[] };
    const m = / --as (\S+) erase --person (\S+)/.exec(
      demo.next.find((n) => / erase --person /.test(n)) ?? '',
    );
    if (m === null) throw new Error('the demo suggests no erasure');
    [, recordsManager, victim] = m as unknown as [string, string, string];
    const vault = await openKeyVault(vaultFile, masterKeyFromFile(join(dir, 'events.master-key')));
    victimRef = vault.subjectRef(victim);
    vault.close();
    const before = JSON.parse((await sar()).text) as {
      records: Array<{ record: string; primary: boolean }>;
    };
    victimRecord = before.records[0]!.record;
    // WAL mode: a consistent copy of the store is one with no write-ahead log pending.
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0);
    await eraseVictim();
  }, 120_000);

  it('given the vault put back from the copy, when any read runs (timeline, then sar), then the first destroys the key again and says so, the vault file no longer holds the key the copy held, and the victim reads [erased:…]', async () => {
    const backupKey = wrappedKeyIn(vaultBeforeErasure, victimRef);
    expect(backupKey).toBeDefined();
    expect(wrappedKeyIn(vaultFile, victimRef)).toBeUndefined();
    copyFileSync(vaultBeforeErasure, vaultFile);
    expect(fileHolds(vaultFile, backupKey!)).toBe(true);

    const timeline = await cli('--as', recordsManager, 'timeline', victimRecord);
    expect(timeline.code, timeline.stderr).toBe(0);
    expect(timeline.stderr).toMatch(
      new RegExp(`held the keys of 1 erased subject\\(s\\) \\(${victimRef}\\).*destroyed again`),
    );
    expect(fileHolds(vaultFile, backupKey!)).toBe(false);
    expect(existsSync(`${vaultFile}-journal`)).toBe(false);

    const read = await sar();
    expect(read.text).toMatch(/\[erased:name\]/);
    expect(JSON.parse(read.text)).toMatchObject({ erased: true });
    // Re-applied once: the next open has nothing to re-apply, and says nothing.
    expect(read.stderr).not.toMatch(/held the keys/);
  });

  it('then audit --verify passes and lists the erasure as re-applied (when first recorded); the access log verifies; erasing again is idempotent', async () => {
    const audit = (await json('audit', '--verify')) as {
      ok: boolean;
      problems: string[];
      notes: string[];
      reappliedErasures: Array<{ subjectRef: string; recordedAt: string }>;
    };
    expect(audit.ok).toBe(true);
    expect(audit.problems).toEqual([]);
    expect(audit.reappliedErasures).toEqual([
      expect.objectContaining({ subjectRef: victimRef, recordedAt: expect.any(String) as unknown }),
    ]);
    expect(audit.notes).toContainEqual(
      expect.stringMatching(new RegExp(`^erasure of subject ${victimRef} re-applied at `)),
    );
    const retention = (await json(
      '--as',
      recordsManager,
      'retention',
      '--as-of',
      '2025-01-01',
    )) as {
      reappliedErasures: Array<{ subjectRef: string }>;
    };
    expect(retention.reappliedErasures.map((r) => r.subjectRef)).toEqual([victimRef]);
    expect((await cli('access-log', '--verify')).code).toBe(0);
    const again = await json(
      '--as',
      recordsManager,
      'erase',
      '--person',
      victim,
      '--reason',
      'erasure request (Art. 17)',
    );
    expect(again).toMatchObject({ key: 'already-destroyed', position: null });
  });

  it('given the vault put back again, when a --read-only read runs, then the victim still reads [erased:…] (held in memory: the vault file is not written), audit --verify --read-only fails (exit 1) saying what to do, and the next ordinary read destroys the key', async () => {
    const backupKey = wrappedKeyIn(vaultBeforeErasure, victimRef)!;
    copyFileSync(vaultBeforeErasure, vaultFile);
    const read = await sar('--read-only', '--access-log', join(dir, 'read-only.access-log.jsonl'));
    expect(read.text).toMatch(/\[erased:name\]/);
    expect(read.stderr).toMatch(
      /vault file still holds the keys: run any command without --read-only/,
    );
    expect(fileHolds(vaultFile, backupKey)).toBe(true);
    const audit = await cli(
      '--read-only',
      '--access-log',
      join(dir, 'read-only.access-log.jsonl'),
      '--json',
      'audit',
      '--verify',
    );
    expect(audit.code).toBe(1);
    expect((JSON.parse(audit.stdout) as { problems: string[] }).problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^the key vault still holds the key of erased subject ${victimRef} .*without --read-only`,
        ),
      ),
    ]);
    expect((await sar()).text).toMatch(/\[erased:name\]/);
    expect(fileHolds(vaultFile, backupKey)).toBe(false);
    expect((await cli('audit', '--verify')).code).toBe(0);
  });

  it('conversely, given the event store put back from before the erasure, audit --verify and retention report the erasure the vault records as missing (exit 1), and erase --pending records it again', async () => {
    // A restore puts back the database alone: no write-ahead log of the later history with it.
    for (const f of [`${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    copyFileSync(storeBeforeErasure, path);
    const audit = await cli('--json', 'audit', '--verify');
    expect(audit.code).toBe(1);
    const verified = JSON.parse(audit.stdout) as {
      erasuresMissingFromStore: string[];
      problems: string[];
    };
    expect(verified.erasuresMissingFromStore).toEqual([victimRef]);
    expect(verified.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^erasure of subject ${victimRef} missing from the event store: .*erase --pending`,
        ),
      ),
    ]);
    const retention = await cli(
      '--json',
      '--as',
      recordsManager,
      'retention',
      '--as-of',
      '2025-01-01',
    );
    expect(retention.code).toBe(1);
    expect(JSON.parse(retention.stdout)).toMatchObject({ erasuresMissingFromStore: 1 });
    const finished = await cli('--as', recordsManager, 'erase', '--pending');
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).toContain(`recorded the erasure of subject ${victimRef}`);
    expect((await cli('audit', '--verify')).code).toBe(0);
    expect((await sar()).text).toMatch(/\[erased:name\]/);
  });
});
