/**
 * Opening a key vault (issue 13, "Bad input and faults"): whatever is wrong with the file,
 * `openKeyVault` itself refuses it as `KeyVaultUnavailable` naming the file (never a bare
 * SQLite or file-system error for each caller to wrap), with what went wrong as its cause.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  isKeyError,
  localMasterKey,
  openKeyVault,
  type KeyVaultMode,
  type MasterKey,
} from '../src/index.js';

const master = localMasterKey(randomBytes(32));
const dir = mkdtempSync(join(tmpdir(), 'aimline-vault-open-'));

const refusal = async (path: string, mode: KeyVaultMode): Promise<unknown> => {
  try {
    (await openKeyVault(path, master, mode)).close();
    return 'opened';
  } catch (e) {
    return e;
  }
};

const expectUnavailable = async (path: string, mode: KeyVaultMode): Promise<void> => {
  const e = await refusal(path, mode);
  expect(isKeyError(e) && e.kind, String(e)).toBe('KeyVaultUnavailable');
  expect((e as Error).message).toContain(`the key vault ${path}`);
  expect((e as Error).cause).toBeDefined();
};

describe('openKeyVault refuses a file that is not a whole key vault as KeyVaultUnavailable, naming it', () => {
  it('given bytes that are not SQLite, then for every mode', async () => {
    const path = join(dir, 'not-sqlite.keys.db');
    writeFileSync(path, 'not a key vault at all\n');
    for (const mode of ['create', 'open', 'read-only'] as const)
      await expectUnavailable(path, mode);
  });

  it('given a vault cut short (a copy that stopped halfway)', async () => {
    const whole = join(dir, 'whole.keys.db');
    const vault = await openKeyVault(whole, master, 'create');
    await vault.writingKey(vault.subjectRef('ch-101'));
    vault.close();
    const bytes = readFileSync(whole);
    const cut = join(dir, 'cut.keys.db');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectUnavailable(cut, 'read-only');
  });

  it('given a directory in its place', async () => {
    const path = join(dir, 'folder.keys.db');
    mkdirSync(path);
    for (const mode of ['create', 'read-only'] as const) await expectUnavailable(path, mode);
  });

  it('given a folder that does not exist to make it in, then it says the folder is missing, not to restore a backup', async () => {
    const path = join(dir, 'no-such-folder', 'new.keys.db');
    await expectUnavailable(path, 'create');
    const e = await refusal(path, 'create');
    expect((e as Error).message).toBe(
      `the key vault ${path} cannot be made: its folder ${join(dir, 'no-such-folder')} does not exist`,
    );
  });
});

describe('openKeyVault gives backup advice only when the file is at fault', () => {
  it('given a master key that fails (a KMS outage), when a vault is made, then its error is thrown as itself, not as a vault to restore', async () => {
    const outage = new Error('the KMS did not answer');
    const unreachable: MasterKey = {
      keyId: 'kms:council-test',
      wrap: () => Promise.reject(outage),
      unwrap: () => Promise.reject(outage),
    };
    await expect(openKeyVault(join(dir, 'kms-down.keys.db'), unreachable, 'create')).rejects.toBe(
      outage,
    );
  });

  it('given a master key that fails (a KMS outage), when a vault is opened, then its error is thrown as itself, not as an altered vault', async () => {
    const path = join(dir, 'kms-down-open.keys.db');
    (await openKeyVault(path, master, 'create')).close();
    const outage = new Error('the KMS did not answer');
    const failing: MasterKey = { ...master, unwrap: () => Promise.reject(outage) };
    for (const mode of ['open', 'read-only'] as const)
      await expect(openKeyVault(path, failing, mode)).rejects.toBe(outage);
  });

  it('given a master key that fails (a KMS outage), when a subject key is read, then its error is thrown as itself, not as an altered key', async () => {
    const path = join(dir, 'kms-down-read.keys.db');
    const made = await openKeyVault(path, master, 'create');
    const ref = made.subjectRef('ch-102');
    await made.writingKey(ref);
    made.close();
    const outage = new Error('the KMS did not answer');
    const vault = await openKeyVault(path, {
      ...master,
      unwrap: (wrapped, context) =>
        context === ref ? Promise.reject(outage) : master.unwrap(wrapped, context),
    });
    try {
      await expect(vault.readingKey(ref)).rejects.toBe(outage);
    } finally {
      vault.close();
    }
  });

  it('given an altered index key, when the vault is opened, then it is CorruptWrappedKey saying to restore a backup', async () => {
    const path = join(dir, 'altered-index.keys.db');
    (await openKeyVault(path, master, 'create')).close();
    const db = new Database(path);
    const { value } = db.prepare(`SELECT value FROM vault_info WHERE name = 'index_key'`).get() as {
      value: Buffer;
    };
    value[20] = value[20]! ^ 0xff;
    db.prepare(`UPDATE vault_info SET value = ? WHERE name = 'index_key'`).run(value);
    db.close();
    const e = await refusal(path, 'open');
    expect(isKeyError(e) && e.kind, String(e)).toBe('CorruptWrappedKey');
    expect((e as Error).message).toContain('restore it from a backup');
  });

  it('given a vault another process holds locked, when it is opened read-only, then it is KeyVaultUnavailable saying it is in use, not to restore a backup', async () => {
    const path = join(dir, 'busy.keys.db');
    (await openKeyVault(path, master, 'create')).close();
    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const e = await refusal(path, 'read-only');
      expect(isKeyError(e) && e.kind, String(e)).toBe('KeyVaultUnavailable');
      expect((e as Error).message).toContain(`the key vault ${path} is in use by another process`);
      expect((e as Error).message).not.toContain('restore');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 30_000);
});
