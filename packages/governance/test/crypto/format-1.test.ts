import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { delegatingStore, type EventStore, type RecordedEvent } from '@aimline/kernel';
import { encryptingEventStore, personalFieldsByModule } from '../../src/index.js';
import { format1Rows, format1Store, SECOND_VICTIM } from './format-1/fixture.js';
import { alleged, collect, hsb, modules, SUMMARY, verifyChains, victim } from './support.js';

type Data = Record<string, Record<string, unknown>>;

const concern = async (
  store: EventStore,
  caseId: string,
  personalData?: Parameters<EventStore['readAll']>[0],
) =>
  (await collect(store.readStream(`hsb-case-${caseId}`, personalData))).find(
    (e) => e.type === 'ConcernReported',
  )!;

describe('history stored in sealed format 1 (a field envelope each) still opens (issue 13 item 4)', () => {
  it('given the stored rows, the store rebuilds the same hash chain over them: the fixture is the bytes format 1 stored', async () => {
    const { inner } = await format1Store();
    const rebuilt = await collect(inner.readAll());
    expect(rebuilt.map((e) => e.metadata.hash)).toEqual(format1Rows().map((r) => r.metadata.hash));
    expect(JSON.stringify(rebuilt.map((e) => e.data))).toContain('aimline:enc:1:');
  });

  it('a read of every category gives back every recorded value, and the erased victim’s fields read [erased:<category>]', async () => {
    const { store } = await format1Store();
    const first = (await concern(store, 'case-1')).data as Data;
    expect(first['child']).toEqual(alleged);
    expect(first['victim']).toEqual(victim);
    expect(first['summary']).toBe(SUMMARY);
    const second = (await concern(store, 'case-2')).data as Data;
    expect(second['child']).toEqual(alleged);
    expect(second['victim']).toEqual({
      childId: SECOND_VICTIM.childId,
      name: '[erased:name]',
      dateOfBirth: '[erased:dateOfBirth]',
      school: '[erased:school]',
      socialWorker: SECOND_VICTIM.socialWorker,
    });
    for (const e of await collect(store.readAll()))
      if (e.stream.startsWith('hsb-case-')) expect(E.isRight(hsb.events.decode(e))).toBe(true);
    expect(await verifyChains(store)).toEqual([]);
  });

  it('a read of dates of birth only opens those: every other personal field reads [withheld:<category>]', async () => {
    const { store } = await format1Store();
    const data = (await concern(store, 'case-1', { personalData: ['dateOfBirth'] })).data as Data;
    expect(data['child']).toEqual({
      ...alleged,
      name: '[withheld:name]',
      school: '[withheld:school]',
    });
    expect(data['victim']!['dateOfBirth']).toBe(victim.dateOfBirth);
    expect(data['victim']!['socialWorker']).toEqual({
      ...victim.socialWorker,
      name: '[withheld:name]',
    });
    expect(data['summary']).toBe('[withheld:freeText]');
  });

  it('a format-1 ciphertext moved to another field does not decrypt: its event reads as damaged, never as the other value', async () => {
    const { inner, vault } = await format1Store();
    const swapping = delegatingStore(inner, {
      readAll: async function* (o) {
        for await (const e of inner.readAll(o)) {
          const d = structuredClone(e.data) as Data;
          if (d['child'] !== undefined) d['child']['school'] = d['child']['name'];
          const moved: RecordedEvent = { ...e, data: d };
          yield moved;
        }
      },
    });
    const [event] = await collect(
      encryptingEventStore(swapping, vault, personalFieldsByModule(modules)).readAll(),
    );
    const decoded = hsb.events.decode(event!);
    expect(E.isLeft(decoded) && decoded.left.message).toContain('child.school does not decrypt');
  });
});
