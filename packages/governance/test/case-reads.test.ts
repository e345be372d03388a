/**
 * A read that shows a principal any event of a case is in the access log, whatever personal
 * fields it opened: a child's case record is personal data about that child as a whole (that
 * it exists, its status, its deadlines). The entry names the case's stream and the people the
 * case is about (`about`: the same mapping a subject access request finds a person's records
 * by), apart from the people whose personal data it showed (`subjects`). Invented people only.
 */
import { describe, expect, it } from 'vitest';
import type { EventStore } from '@aimline/kernel';
import {
  defaultAccessPolicy,
  memoryAccessLog,
  needToKnowReader,
  readOfPerson,
  verifyAccessLog,
  type AccessLog,
  type AccessPolicy,
  type Principal,
} from '../src/index.js';
import { randomUUID } from 'node:crypto';
import { strategy } from '../../hsb-aim/test/fixtures.js';
import { actor, alleged, collect, concernReported, hsb, victim } from './crypto/support.js';
import { principal } from './access-fixtures.js';

const STREAM = 'hsb-case-case-1';

/** The HSB case read through the encrypting store by a new process (no key loaded yet). */
const encryptedCase = async (): Promise<EventStore> => {
  const { reader } = await concernReported();
  return (await reader()).store;
};

const readerOf = (store: EventStore, log: AccessLog, who: Principal) =>
  needToKnowReader({
    store,
    modules: [hsb],
    policy: defaultAccessPolicy,
    principal: who,
    log,
    clock: () => '2026-07-01T10:00:00Z',
  });

describe('a read of a case is recorded whatever personal fields it opened', () => {
  it('given an HSB case, when the auditor reads it for deadlines opening no personal field, then the log names the case and the people it is about, with no personal data shown', async () => {
    const log = memoryAccessLog();
    const view = readerOf(await encryptedCase(), log, principal('auditor')).visible({
      purpose: 'deadline report',
    });
    const events = await collect(view.readAll({ personalData: [] }));
    expect(events.map((e) => e.stream)).toEqual([STREAM]);
    expect(log.entries()).toMatchObject([
      {
        principal: 'auditor-1',
        purpose: 'deadline report',
        streams: [STREAM],
        subjects: [],
        categories: [],
        withheld: 0,
        about: [alleged.childId, victim.childId, victim.socialWorker.id].sort(),
      },
    ]);
    expect(readOfPerson(log.entries()[0]!, alleged.childId)).toBe('record');
    expect(verifyAccessLog(log.entries())).toEqual({ ok: true });
  });

  it('the same holds for a read of one stream (readStream) and for the array reads', async () => {
    const store = await encryptedCase();
    const log = memoryAccessLog();
    const reader = readerOf(store, log, principal('auditor'));
    await collect(reader.visible({ purpose: 'timeline' }).readStream(STREAM, { personalData: [] }));
    await reader.readStream(STREAM, { purpose: 'case review', categories: [] });
    expect(log.entries().map((e) => [e.purpose, e.streams, e.subjects, e.categories])).toEqual([
      ['timeline', [STREAM], [], []],
      ['case review', [STREAM], [], []],
    ]);
    expect(log.entries().map((e) => readOfPerson(e, alleged.childId))).toEqual([
      'record',
      'record',
    ]);
    expect(verifyAccessLog(log.entries())).toEqual({ ok: true });
  });

  it('given a read that shows fields of one person of a case, then `subjects` names that person and `about` every person the case is about', async () => {
    const log = memoryAccessLog();
    const view = readerOf(await encryptedCase(), log, principal('auditor')).visible({
      purpose: 'retention',
    });
    await collect(
      view.readAll({ personalData: [{ eventType: 'ConcernReported', path: 'child.dateOfBirth' }] }),
    );
    expect(log.entries()).toMatchObject([
      {
        categories: ['dateOfBirth'],
        subjects: [alleged.childId],
        about: expect.arrayContaining([alleged.childId, victim.childId]) as unknown,
      },
    ]);
    const [entry] = log.entries();
    expect(readOfPerson(entry!, alleged.childId)).toBe('personal-data');
    expect(readOfPerson(entry!, victim.childId)).toBe('record');
    expect(readOfPerson(entry!, 'child-of-another-case')).toBeUndefined();
  });

  it('given a principal not entitled to the case (a social worker not allocated to it), when they read it opening no field, then nothing is shown and nothing is recorded for it', async () => {
    const log = memoryAccessLog();
    const view = readerOf(await encryptedCase(), log, principal('social-worker')).visible({
      purpose: 'deadline report',
    });
    expect(await collect(view.readAll({ personalData: [] }))).toEqual([]);
    expect(await collect(view.readStream(STREAM, { personalData: [] }))).toEqual([]);
    expect(log.entries()).toEqual([]);
  });

  it('given a principal whose grant shows only a later event type of the case (not the concern naming the child), when they read it opening no field, then the entry still names the child the case is about', async () => {
    const { reader, handler } = await concernReported();
    const discussion = strategy('2026-06-01T15:00:00Z') as { data: object };
    const held = await handler.handle(hsb, {
      commandId: randomUUID(),
      command: { ...discussion, data: { ...discussion.data, caseId: 'case-1' }, actor } as never,
    });
    expect(held).toMatchObject({ _tag: 'Right' });
    const strategyOnly: AccessPolicy = {
      ...defaultAccessPolicy,
      police: [
        {
          module: 'hsb-case',
          streams: 'all',
          events: ['StrategyDiscussionHeld'],
          categories: [],
          subjects: 'all',
        },
      ],
    };
    const log = memoryAccessLog();
    const view = needToKnowReader({
      store: (await reader()).store,
      modules: [hsb],
      policy: strategyOnly,
      principal: principal('police'),
      log,
      clock: () => '2026-07-01T10:00:00Z',
    }).visible({ purpose: 'deadline report' });
    const events = await collect(view.readAll({ personalData: [] }));
    expect(events.map((e) => e.type)).toEqual(['StrategyDiscussionHeld']);
    expect(log.entries()).toMatchObject([{ streams: [STREAM], subjects: [], categories: [] }]);
    expect(readOfPerson(log.entries()[0]!, alleged.childId)).toBe('record');
  });

  it("obligations (the whole history a principal's deadlines stand on) record nothing themselves: what is shown of them is shown through the visible read of the same streams, which is recorded", async () => {
    const log = memoryAccessLog();
    const reader = readerOf(await encryptedCase(), log, principal('auditor'));
    await collect(reader.obligations({ purpose: 'deadline report' }).readAll());
    expect(log.entries()).toEqual([]);
  });
});
