import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { InMemoryEventStore } from '@aimline/kernel';
import {
  defaultAccessPolicy,
  fileAccessLog,
  memoryAccessLog,
  needToKnowReader,
  readAccessLogFile,
  verifyAccessLog,
  type AccessLog,
} from '../src/index.js';
import { hsb, principal, storeWith } from './access-fixtures.js';

const reader = (store: InMemoryEventStore, log: AccessLog, who = principal('auditor')) =>
  needToKnowReader({
    store,
    modules: [hsb],
    policy: defaultAccessPolicy,
    principal: who,
    log,
    clock: () => '2026-07-01T10:00:00Z',
  });

describe('read audit: every read of personal data is recorded (issue 13 item 3)', () => {
  it('given two cases, when an auditor reads one, then the log holds who, which case and people, which categories, when and why', async () => {
    const log = memoryAccessLog();
    const events = await reader(await storeWith('C-1', 'C-2'), log).readStream('hsb-case-C-1', {
      purpose: 'annual inspection',
    });
    expect(events.map((e) => e.type)).toEqual(['ConcernReported']);
    expect(log.entries()).toMatchObject([
      {
        seq: 0,
        at: '2026-07-01T10:00:00Z',
        principal: 'auditor-1',
        role: 'auditor',
        purpose: 'annual inspection',
        streams: ['hsb-case-C-1'],
        categories: ['dateOfBirth', 'freeText', 'name', 'school'],
        withheld: 0,
      },
    ]);
    expect(JSON.stringify(log.entries())).not.toContain('Testchild');
  });

  it('a read that shows no personal data (nothing visible) records nothing', async () => {
    const log = memoryAccessLog();
    const none = await reader(await storeWith('C-1'), log, principal('social-worker')).readAll({
      purpose: 'curiosity',
    });
    expect(none).toEqual([]);
    expect(log.entries()).toEqual([]);
  });

  it('a read without a stated purpose is refused', async () => {
    await expect(
      reader(await storeWith('C-1'), memoryAccessLog()).readAll({ purpose: ' ' }),
    ).rejects.toThrow('purpose');
  });

  it('the log is a hash chain: an edited, deleted or reordered entry is located', async () => {
    const log = memoryAccessLog();
    const r = reader(await storeWith('C-1', 'C-2'), log);
    for (const purpose of ['one', 'two', 'three']) await r.readAll({ purpose });
    const entries = log.entries();
    expect(verifyAccessLog(entries)).toEqual({ ok: true });
    expect(
      verifyAccessLog([entries[0]!, { ...entries[1]!, purpose: 'nothing to see' }, entries[2]!]),
    ).toMatchObject({ ok: false, seq: 1 });
    expect(verifyAccessLog([entries[0]!, entries[2]!])).toMatchObject({ ok: false, seq: 1 });
    expect(verifyAccessLog([entries[1]!, entries[0]!])).toMatchObject({ ok: false, seq: 0 });
  });

  it('a file log is appended to (mode 0600), re-read strictly and continues its chain', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aimline-access-')), 'access-log.jsonl');
    const store = await storeWith('C-1');
    await reader(store, fileAccessLog(file)).readAll({ purpose: 'first' });
    await reader(store, fileAccessLog(file)).readAll({ purpose: 'second' });
    const read = readAccessLogFile(file);
    expect(E.isRight(read) && read.right.map((e) => [e.seq, e.purpose])).toEqual([
      [0, 'first'],
      [1, 'second'],
    ]);
    expect(E.isRight(read) && verifyAccessLog(read.right)).toEqual({ ok: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"first"', '"first","extra":1'));
    expect(readAccessLogFile(file)).toMatchObject(
      E.left(expect.stringContaining('line 1: extra') as string),
    );
  });
});
