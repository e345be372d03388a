/**
 * A key vault that is not a whole key vault (issue 13, "Bad input and faults"): whatever is wrong
 * with the file, every command is refused with a typed error naming the vault, exit 3 (keys
 * unavailable), no stack trace, and nothing decrypted or written. Invented people only.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caseHistory, caseTeamWorkspace, commandLines, quorin, quorinCase } from './case-team.js';

const { caseLine } = commandLines('7a01f5e2');
const opened = caseHistory(caseLine, 1, quorinCase).opened;

describe('a corrupt or missing key vault (issue 13, bad input and faults)', () => {
  const { dir, cli, as, execAs } = caseTeamWorkspace('aimline-vault-faults-', ['hsb-case-C-9']);
  const vault = join(dir, 'events.keys.db');
  const backup = join(dir, 'vault-backup.db');

  beforeAll(async () => {
    const r = await execAs('sw-1', 'opened.jsonl', opened);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    copyFileSync(vault, backup);
  }, 60_000);

  afterEach(() => {
    rmSync(vault, { recursive: true, force: true });
    copyFileSync(backup, vault);
  });

  /** Every command that opens the store: a read, a subject access request, verification. */
  const commands = (): string[][] => [
    [...as('sw-1'), 'timeline', 'C-9'],
    [...as('rm-1'), 'sar', '--person', 'ch-101', '--out', join(dir, 'sar.json')],
    ['audit', '--verify'],
  ];

  const refusedAsUnavailable = async () => {
    for (const args of commands()) {
      const r = await cli(...args);
      expect([r.code, r.stdout], args.join(' ')).toEqual([3, '']);
      expect(r.stderr).toContain(`the key vault ${vault}`);
      expect(r.stderr).not.toContain('unexpected error');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toContain(quorin.name);
    }
  };

  it('given a vault file overwritten with bytes that are not SQLite, then every command exits 3 naming the vault', async () => {
    writeFileSync(vault, 'not a key vault at all\n');
    await refusedAsUnavailable();
  });

  it('given a vault cut short (a copy that stopped halfway), then every command exits 3 naming the vault', async () => {
    const bytes = readFileSync(backup);
    writeFileSync(vault, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await refusedAsUnavailable();
  });

  it('given a directory where the vault file should be, then every command exits 3 naming the vault', async () => {
    rmSync(vault);
    mkdirSync(vault);
    await refusedAsUnavailable();
  });

  it('given the vault restored from its backup, then the same commands work again', async () => {
    const r = await cli(...as('sw-1'), 'timeline', 'C-9');
    expect(r.code, r.stderr).toBe(0);
  });
});
