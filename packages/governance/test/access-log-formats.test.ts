/**
 * Each access-log entry names the store that was read (format 2: `format`, `store`, the store's
 * identity), so one log shared by two stores, or moved beside another store, still says whose
 * records each read showed. Logs written before (format 1: no store) stay readable and verify as
 * written, hash chain and MACs alike; new entries chain after them. The fixture
 * `access-log-format-1.jsonl` was written by the format-1 writer (main at 5fbf02f) with the chain
 * key below (an invented key of 32 bytes 0x2a), three reads of invented people.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hmacChainKey } from '@aimline/kernel';
import {
  ACCESS_ENTRY_FORMAT,
  defaultAccessPolicy,
  fileAccessLog,
  memoryAccessLog,
  needToKnowReader,
  readAccessLogFile,
  storeOfEntry,
  unkeyedAccessEntries,
  verifyAccessLog,
} from '../src/index.js';
import { hsb, principal, storeWith } from './access-fixtures.js';
import { accessEntry, TEST_STORE } from './fixtures/access-entry.js';

const FORMAT_1 = fileURLToPath(new URL('fixtures/access-log-format-1.jsonl', import.meta.url));
const key = hmacChainKey('format-1-fixture.key', Buffer.alloc(32, 0x2a));
const dir = mkdtempSync(join(tmpdir(), 'aimline-access-formats-'));
let copies = 0;
/** A copy of the format-1 log to append to or alter. */
const copy = (): string => {
  const file = join(dir, `log-${++copies}.jsonl`);
  copyFileSync(FORMAT_1, file);
  return file;
};

/** Rewrites line `n` (from 0) of `file` with what `change` makes of its entry. */
const editLine = (file: string, n: number, change: (e: object) => object): void => {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[n] = JSON.stringify(change(JSON.parse(lines[n]!) as object));
  writeFileSync(file, lines.join('\n'));
};

describe('access-log entry formats', () => {
  it('given a log written in format 1, when it is read and verified with its chain key, then every entry is there, with no store, and the chain and MACs hold', () => {
    // Read from a copy: reading takes the log's lock, a file beside the log.
    const { entries, damaged } = readAccessLogFile(copy());
    expect(damaged).toEqual([]);
    expect(entries.map((e) => [e.seq, e.principal, storeOfEntry(e)])).toEqual([
      [0, 'sw-1', undefined],
      [1, 'aud-1', undefined],
      [2, 'sr-1', undefined],
    ]);
    expect(verifyAccessLog(entries, key)).toEqual({ ok: true });
    expect(unkeyedAccessEntries(entries)).toBe(0);
  });

  it('given a format-1 log, when a read is appended now, then it is format 2 naming the store, chained after the old entries, and the whole log verifies', () => {
    const file = copy();
    const logged = fileAccessLog(file, { key }).append(accessEntry('after the upgrade'));
    expect(logged).toMatchObject({ seq: 3, format: ACCESS_ENTRY_FORMAT, store: TEST_STORE });
    const { entries, damaged } = readAccessLogFile(file);
    expect(damaged).toEqual([]);
    expect(entries.map(storeOfEntry)).toEqual([undefined, undefined, undefined, TEST_STORE]);
    expect(verifyAccessLog(entries, key)).toEqual({ ok: true });
  });

  it('given a format-1 entry given a store afterwards, then it is no entry (store is not a format-1 field); given format 2 as well, it reads but was changed after it was written', () => {
    const storeOnly = copy();
    editLine(storeOnly, 1, (e) => ({ ...e, store: TEST_STORE }));
    expect(readAccessLogFile(storeOnly).damaged).toEqual([
      { line: 2, why: 'store: unknown field' },
    ]);
    const claimed = copy();
    editLine(claimed, 1, (e) => ({ ...e, format: 2, store: TEST_STORE }));
    const { entries, damaged } = readAccessLogFile(claimed);
    expect(damaged).toEqual([]);
    expect(verifyAccessLog(entries, key)).toMatchObject({
      ok: false,
      breaks: [{ kind: 'changed', seq: 1, why: 'entry 1 was changed after it was written' }],
    });
  });

  it('given a format-2 line without its store, then it is no entry, naming the field', () => {
    const file = join(dir, 'no-store.jsonl');
    fileAccessLog(file).append(accessEntry('one'));
    editLine(file, 0, (e) => {
      const { store: _store, ...rest } = e as { store: string };
      return rest;
    });
    expect(readAccessLogFile(file).damaged).toEqual([{ line: 1, why: 'format: unknown field' }]);
  });

  it("given a need-to-know read, then its entry names the identity of the store read (the store's `identity()`)", async () => {
    const store = await storeWith('C-1');
    const log = memoryAccessLog();
    await needToKnowReader({
      store,
      modules: [hsb],
      policy: defaultAccessPolicy,
      principal: principal('auditor'),
      log,
      clock: () => '2026-07-01T10:00:00Z',
    }).readStream('hsb-case-C-1', { purpose: 'inspection' });
    expect(log.entries()).toMatchObject([
      { format: ACCESS_ENTRY_FORMAT, store: await store.identity(), purpose: 'inspection' },
    ]);
  });
});
