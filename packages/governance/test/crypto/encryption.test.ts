import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson, delegatingStore, type RecordedEvent } from '@aimline/kernel';
import { SEALED_MEMBER, type KeyError } from '../../src/index.js';
import {
  alleged,
  boxesOf,
  collect,
  encryptedMemoryStore,
  handlerOn,
  hsb,
  PLAINTEXTS,
  reportConcern,
  SUMMARY,
  verifyChains,
  victim,
  withPayloads,
} from './support.js';

describe('encryption at append (issue 13 item 4): every personal field is stored encrypted with its subject’s key', () => {
  it('given a concern reported, the store holds no personal value in plaintext, and reads give the values back', async () => {
    const { inner, store } = await encryptedMemoryStore();
    const done = await handlerOn(store).handle(hsb, reportConcern());
    expect(E.isRight(done)).toBe(true);

    const stored = await collect(inner.readAll());
    const text = canonicalJson(stored.map((e) => e.data));
    for (const p of PLAINTEXTS) expect(text).not.toContain(p);
    const data = stored[0]!.data as Record<string, Record<string, unknown>>;
    // Sealed format 2: each field holds its withheld marker, the values are in the sealed boxes.
    expect(data['child']!['name']).toBe('[withheld:name]');
    expect(data['summary']).toBe('[withheld:freeText]');
    expect(boxesOf(data).length).toBeGreaterThan(0);
    expect(data['child']!['childId']).toBe('child-a'); // ids are not personal() in hsb-aim

    const read = (await collect(store.readAll()))[0]!.data as typeof data;
    expect(read['child']!['name']).toBe(alleged.name);
    expect(read['victim']!['socialWorker']).toEqual(victim.socialWorker);
    expect(read['summary']).toBe(SUMMARY);
    expect(SEALED_MEMBER in read).toBe(false);
    if (E.isRight(done))
      expect((done.right.events[0]!.data as typeof data)['summary']).toBe(SUMMARY);
  });

  it('a group commit (handleMany) seals every append of the group before the store sees it', async () => {
    const { inner, store } = await encryptedMemoryStore();
    const results = await handlerOn(store).handleMany([
      { module: hsb, envelope: reportConcern('case-1') },
      { module: hsb, envelope: reportConcern('case-2') },
    ]);
    expect(results.every(E.isRight)).toBe(true);
    const stored = await collect(inner.readAll());
    expect(stored.map((e) => e.stream)).toEqual(['hsb-case-case-1', 'hsb-case-case-2']);
    const text = canonicalJson(stored.map((e) => e.data));
    for (const p of PLAINTEXTS) expect(text).not.toContain(p);
    const read = (await collect(store.readAll())).map(
      (e) => (e.data as { summary: string }).summary,
    );
    expect(read).toEqual([SUMMARY, SUMMARY]);
  });

  it("each subject has its own key, and one box per subject and category: the victim's and the alleged child's fields name different subjects, free text the case's primary subject", async () => {
    const { inner, store, vault } = await encryptedMemoryStore();
    await handlerOn(store).handle(hsb, reportConcern());
    const boxes = boxesOf((await collect(inner.readAll()))[0]!.data);
    const ref = (person: string) => vault.subjectRef(person);
    expect(boxes.map(({ ref: r, category, paths }) => ({ ref: r, category, paths }))).toEqual([
      { ref: ref('child-a'), category: 'name', paths: ['child.name'] },
      { ref: ref('child-a'), category: 'dateOfBirth', paths: ['child.dateOfBirth'] },
      { ref: ref('child-a'), category: 'school', paths: ['child.school'] },
      { ref: ref('child-a'), category: 'freeText', paths: ['summary'] },
      { ref: ref('child-v'), category: 'name', paths: ['victim.name'] },
      { ref: ref('child-v'), category: 'dateOfBirth', paths: ['victim.dateOfBirth'] },
      { ref: ref('child-v'), category: 'school', paths: ['victim.school'] },
      { ref: ref('sw-victim'), category: 'name', paths: ['victim.socialWorker.name'] },
    ]);
  });

  it("a subject's fields of one category in one event share one box: a home safety plan's free-text fields are sealed together and read back each in its place", async () => {
    const { inner, store } = await encryptedMemoryStore();
    await handlerOn(store).handle(hsb, reportConcern());
    const [concern] = await collect(inner.readAll());
    const plan = {
      supervisionLevel: 'Invented: line of sight at all times',
      sleepingArrangements: 'Invented: own room',
      playFighting: 'Invented: none',
    };
    await store.append(
      concern!.stream,
      [
        {
          id: randomUUID(),
          type: 'HomeSafetyPlanAgreed',
          schemaVersion: 1,
          data: { setting: 'home', plan, typed: true, signedBy: [], agreedByManagers: [] },
          metadata: {
            ...concern!.metadata,
            commandId: randomUUID(),
            commandFingerprint: 'a'.repeat(64),
          },
        },
      ],
      { expectedRevision: 0 },
    );
    const stored = (await collect(inner.readAll()))[1]!;
    expect(boxesOf(stored.data).map(({ category, paths }) => ({ category, paths }))).toEqual([
      {
        category: 'freeText',
        paths: ['plan.supervisionLevel', 'plan.sleepingArrangements', 'plan.playFighting'],
      },
    ]);
    for (const text of Object.values(plan)) expect(JSON.stringify(stored.data)).not.toContain(text);
    const [, read] = await collect(store.readAll());
    expect((read!.data as { plan: unknown }).plan).toEqual(plan);
    const [, withheld] = await collect(store.readAll({ personalData: [] }));
    expect((withheld!.data as { plan: unknown }).plan).toEqual({
      supervisionLevel: '[withheld:freeText]',
      sleepingArrangements: '[withheld:freeText]',
      playFighting: '[withheld:freeText]',
    });
  });

  it('the hash chains cover the ciphertext: verification of the stored history passes', async () => {
    const { inner, store } = await encryptedMemoryStore();
    await handlerOn(store).handle(hsb, reportConcern());
    expect(await verifyChains(store)).toEqual([]);
    expect(await verifyChains(inner)).toEqual([]);
  });

  it('a ciphertext moved to another box (another subject, same category) does not decrypt: its event reads as damaged, never as the other value', async () => {
    const { inner, vault } = await encryptedMemoryStore();
    const { encryptingEventStore, personalFieldsByModule } = await import('../../src/index.js');
    const { modules } = await import('./support.js');
    await handlerOn(encryptingEventStore(inner, vault, personalFieldsByModule(modules))).handle(
      hsb,
      reportConcern(),
    );
    const swapping = delegatingStore(inner, {
      readAll: async function* (o) {
        for await (const e of inner.readAll(o)) {
          const d = withPayloads(e.data, (p) =>
            new Map(p)
              .set('child.name', p.get('victim.name')!)
              .set('victim.name', p.get('child.name')!),
          );
          const moved: RecordedEvent = { ...e, data: d };
          yield moved;
        }
      },
    });
    const moved = encryptingEventStore(swapping, vault, personalFieldsByModule(modules));
    const [event] = await collect(moved.readAll());
    const decoded = hsb.events.decode(event!);
    expect(E.isLeft(decoded)).toBe(true);
    if (E.isLeft(decoded)) expect(decoded.left.message).toContain('child.name does not decrypt');
  });

  it('an event whose type no module declares is refused, not stored unencrypted', async () => {
    const { store, inner } = await encryptedMemoryStore();
    await expect(
      store.append(
        'unknown-1',
        [
          {
            id: '6f1c1b8e-4a55-4c61-9a43-3d1b1b2f0001',
            type: 'Whatever',
            schemaVersion: 1,
            data: { name: 'Alex Testchild' },
            metadata: {
              occurredAt: '2026-06-01T09:00:00Z',
              recordedAt: '2026-06-01T09:00:00Z',
              actor: { id: 'a', role: 'r', agency: 'g' },
              commandId: 'c',
              commandFingerprint: 'f',
              correlationId: 'c',
              causationId: 'c',
            },
          },
        ],
        { expectedRevision: 'no-stream' },
      ),
    ).rejects.toMatchObject({ kind: 'PlaintextRefused' } satisfies Partial<KeyError>);
    expect(await collect(inner.readAll())).toEqual([]);
  });

  it('retrying the same command appends nothing new (idempotency survives random IVs)', async () => {
    const { store, inner } = await encryptedMemoryStore();
    const command = reportConcern();
    const handler = handlerOn(store);
    await handler.handle(hsb, command);
    const again = await handlerOn(store).handle(hsb, command);
    expect(E.isRight(again) && again.right.alreadyHandled).toBe(true);
    const first = (await collect(inner.readAll()))[0]!;
    const reappend = await store.append(
      first.stream,
      [
        {
          id: first.id,
          type: first.type,
          schemaVersion: first.schemaVersion,
          data: (await collect(store.readAll()))[0]!.data,
          metadata: (({ prevHash: _p, hash: _h, ...m }) => ({
            ...m,
            commandFingerprint: m.commandFingerprint ?? '',
          }))(first.metadata),
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    expect(reappend.events.map((e) => e.id)).toEqual([first.id]);
    expect(await collect(inner.readAll())).toHaveLength(1);
  });
});
