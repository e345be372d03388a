import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InMemoryEventStore } from '@aimline/kernel';
import {
  defaultAccessPolicy,
  AccessLogUnavailable,
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
    expect(verifyAccessLog([entries[1]!, entries[0]!])).toEqual({
      ok: false,
      seq: 1,
      why: 'entry 1 is out of order: first',
      breaks: [
        { kind: 'misplaced', seq: 1, index: 0, why: 'entry 1 is out of order: first' },
        { kind: 'misplaced', seq: 0, index: 1, why: 'entry 0 is out of order: after entry 1' },
      ],
    });
  });

  it('a file log is appended to (mode 0600), re-read strictly and continues its chain', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aimline-access-')), 'access-log.jsonl');
    const store = await storeWith('C-1');
    await reader(store, fileAccessLog(file)).readAll({ purpose: 'first' });
    await reader(store, fileAccessLog(file)).readAll({ purpose: 'second' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const read = readAccessLogFile(file);
    expect(read.entries.map((e) => [e.seq, e.purpose])).toEqual([
      [0, 'first'],
      [1, 'second'],
    ]);
    expect(read.damaged).toEqual([]);
    expect(verifyAccessLog(read.entries)).toEqual({ ok: true });
  });
});

describe('read audit: an altered or torn log never stops reads, and never hides its damage (issue 13 item 3)', () => {
  const newFile = () => join(mkdtempSync(join(tmpdir(), 'aimline-access-')), 'access-log.jsonl');
  const purposes = (file: string) => readAccessLogFile(file).entries.map((e) => [e.seq, e.purpose]);

  it('given a line edited out of form (an unknown field), when the file is read, then that line is reported by number and field, and every other entry is still read', async () => {
    const file = newFile();
    const store = await storeWith('C-1');
    for (const purpose of ['first', 'second', 'third'])
      await reader(store, fileAccessLog(file)).readAll({ purpose });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"second"', '"second","extra":1'));
    const read = readAccessLogFile(file);
    expect(read.damaged).toEqual([{ line: 2, why: 'extra: unknown field' }]);
    expect(purposes(file)).toEqual([
      [0, 'first'],
      [2, 'third'],
    ]);
    expect(verifyAccessLog(read.entries)).toMatchObject({ ok: false, seq: 1 });
  });

  it('given a log whose last write was cut short, when a read is recorded, then it goes on a line of its own, chained after the last whole entry, and only the torn line is reported', async () => {
    const file = newFile();
    const store = await storeWith('C-1');
    await reader(store, fileAccessLog(file)).readAll({ purpose: 'first' });
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"at":"2026-07-01T10:0`);
    await reader(store, fileAccessLog(file)).readAll({ purpose: 'after the crash' });
    const read = readAccessLogFile(file);
    expect(read.damaged).toEqual([{ line: 2, why: 'not JSON' }]);
    expect(purposes(file)).toEqual([
      [0, 'first'],
      [1, 'after the crash'],
    ]);
    expect(verifyAccessLog(read.entries)).toEqual({ ok: true });
  });

  it('given an altered entry, when more reads are recorded, then they are appended, and verification reports the alteration and every later one', async () => {
    const file = newFile();
    const store = await storeWith('C-1');
    for (const purpose of ['one', 'two', 'three'])
      await reader(store, fileAccessLog(file)).readAll({ purpose });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"two"', '"nothing to see"'));
    await reader(store, fileAccessLog(file)).readAll({ purpose: 'four' });
    await reader(store, fileAccessLog(file)).readAll({ purpose: 'five' });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"five"', '"nothing here either"'));
    const read = readAccessLogFile(file);
    expect(read.entries.map((e) => e.purpose)).toEqual([
      'one',
      'nothing to see',
      'three',
      'four',
      'nothing here either',
    ]);
    expect(verifyAccessLog(read.entries)).toEqual({
      ok: false,
      seq: 1,
      why: 'entry 1 was changed after it was written',
      breaks: [
        { kind: 'changed', seq: 1, index: 1, why: 'entry 1 was changed after it was written' },
        { kind: 'changed', seq: 4, index: 4, why: 'entry 4 was changed after it was written' },
      ],
    });
  });
});

describe('read audit: no read of personal data goes unrecorded (issue 13 item 3)', () => {
  it('given a log file that cannot be written (its folder does not exist), when a principal reads, then AccessLogUnavailable naming the file, and nothing is shown', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aimline-access-')), 'gone', 'access-log.jsonl');
    const read = reader(await storeWith('C-1'), fileAccessLog(file)).readAll({ purpose: 'audit' });
    await expect(read).rejects.toThrow(AccessLogUnavailable);
    await expect(read).rejects.toThrow(`the access log ${file} cannot be used`);
  });

  it('given a folder where the log file should be, when it is read, then AccessLogUnavailable naming it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'aimline-access-'));
    expect(() => readAccessLogFile(folder)).toThrow(AccessLogUnavailable);
    expect(() => fileAccessLog(folder)).toThrow(`the access log ${folder} cannot be used`);
  });
});
