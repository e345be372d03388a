/**
 * Each access-log entry names the store that was read (format 2: `format`, `store`, the store's
 * identity), so one log shared by two stores, or moved beside another store, still says whose
 * records each read showed. Logs written before (format 1: no store) stay readable and verify as
 * written, hash chain and MACs alike; new entries chain after them. The fixture
 * `access-log-format-1.jsonl` was written by the format-1 writer (main at 5fbf02f) with the chain
 * key below (an invented key of 32 bytes 0x2a), three reads of invented people;
 * `access-log-format-2.jsonl` by the format-2 writer (main at 74f539b, before every read of a
 * case was recorded: no `about`) with the same key bytes, three reads of invented people.
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

/** The invented store the format-2 fixture's reads were of. */
const FORMAT_2_STORE = '5a1e0000-0000-4000-8000-000000000002';

const fixture = (format: 1 | 2): string =>
  fileURLToPath(new URL(`fixtures/access-log-format-${format}.jsonl`, import.meta.url));
const key = hmacChainKey('format-1-fixture.key', Buffer.alloc(32, 0x2a));
const dir = mkdtempSync(join(tmpdir(), 'aimline-access-formats-'));
let copies = 0;
/** A copy of the format-1 (or format-2) log to append to or alter. */
const copy = (format: 1 | 2 = 1): string => {
  const file = join(dir, `log-${++copies}.jsonl`);
  copyFileSync(fixture(format), file);
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

  it('given a format-1 log, when a read is appended now, then it is of the current format naming the store, chained after the old entries, and the whole log verifies', () => {
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

  it('given a log written in format 2, when it is read and verified with its chain key, then every entry is there, naming its store and people, with no `about`, and the chain and MACs hold', () => {
    const { entries, damaged } = readAccessLogFile(copy(2));
    expect(damaged).toEqual([]);
    expect(entries.map((e) => [e.seq, e.principal, e.subjects, 'about' in e])).toEqual([
      [0, 'sw-1', ['ch-1'], false],
      [1, 'aud-1', ['ch-1', 'ch-2'], false],
      [2, 'sr-1', ['ch-1'], false],
    ]);
    expect(entries.map(storeOfEntry)).toEqual(Array(3).fill(FORMAT_2_STORE));
    expect(verifyAccessLog(entries, key)).toEqual({ ok: true });
    expect(unkeyedAccessEntries(entries)).toBe(0);
  });

  it('given a format-2 log, when a read is appended now, then it is format 3 (with `about`), chained after the old entries, and the whole log verifies', () => {
    const file = copy(2);
    const logged = fileAccessLog(file, { key }).append(accessEntry('after format 3'));
    expect(logged).toMatchObject({ seq: 3, format: 3, about: ['ch-1'] });
    const { entries, damaged } = readAccessLogFile(file);
    expect(damaged).toEqual([]);
    expect(entries.map((e) => ('format' in e ? e.format : 1))).toEqual([2, 2, 2, 3]);
    expect(verifyAccessLog(entries, key)).toEqual({ ok: true });
  });

  it('given a format-2 entry given `about` afterwards, then it is no entry (about is not a format-2 field); given format 3 as well, it reads but was changed after it was written', () => {
    const aboutOnly = copy(2);
    editLine(aboutOnly, 1, (e) => ({ ...e, about: ['ch-1'] }));
    expect(readAccessLogFile(aboutOnly).damaged).toEqual([
      { line: 2, why: 'about: unknown field' },
    ]);
    const claimed = copy(2);
    editLine(claimed, 1, (e) => ({ ...e, format: 3, about: ['ch-1'] }));
    const { entries, damaged } = readAccessLogFile(claimed);
    expect(damaged).toEqual([]);
    expect(verifyAccessLog(entries, key)).toMatchObject({
      ok: false,
      breaks: [{ kind: 'changed', seq: 1, why: 'entry 1 was changed after it was written' }],
    });
  });

  it('given a current-format line without its store, then it is no entry, naming the field', () => {
    const file = join(dir, 'no-store.jsonl');
    fileAccessLog(file).append(accessEntry('one'));
    editLine(file, 0, (e) => {
      const { store: _store, ...rest } = e as { store: string };
      return rest;
    });
    expect(readAccessLogFile(file).damaged).toEqual([
      { line: 1, why: 'format: unknown field; about: unknown field' },
    ]);
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
