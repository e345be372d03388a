import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { delegatingStore, type EventStore, type RecordedEvent } from '@aimline/kernel';
import { encryptingEventStore, personalFieldsByModule } from '../../src/index.js';
import {
  SECOND_VICTIM,
  storedFormats,
  storedFormatStore,
  storedRows,
  type StoredFormat,
} from './stored-formats/fixture.js';
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

describe.each(storedFormats)(
  'history stored in sealed format $format still opens (issue 13 item 4)',
  (format: StoredFormat) => {
    it('given the stored rows, the store rebuilds the same hash chain over them: the fixture is the bytes the format stored', async () => {
      const { inner } = await storedFormatStore(format);
      const rebuilt = await collect(inner.readAll());
      expect(rebuilt.map((e) => e.metadata.hash)).toEqual(
        storedRows(format).map((r) => r.metadata.hash),
      );
      expect(JSON.stringify(rebuilt.map((e) => e.data))).toContain(format.marker);
    });

    it('a read of every category gives back every recorded value, and the erased victim’s fields read [erased:<category>]', async () => {
      const { store } = await storedFormatStore(format);
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
      const { store } = await storedFormatStore(format);
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

    it("a read of the alleged child's date of birth only opens that field: the victim's, in a box or envelope of the same category, reads [withheld:dateOfBirth]", async () => {
      const { store } = await storedFormatStore(format);
      const event = await concern(store, 'case-1', {
        personalData: [{ eventType: 'ConcernReported', path: 'child.dateOfBirth' }],
      });
      const data = event.data as Data;
      expect(data['child']).toEqual({
        ...alleged,
        name: '[withheld:name]',
        school: '[withheld:school]',
      });
      expect(data['victim']!['dateOfBirth']).toBe('[withheld:dateOfBirth]');
      expect(data['victim']!['name']).toBe('[withheld:name]');
      expect(E.isRight(hsb.events.decode(event))).toBe(true);
    });
  },
);

/** The first event of a format's history read whole, its stored data changed by `move` first. */
const readMoved = async (format: StoredFormat, move: (data: Data) => void) => {
  const { inner, vault } = await storedFormatStore(format);
  const moving = delegatingStore(inner, {
    readAll: async function* (o) {
      for await (const e of inner.readAll(o)) {
        const data = structuredClone(e.data) as Data;
        if (JSON.stringify(data).includes(format.marker)) move(data);
        const moved: RecordedEvent = { ...e, data };
        yield moved;
      }
    },
  });
  const [event] = await collect(
    encryptingEventStore(moving, vault, personalFieldsByModule(modules)).readAll(),
  );
  const decoded = hsb.events.decode(event!);
  return E.isLeft(decoded) ? decoded.left.message : 'decoded';
};

const [format1, format2] = storedFormats;
const boxesOf = (data: Data): string[] => data[format2.marker] as unknown as string[];
/** The box whose paths' JSON ends with `paths` (format 2: `<ref>:<category>:<payload>:<paths>`). */
const boxAt = (data: Data, paths: string): number =>
  boxesOf(data).findIndex((b) => b.endsWith(`:${paths}`));
const payloadOf = (box: string): string => box.split(':')[2]!;

describe('a ciphertext moved in stored history does not decrypt: its event reads as damaged, never as the other value', () => {
  it('format 1: an envelope moved to another field of the same subject', async () => {
    expect(
      await readMoved(format1, (d) => {
        if (d['child'] !== undefined) d['child']['school'] = d['child']['name'];
      }),
    ).toContain('child.school does not decrypt');
  });

  it("format 2: the alleged child's name box's payload moved into the victim's name box", async () => {
    expect(
      await readMoved(format2, (d) => {
        const boxes = boxesOf(d);
        const from = boxAt(d, '[["child","name"]]');
        const to = boxAt(d, '[["victim","name"]]');
        boxes[to] = boxes[to]!.replace(payloadOf(boxes[to]!), payloadOf(boxes[from]!));
      }),
    ).toContain('victim.name does not decrypt');
  });

  it("format 2: a box's paths changed to another field of the same category", async () => {
    expect(
      await readMoved(format2, (d) => {
        const boxes = boxesOf(d);
        const at = boxAt(d, '[["child","name"]]');
        boxes[at] = boxes[at]!.replace('[["child","name"]]', '[["victim","name"]]');
      }),
    ).toContain('victim.name does not decrypt');
  });
});
