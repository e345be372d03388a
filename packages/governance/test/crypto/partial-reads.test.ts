import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { delegatingStore, verifyLink, type RecordedEvent } from '@aimline/kernel';
import { erasePerson, memoryAccessLog } from '../../src/index.js';
import {
  actor,
  alleged,
  auditorView,
  collect,
  concernReported,
  hsb,
  victim,
  withPayloads,
} from './support.js';

type Data = Record<string, Record<string, unknown>>;

const given = concernReported;

describe('a read opens only the personal data it uses (ReadAllOptions.personalData, issue 13 item 4)', () => {
  it('given a concern reported, when a read asks for dates of birth only, then they read as recorded, every other personal field reads [withheld:<category>], and the event still decodes and verifies', async () => {
    const { reader } = await given();
    const { store } = await reader();
    for (const event of [
      ...(await collect(store.readAll({ personalData: ['dateOfBirth'] }))),
      ...(await collect(store.readStream('hsb-case-case-1', { personalData: ['dateOfBirth'] }))),
    ]) {
      const data = event.data as Data;
      expect(data['child']!['dateOfBirth']).toBe(alleged.dateOfBirth);
      expect(data['victim']!['dateOfBirth']).toBe(victim.dateOfBirth);
      expect(data['child']!['name']).toBe('[withheld:name]');
      expect(data['victim']!['school']).toBe('[withheld:school]');
      expect(data['victim']!['socialWorker']).toEqual({
        ...victim.socialWorker,
        name: '[withheld:name]',
      });
      expect(data['summary']).toBe('[withheld:freeText]');
      expect(E.isRight(hsb.events.decode(event))).toBe(true);
      expect(verifyLink(event, undefined)).toBeUndefined(); // the chain hashes the stored bytes
    }
  });

  it('no key is loaded for a subject none of whose opened fields the read needs', async () => {
    const { reader, vault: writer } = await given();
    const { store, vault } = await reader();
    await collect(store.readAll({ personalData: [] }));
    for (const person of ['child-a', 'child-v', 'sw-victim'])
      expect(vault.knownKey(writer.subjectRef(person))).toBeUndefined();
    await collect(store.readAll({ personalData: ['dateOfBirth'] }));
    expect(vault.knownKey(writer.subjectRef('child-a'))).toBeInstanceOf(Buffer);
    expect(vault.knownKey(writer.subjectRef('child-v'))).toBeInstanceOf(Buffer);
    // The social worker has a name only: their key stays where it is.
    expect(vault.knownKey(writer.subjectRef('sw-victim'))).toBeUndefined();
  });

  it("given the victim erased, an opened field of theirs reads [erased:<category>] and a field the read does not open reads withheld; the alleged child's opened fields read as recorded", async () => {
    const { reader, vault, handler } = await given();
    await erasePerson(
      { vault, handler, actor, at: '2033-01-01T10:00:00Z' },
      'child-v',
      'retention rule HSB-R1',
    );
    const { store } = await reader();
    const [event] = await collect(
      store.readStream('hsb-case-case-1', { personalData: ['dateOfBirth'] }),
    );
    const data = event!.data as Data;
    expect(data['victim']!['dateOfBirth']).toBe('[erased:dateOfBirth]');
    expect(data['victim']!['name']).toBe('[withheld:name]');
    expect(data['child']!['dateOfBirth']).toBe(alleged.dateOfBirth);
  });

  it('a ciphertext altered in a field the read does not open is not decrypted (it reads withheld), and the hash chain, which covers the stored bytes, reports the alteration', async () => {
    const { inner, reader } = await given();
    const altering = delegatingStore(inner, {
      readAll: async function* (o) {
        for await (const e of inner.readAll(o)) {
          const d = withPayloads(e.data, (p) => {
            const name = p.get('child.name')!;
            return new Map(p).set(
              'child.name',
              `${name.slice(0, -4)}${name.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`,
            );
          });
          const altered: RecordedEvent = { ...e, data: d };
          yield altered;
        }
      },
    });
    const { store } = await reader(altering);
    const [partial] = await collect(store.readAll({ personalData: ['dateOfBirth'] }));
    expect((partial!.data as Data)['child']!['name']).toBe('[withheld:name]');
    expect(verifyLink(partial!, undefined)).toBeDefined();
    // Read whole, the same event is damaged data, never a value.
    const [whole] = await collect(store.readAll());
    const decoded = hsb.events.decode(whole!);
    expect(E.isLeft(decoded) && decoded.left.message).toContain('child.name does not decrypt');
  });

  it("a principal's view read for some categories logs only those as read: a field the store did not open was not shown", async () => {
    const { reader } = await given();
    const { store } = await reader();
    const log = memoryAccessLog();
    const view = auditorView(store, log);
    await collect(view.readAll({ personalData: ['dateOfBirth'] }));
    expect(log.entries()).toMatchObject([
      { streams: ['hsb-case-case-1'], categories: ['dateOfBirth'], withheld: 0 },
    ]);
  });
});
