/**
 * Issue 13 items 2, 3, 5 and 6: the duties over the whole store (retention, subject access) read
 * through the same need-to-know reader as every other read. A read narrowed to some categories
 * shows no more than those (data minimisation; `[]` shows person ids only and so records
 * nothing), a read with no stated purpose is refused, and such a duty runs only as a principal
 * whose read rules show every record.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultAccessPolicy,
  memoryAccessLog,
  modulesNotWhollyRead,
  needToKnowReader,
  statedPurpose,
  type AccessPolicy,
  type Principal,
} from '../src/index.js';
import { concern, hsb, principal, storeWith } from './access-fixtures.js';

const readerFor = async (who: Principal, policy: AccessPolicy = defaultAccessPolicy) => {
  const log = memoryAccessLog();
  const reader = needToKnowReader({
    store: await storeWith('C-1', 'C-2'),
    modules: [hsb],
    policy,
    principal: who,
    log,
    clock: () => '2026-07-01T10:00:00Z',
  });
  return { log, reader };
};
const recordsManager = principal('records-manager');

describe('reads narrowed to categories (data minimisation)', () => {
  it('given the records manager, when a read is narrowed to no category (finding a person’s records), then every personal value is withheld, person ids remain, and the read is logged as a read of every record it gave, with no category and no one’s personal data shown', async () => {
    const { log, reader } = await readerFor(recordsManager);
    const events = await reader.readAll({
      purpose: 'subject access: finding records',
      categories: [],
    });
    expect(events).toHaveLength(2);
    const text = JSON.stringify(events.map((e) => e.data));
    const { child, victim, summary } = concern('C-1');
    for (const value of [child.name, child.dateOfBirth, victim.name, victim.school, summary])
      expect(text).not.toContain(value);
    expect(text).toContain(`"childId":"${child.childId}"`);
    expect(text).toContain(`"childId":"${victim.childId}"`);
    expect(log.entries()).toMatchObject([
      {
        purpose: 'subject access: finding records',
        streams: events.map((e) => e.stream).sort(),
        subjects: [],
        categories: [],
        about: expect.arrayContaining([child.childId, victim.childId]) as unknown,
      },
    ]);
  });

  it('given a read narrowed to dates of birth (retention), then only dates of birth are shown and the log records exactly that category', async () => {
    const { log, reader } = await readerFor(recordsManager);
    const events = await reader.readAll({ purpose: 'retention', categories: ['dateOfBirth'] });
    const text = JSON.stringify(events.map((e) => e.data));
    const { child, victim } = concern('C-1');
    expect(text).toContain(child.dateOfBirth);
    expect(text).toContain(victim.dateOfBirth);
    expect(text).not.toContain(child.name);
    expect(log.entries()).toMatchObject([
      { principal: recordsManager.id, purpose: 'retention', categories: ['dateOfBirth'] },
    ]);
  });

  it('a narrowing never widens: a school representative narrowed to free text still has the case notes withheld (their read of the case is logged, with no personal data shown)', async () => {
    const rep = principal('school-representative', {
      streams: ['hsb-case-C-1'],
      school: 'Oakfield Academy',
      pupils: ['child-C-1'],
    });
    const { log, reader } = await readerFor(rep);
    const [event] = await reader.readAll({ purpose: 'pupil welfare', categories: ['freeText'] });
    expect((event?.data as { summary: string }).summary).toBe('[withheld:freeText]');
    expect(JSON.stringify(event?.data)).not.toContain(concern('C-1').child.name);
    expect(log.entries()).toMatchObject([
      { streams: ['hsb-case-C-1'], subjects: [], categories: [] },
    ]);
  });
});

describe('a read states its purpose (one check, the reader’s and createAimline’s)', () => {
  it('a blank or missing purpose is refused, naming why; any other is kept as given', async () => {
    expect(statedPurpose('  ')).toEqual({ _tag: 'Left', left: 'a read needs a stated purpose' });
    expect(statedPurpose(undefined)).toEqual({
      _tag: 'Left',
      left: 'a read needs a stated purpose',
    });
    expect(statedPurpose('case review')).toEqual({ _tag: 'Right', right: 'case review' });
    const { reader } = await readerFor(recordsManager);
    expect(() => reader.visible({ purpose: ' ' })).toThrow('a read needs a stated purpose');
    expect(() => reader.obligations({ purpose: '' })).toThrow('a read needs a stated purpose');
  });
});

describe('duties over the whole store need read rules that show every record', () => {
  // That the auditor and the records manager read every module Aimline registers is pinned
  // where the registry is (aimline's need-to-know test): these are modules of each kind.
  const modules = ['hsb-case', 'meeting', 'legal-hold', 'process-log'];

  it('a social worker (allocated cases only) does not; nor a records manager whose council rules drop a module or a needed category', () => {
    expect(
      modulesNotWhollyRead(defaultAccessPolicy, principal('social-worker'), ['hsb-case'], []),
    ).toEqual(['hsb-case']);
    const narrowed: AccessPolicy = {
      'records-manager': (defaultAccessPolicy['records-manager'] ?? [])
        .filter((g) => g.module !== 'legal-hold')
        .map((g) => (g.module === 'meeting' ? { ...g, categories: ['name'] } : g)),
    };
    expect(modulesNotWhollyRead(narrowed, recordsManager, modules, ['dateOfBirth'])).toEqual([
      'meeting',
      'legal-hold',
    ]);
  });
});
