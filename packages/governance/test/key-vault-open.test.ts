/**
 * Opening a key vault (issue 13, "Bad input and faults"): whatever is wrong with the file,
 * `openKeyVault` itself refuses it as `KeyVaultUnavailable` naming the file (never a bare
 * SQLite or file-system error for each caller to wrap), with what went wrong as its cause.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKeyError, localMasterKey, openKeyVault, type KeyVaultMode } from '../src/index.js';

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

  it('given a folder that does not exist to make it in', async () => {
    await expectUnavailable(join(dir, 'no-such-folder', 'new.keys.db'), 'create');
  });
});
