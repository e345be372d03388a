import Database from 'better-sqlite3';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InMemoryEventStore } from '@aimline/kernel';
import {
  createMasterKeyFile,
  encryptingEventStore,
  masterKeyFromEnvironment,
  masterKeyFromFile,
  openKeyVault,
  personalFieldsByModule,
  type MasterKey,
} from '../../src/index.js';
import {
  collect,
  encryptedMemoryStore,
  handlerOn,
  hsb,
  modules,
  newMasterKey,
  reportConcern,
  tempDir,
} from './support.js';

/** What `f` throws (so its typed fields can be matched). */
const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('bad input and faults (issue 13): typed errors, never plaintext as a fallback', () => {
  it('a missing master key file is MasterKeyMissing, naming the file', () => {
    const path = join(tempDir(), 'absent.key');
    expect(thrown(() => masterKeyFromFile(path))).toMatchObject({ kind: 'MasterKeyMissing' });
    expect(String(thrown(() => masterKeyFromFile(path)))).toContain(path);
    expect(thrown(() => masterKeyFromEnvironment({ AIMLINE_MASTER_KEY_FILE: path }))).toMatchObject(
      { kind: 'MasterKeyMissing' },
    );
  });

  it('a master key file others can read, or that is not 64 hex digits, is MasterKeyInvalid', () => {
    const dir = tempDir();
    const open = join(dir, 'open.key');
    writeFileSync(open, 'ab'.repeat(32), { mode: 0o644 });
    expect(thrown(() => masterKeyFromFile(open))).toMatchObject({ kind: 'MasterKeyInvalid' });
    expect(String(thrown(() => masterKeyFromFile(open)))).toContain('chmod 600');
    const short = join(dir, 'short.key');
    writeFileSync(short, 'abcd', { mode: 0o600 });
    expect(thrown(() => masterKeyFromFile(short))).toMatchObject({ kind: 'MasterKeyInvalid' });
    expect(thrown(() => masterKeyFromEnvironment({ AIMLINE_MASTER_KEY: 'zz' }))).toMatchObject({
      kind: 'MasterKeyInvalid',
    });
  });

  it('a master key "file" that is a folder is MasterKeyInvalid saying so, not a complaint about its mode', () => {
    const folder = tempDir();
    const error = thrown(() => masterKeyFromFile(folder));
    expect(error).toMatchObject({ kind: 'MasterKeyInvalid' });
    expect((error as Error).message).toContain('is not a file (a folder)');
  });

  it('a new master key file and a new key vault are readable by their owner only (0600)', async () => {
    const dir = tempDir();
    const key = createMasterKeyFile(join(dir, 'master.key'));
    expect(statSync(join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(masterKeyFromFile(join(dir, 'master.key')).keyId).toBe(key.keyId);
    const vault = await openKeyVault(join(dir, 'keys.db'), key, 'create');
    vault.close();
    expect(statSync(join(dir, 'keys.db')).mode & 0o777).toBe(0o600);
  });

  it('a vault opened with another master key is WrongMasterKey', async () => {
    const { vault, vaultPath } = await encryptedMemoryStore();
    vault.close();
    await expect(openKeyVault(vaultPath, newMasterKey())).rejects.toMatchObject({
      kind: 'WrongMasterKey',
    });
  });

  it('an altered wrapped key is CorruptWrappedKey when history is read, naming the subject', async () => {
    const dir = tempDir();
    const { inner, store, vault, vaultPath, master } = await encryptedMemoryStore(dir);
    await handlerOn(store).handle(hsb, reportConcern());
    const ref = vault.subjectRef('child-v');
    vault.close();
    const db = new Database(vaultPath);
    const { wrapped } = db.prepare('SELECT wrapped FROM subject_keys WHERE ref = ?').get(ref) as {
      wrapped: Buffer;
    };
    wrapped[20] = wrapped[20]! ^ 0xff;
    db.prepare('UPDATE subject_keys SET wrapped = ? WHERE ref = ?').run(wrapped, ref);
    db.close();
    const reopened = encryptingEventStore(
      inner,
      await openKeyVault(vaultPath, master),
      personalFieldsByModule(modules),
    );
    const failure = await collect(reopened.readAll()).catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: 'CorruptWrappedKey' });
    expect(String(failure)).toContain(ref);
  });

  it('history read with a vault that does not hold its keys is SubjectKeyMissing; a vault that does not exist is KeyVaultUnavailable', async () => {
    const { inner, store, master } = await encryptedMemoryStore();
    await handlerOn(store).handle(hsb, reportConcern());
    const other = await openKeyVault(join(tempDir(), 'other.db'), master, 'create');
    await expect(
      collect(encryptingEventStore(inner, other, personalFieldsByModule(modules)).readAll()),
    ).rejects.toMatchObject({ kind: 'SubjectKeyMissing' });
    await expect(openKeyVault(join(tempDir(), 'none.db'), master, 'open')).rejects.toMatchObject({
      kind: 'KeyVaultUnavailable',
    });
  });

  it('history with no sealed data reads without asking the vault for a key (a vault that can give none, as the CLI uses for a store that has no vault, is never asked)', async () => {
    const { vault } = await encryptedMemoryStore();
    const plain = new InMemoryEventStore();
    await handlerOn(plain).handle(hsb, reportConcern());
    const noKeys = {
      ...vault,
      loadReadingKeys: () => Promise.reject(new Error('no key vault: asked for keys')),
      readingKey: () => Promise.reject(new Error('no key vault: asked for a key')),
    };
    const reader = encryptingEventStore(plain, noKeys, personalFieldsByModule(modules));
    const [event] = await collect(reader.readAll({ personalData: ['dateOfBirth'] }));
    expect(event!.type).toBe('ConcernReported');
    expect(await collect(reader.readStream(event!.stream))).toHaveLength(1);
  });

  it('when the master key cannot wrap a new data key, the append fails and nothing is stored', async () => {
    const good = newMasterKey();
    let broken = false;
    const flaky: MasterKey = {
      keyId: good.keyId,
      wrap: (k, c) => (broken ? Promise.reject(new Error('KMS unavailable')) : good.wrap(k, c)),
      unwrap: (w, c) => good.unwrap(w, c),
    };
    const inner = new InMemoryEventStore();
    const { store } = await encryptedMemoryStore(tempDir(), flaky, inner);
    broken = true;
    await expect(handlerOn(store).handle(hsb, reportConcern())).rejects.toThrow('KMS unavailable');
    expect(await collect(inner.readAll())).toEqual([]);
  });
});
