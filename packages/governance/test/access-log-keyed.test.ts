/**
 * The access log under the chain key (issue 13 item 3): unkeyed SHA-256 can be recomputed by
 * whoever can write the file, so each link also carries a MAC under the event store's chain key,
 * held outside the log. A rewrite with every hash recomputed is then detected and located by
 * whoever holds the key. Invented principals only.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hmacChainKey } from '@aimline/kernel';
import {
  chainAccess,
  fileAccessLog,
  memoryAccessLog,
  readAccessLogFile,
  unkeyedAccessEntries,
  verifyAccessLog,
  type AccessEntry,
  type LoggedAccess,
} from '../src/index.js';
import { accessEntry } from './fixtures/access-entry.js';

const key = hmacChainKey('chain.key', randomBytes(32));

const purposes = ['one', 'two', 'three', 'four'];

/** A log of four reads written with the chain key. */
const keyedLog = (): LoggedAccess[] => {
  const log = memoryAccessLog({ key });
  for (const p of purposes) log.append(accessEntry(p));
  return [...log.entries()];
};

/**
 * What someone who can write the file but has no key can do: change entries and recompute
 * every hash after them, keeping (`keep`) or dropping (`drop`) the MACs they cannot recompute.
 */
const rewritten = (
  entries: ReadonlyArray<LoggedAccess>,
  change: (e: LoggedAccess) => Partial<AccessEntry>,
  macs: 'keep' | 'drop',
): LoggedAccess[] => {
  const out: LoggedAccess[] = [];
  for (const e of entries) {
    const { seq: _seq, prevHash: _prev, hash: _hash, mac, ...content } = e;
    const relinked = chainAccess(out.at(-1), { ...content, ...change(e) });
    out.push(macs === 'keep' && mac !== undefined ? { ...relinked, mac } : relinked);
  }
  return out;
};

/** The entry as it stands, its MAC dropped. */
const withoutMac = ({ mac: _mac, ...e }: LoggedAccess): LoggedAccess => e;

describe('access log under the chain key: a recomputed rewrite is detected (issue 13 item 3)', () => {
  it('given a keyed log, when entry 1 is edited and every hash recomputed, then the chain alone passes, and with the key entries 1 to 3 are reported: their MACs do not verify', () => {
    const forged = rewritten(
      keyedLog(),
      (e) => (e.seq === 1 ? { purpose: 'nothing to see' } : {}),
      'keep',
    );
    expect(verifyAccessLog(forged)).toEqual({ ok: true });
    const why =
      'the 3 entries from entry 1 to entry 3 have a MAC that does not verify under the chain key (written or rewritten without it)';
    expect(verifyAccessLog(forged, key)).toEqual({
      ok: false,
      seq: 1,
      why,
      breaks: [{ kind: 'forged', seq: 1, index: 1, count: 3, why }],
    });
  });

  it('given a keyed log, when the last entry is edited, rehashed and its MAC dropped, then with the key it is reported as having no MAC after entries that have one', () => {
    const stripped = rewritten(
      keyedLog(),
      (e) => (e.seq === 3 ? { purpose: 'routine' } : {}),
      'keep',
    ).map((e) => (e.seq === 3 ? withoutMac(e) : e));
    const check = verifyAccessLog(stripped, key);
    expect(check.ok ? [] : check.breaks.map((b) => [b.kind, b.seq, b.index, b.why])).toEqual([
      [
        'unsigned',
        3,
        3,
        'entry 3 has no MAC although an entry before it has one (removed, or written without the chain key)',
      ],
    ]);
  });

  it('given entries recorded before a key was set and keyed entries after them, then the chain holds under the key, and the unkeyed ones are counted, not reported', () => {
    const before = memoryAccessLog();
    before.append(accessEntry('before the key'));
    const first = before.entries()[0]!;
    const after = chainAccess(first, accessEntry('after the key'), key);
    expect(verifyAccessLog([first, after], key)).toEqual({ ok: true });
    expect(unkeyedAccessEntries([first, after])).toBe(1);
    expect(unkeyedAccessEntries([after])).toBe(0);
  });

  it('given a file log written with the key, then its entries carry MACs read back strictly; another key finds every MAC false', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aimline-access-')), 'access-log.jsonl');
    const log = fileAccessLog(file, { key });
    for (const p of purposes) log.append(accessEntry(p));
    const read = readAccessLogFile(file);
    expect(read.damaged).toEqual([]);
    expect(read.entries.every((e) => typeof e.mac === 'string')).toBe(true);
    expect(verifyAccessLog(read.entries, key)).toEqual({ ok: true });
    const other = hmacChainKey('another.key', randomBytes(32));
    expect(verifyAccessLog(read.entries, other)).toMatchObject({
      ok: false,
      breaks: [{ kind: 'forged', seq: 0, index: 0, count: 4 }],
    });
  });

  it('given a line whose MAC is not a string, then it is a damaged line naming the field', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aimline-access-')), 'access-log.jsonl');
    writeFileSync(file, `${JSON.stringify({ ...keyedLog()[0]!, mac: 42 })}\n`);
    expect(readAccessLogFile(file).damaged).toEqual([
      { line: 1, why: 'mac: expected string, got 42' },
    ]);
  });
});
