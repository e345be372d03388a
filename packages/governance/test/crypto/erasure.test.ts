import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { erasedCategory } from '@aimline/kernel';
import {
  erasePerson,
  erasureStream,
  finishPendingErasures,
  NothingHeldAbout,
} from '../../src/index.js';
import {
  actor,
  alleged,
  collect,
  encryptedMemoryStore,
  handlerOn,
  hsb,
  reportConcern,
  victim,
  verifyChains,
} from './support.js';

const given = async () => {
  const encrypted = await encryptedMemoryStore();
  const handler = handlerOn(encrypted.store);
  await handler.handle(hsb, reportConcern());
  const request = { vault: encrypted.vault, handler, actor, at: '2033-01-01T10:00:00Z' };
  return { ...encrypted, handler, request };
};

describe('erasure by crypto-shredding (issue 13 item 4)', () => {
  it("erasing the victim destroys only their key: their fields read as erased with the category, everyone else's stay, and the case still decodes and folds", async () => {
    const { store, handler, request } = await given();
    const outcome = await erasePerson(
      request,
      'child-v',
      'retention rule HSB-R1 (case closed 6 years)',
    );
    expect(outcome.key).toBe('destroyed');

    const [event] = await collect(store.readStream('hsb-case-case-1'));
    const data = event!.data as Record<string, Record<string, unknown>>;
    expect(erasedCategory(data['victim']!['name'])).toBe('name');
    expect(erasedCategory(data['victim']!['dateOfBirth'])).toBe('dateOfBirth');
    expect(erasedCategory(data['victim']!['school'])).toBe('school');
    expect(data['victim']!['socialWorker']).toEqual(victim.socialWorker);
    expect(data['child']!['name']).toBe(alleged.name);

    const decoded = hsb.events.decode(event!);
    expect(E.isRight(decoded)).toBe(true);
    const state = await handler.load(hsb, 'hsb-case-case-1');
    expect(E.isRight(state)).toBe(true);
  });

  it('records PersonalDataErased, which holds no personal data and names the subject only by reference; the chains still verify', async () => {
    const { store, inner, request } = await given();
    const outcome = await erasePerson(request, 'child-v', 'retention rule HSB-R1');
    const events = await collect(store.readStream(erasureStream(outcome.subjectRef)));
    expect(events.map((e) => e.type)).toEqual(['PersonalDataErased']);
    expect(events[0]!.data).toEqual({
      subjectRef: outcome.subjectRef,
      reason: 'retention rule HSB-R1',
      keyDestroyedAt: '2033-01-01T10:00:00Z',
    });
    expect(JSON.stringify(events[0]!.data) + JSON.stringify(events[0]!.stream)).not.toContain(
      'child-v',
    );
    expect(await verifyChains(inner)).toEqual([]);
    expect(await verifyChains(store)).toEqual([]);
  });

  it('erasing twice is idempotent: one event, and the second says the key was already destroyed', async () => {
    const { store, request } = await given();
    const first = await erasePerson(request, 'child-v', 'subject request SAR-12');
    const second = await erasePerson(request, 'child-v', 'subject request SAR-12');
    expect(second).toEqual({
      subjectRef: first.subjectRef,
      key: 'already-destroyed',
      event: undefined,
    });
    expect(await collect(store.readStream(erasureStream(first.subjectRef)))).toHaveLength(1);
  });

  it('given a person id nothing is held about (a mistyped id), when erased, then NothingHeldAbout and nothing is destroyed or recorded (no erasure bars the id)', async () => {
    const { inner, vault, request } = await given();
    const before = await collect(inner.readAll());
    const ref = vault.subjectRef('child-v0');
    await expect(erasePerson(request, 'child-v0', 'typo check')).rejects.toEqual(
      new NothingHeldAbout('child-v0', ref),
    );
    expect(vault.erasure(ref)).toBeUndefined();
    expect(vault.pendingErasures()).toEqual([]);
    expect(await collect(inner.readAll())).toEqual(before);
  });

  it('a crash between destroying the key and recording the event leaves a pending erasure that is reported and can be finished', async () => {
    const { store, vault, request } = await given();
    const ref = vault.subjectRef('child-a');
    vault.destroyKey(ref, 'retention rule HSB-R1', '2033-01-01T10:00:00Z'); // …and the process stops here
    expect(vault.pendingErasures().map((p) => p.subjectRef)).toEqual([ref]);
    const [event] = await collect(store.readStream('hsb-case-case-1'));
    expect(
      erasedCategory((event!.data as Record<string, Record<string, unknown>>)['child']!['name']),
    ).toBe('name');
    expect(erasedCategory((event!.data as Record<string, unknown>)['summary'])).toBe('freeText');

    const finished = await finishPendingErasures(request);
    expect(finished.map((f) => f.subjectRef)).toEqual([ref]);
    expect(vault.pendingErasures()).toEqual([]);
    expect(await collect(store.readStream(erasureStream(ref)))).toHaveLength(1);
  });

  it("ERASE-1: given an erased victim, when a new case names the same person id, then a typed rejection naming the person's field, and nothing is stored", async () => {
    const { inner, handler, request } = await given();
    await erasePerson(request, 'child-v', 'subject request SAR-12');
    const before = (await collect(inner.readAll())).length;
    const result = await handler.handle(hsb, reportConcern('case-2'));
    expect(result).toEqual(
      E.left({
        kind: 'Rejected',
        rejection: {
          kind: 'Rejected',
          ruleId: 'ERASE-1',
          reason:
            'person "child-v" has been erased: no new personal data is recorded under that person id (record the person under a new id)',
          field: 'data.victim',
        },
      }),
    );
    expect(await collect(inner.readAll())).toHaveLength(before);
    expect(await collect(inner.readStream('hsb-case-case-2'))).toEqual([]);
  });

  it('ERASE-1: given an erased child, a new case about the same child id is refused at data.child; under a new id it is recorded', async () => {
    const { handler, request } = await given();
    await erasePerson(request, 'child-a', 'retention rule HSB-R1');
    const refused = await handler.handle(hsb, reportConcern('case-3'));
    expect(E.isLeft(refused) && refused.left).toMatchObject({
      kind: 'Rejected',
      rejection: { ruleId: 'ERASE-1', field: 'data.child' },
    });
    const renamed = reportConcern('case-4');
    const accepted = await handler.handle(hsb, {
      ...renamed,
      command: {
        ...renamed.command,
        data: { ...renamed.command.data, child: { ...alleged, childId: 'child-a2' } },
      },
    });
    expect(E.isRight(accepted)).toBe(true);
  });
});
