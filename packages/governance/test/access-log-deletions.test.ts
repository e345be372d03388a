/**
 * A deleted access-log entry is reported where it was (issue 13 item 3, "every alteration is
 * detected and located"): which sequence numbers are missing, and between which surviving
 * entries, so a mark lands where the entry stood rather than under a number no entry has.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chainAccess,
  fileAccessLog,
  memoryAccessLog,
  readAccessLogFile,
  verifyAccessLog,
  type LoggedAccess,
} from '../src/index.js';
import { accessEntry } from './fixtures/access-entry.js';

/** A log of five reads, one an hour from 09:00: entries 0 to 4. */
const fiveReads = (): LoggedAccess[] => {
  const log = memoryAccessLog();
  for (const hour of ['09', '10', '11', '12', '13'])
    log.append(accessEntry(`read ${hour}`, `2026-07-01T${hour}:00:00Z`));
  return [...log.entries()];
};

describe('access log: a deletion is reported where it happened (issue 13 item 3)', () => {
  it('given five entries, when entries 1 and 2 are deleted, then one deletion is reported: entries 1 to 2, between entry 0 and entry 3, just before entry 3 as the log now holds it', () => {
    const [e0, , , e3, e4] = fiveReads();
    const why =
      'entries 1 to 2 are missing (deleted) between entry 0 (2026-07-01T09:00:00Z) and entry 3 (2026-07-01T12:00:00Z)';
    expect(verifyAccessLog([e0!, e3!, e4!])).toEqual({
      ok: false,
      seq: 1,
      why,
      breaks: [
        {
          kind: 'deleted',
          seq: 1,
          index: 1,
          missing: { from: 1, to: 2 },
          after: 0,
          before: 3,
          why,
        },
      ],
    });
  });

  it('given five entries, when the first is deleted, then entry 0 is reported missing before entry 1', () => {
    const [, ...rest] = fiveReads();
    const why = 'entry 0 is missing (deleted) before entry 1 (2026-07-01T10:00:00Z)';
    expect(verifyAccessLog(rest)).toEqual({
      ok: false,
      seq: 0,
      why,
      breaks: [{ kind: 'deleted', seq: 0, index: 0, missing: { from: 0, to: 0 }, before: 1, why }],
    });
  });

  it('given two deletions and an edit, then each is reported on its own, in the order of the log', () => {
    const [e0, , e2, , e4] = fiveReads();
    const check = verifyAccessLog([e0!, { ...e2!, purpose: 'routine' }, e4!]);
    expect(check.ok ? [] : check.breaks.map((b) => [b.kind, b.seq, b.index])).toEqual([
      ['deleted', 1, 1],
      ['changed', 2, 1],
      ['deleted', 3, 2],
    ]);
  });

  it('given an entry written twice under one number (two writers before the lock), then the second is reported as in the log twice, not as a deletion', () => {
    const [e0, e1, e2] = fiveReads();
    const again = chainAccess(e0, accessEntry('read by another writer', '2026-07-01T10:00:00Z'));
    const check = verifyAccessLog([e0!, e1!, again, e2!]);
    expect(check.ok ? [] : check.breaks.map((b) => [b.kind, b.seq, b.index, b.why])).toEqual([
      ['misplaced', 1, 2, 'entry 1 is in the log twice: again after entry 1'],
      ['unlinked', 2, 3, 'entry 2 does not follow entry 1'],
    ]);
  });

  it('given a log file, when a line is deleted from it, then the deletion is named between the entries around it, and reads are still appended after the last entry', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aimline-access-')), 'access-log.jsonl');
    const log = fileAccessLog(file);
    for (const [i, hour] of ['09', '10', '11'].entries())
      log.append(accessEntry(`read ${i}`, `2026-07-01T${hour}:00:00Z`));
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [lines[0], lines[2], ''].join('\n'));
    log.append(accessEntry('read 3', '2026-07-01T12:00:00Z'));
    const read = readAccessLogFile(file);
    expect(read.entries.map((e) => [e.seq, e.purpose])).toEqual([
      [0, 'read 0'],
      [2, 'read 2'],
      [3, 'read 3'],
    ]);
    expect(verifyAccessLog(read.entries)).toMatchObject({
      ok: false,
      breaks: [{ kind: 'deleted', missing: { from: 1, to: 1 }, after: 0, before: 2, index: 1 }],
    });
  });
});
