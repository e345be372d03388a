import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { verifyLink, type EventStore, type PersonalDataUse } from '@aimline/kernel';
import { erasePerson, memoryAccessLog } from '../../src/index.js';
import { opensOf } from '../../src/crypto/opens.js';
import { actor, alleged, auditorView, collect, concernReported, hsb, victim } from './support.js';

type Data = Record<string, Record<string, unknown>>;

const CHILD_DOB: PersonalDataUse = [{ eventType: 'ConcernReported', path: 'child.dateOfBirth' }];

const given = concernReported;

const concernRead = async (store: EventStore, personalData: PersonalDataUse) => {
  const [event] = await collect(store.readStream('hsb-case-case-1', { personalData }));
  return event!;
};

describe('a read opens only the personal fields it names (PersonalDataUse field items, issue 13 items 2 and 4)', () => {
  it("given a concern reported, when a read names the alleged child's date of birth only, then it reads as recorded, the victim's date of birth (the same category) reads [withheld:dateOfBirth], and the event still decodes and verifies", async () => {
    const { reader } = await given();
    const { store } = await reader();
    for (const event of [
      await concernRead(store, CHILD_DOB),
      ...(await collect(store.readAll({ personalData: CHILD_DOB }))),
    ]) {
      const data = event.data as Data;
      expect(data['child']!['dateOfBirth']).toBe(alleged.dateOfBirth);
      expect(data['victim']!['dateOfBirth']).toBe('[withheld:dateOfBirth]');
      expect(data['child']!['name']).toBe('[withheld:name]');
      expect(data['summary']).toBe('[withheld:freeText]');
      expect(E.isRight(hsb.events.decode(event))).toBe(true);
      expect(verifyLink(event, undefined)).toBeUndefined();
    }
  });

  it("the victim's key is not even loaded: only the subjects of the named fields are", async () => {
    const { reader, vault: writer } = await given();
    const { store, vault } = await reader();
    await collect(store.readAll({ personalData: CHILD_DOB }));
    expect(vault.knownKey(writer.subjectRef('child-a'))).toBeInstanceOf(Buffer);
    expect(vault.knownKey(writer.subjectRef('child-v'))).toBeUndefined();
  });

  it('a field of another event type named opens nothing of this one, and loads no key', async () => {
    const { reader, vault: writer } = await given();
    const { store, vault } = await reader();
    const data = (
      await concernRead(store, [{ eventType: 'ChildDetailsCorrected', path: 'dateOfBirth' }])
    ).data as Data;
    expect(data['child']!['dateOfBirth']).toBe('[withheld:dateOfBirth]');
    expect(data['victim']!['dateOfBirth']).toBe('[withheld:dateOfBirth]');
    for (const person of ['child-a', 'child-v'])
      expect(vault.knownKey(writer.subjectRef(person))).toBeUndefined();
  });

  it("categories and fields together: every field of a category named opens, and a named field besides (here every name, and the victim's date of birth but not the child's)", async () => {
    const { reader } = await given();
    const { store } = await reader();
    const data = (
      await concernRead(store, [
        'name',
        { eventType: 'ConcernReported', path: 'victim.dateOfBirth' },
      ])
    ).data as Data;
    expect(data['child']!['name']).toBe(alleged.name);
    expect(data['victim']!['name']).toBe(victim.name);
    expect(data['victim']!['dateOfBirth']).toBe(victim.dateOfBirth);
    expect(data['child']!['dateOfBirth']).toBe('[withheld:dateOfBirth]');
    expect(data['child']!['school']).toBe('[withheld:school]');
  });

  it("given the alleged child erased, their named date of birth reads [erased:dateOfBirth], and the victim's (not named) still reads withheld", async () => {
    const { reader, vault, handler } = await given();
    await erasePerson(
      { vault, handler, actor, at: '2033-01-01T10:00:00Z' },
      'child-a',
      'retention rule HSB-R1',
    );
    const { store } = await reader();
    const data = (await concernRead(store, CHILD_DOB)).data as Data;
    expect(data['child']!['dateOfBirth']).toBe('[erased:dateOfBirth]');
    expect(data['victim']!['dateOfBirth']).toBe('[withheld:dateOfBirth]');
  });

  it("a principal's view read for one field logs only that field's subject and category as read", async () => {
    const { reader, vault: writer } = await given();
    const { store } = await reader();
    const log = memoryAccessLog();
    const view = auditorView(store, log);
    await collect(view.readAll({ personalData: CHILD_DOB }));
    const [entry] = log.entries();
    expect(entry).toMatchObject({ categories: ['dateOfBirth'], withheld: 0 });
    expect(entry!.subjects).toHaveLength(1);
    expect(entry!.subjects).not.toContain(writer.subjectRef('child-v'));
  });
});

describe('which stored path a named field is (opensOf)', () => {
  const opens = opensOf([
    'school',
    { eventType: 'AttendanceCaseOpened', path: 'parents.[].contact.phone' },
    { eventType: 'Tally', path: 'byPupil.*' },
  ]);

  it('`[]` stands for any index of a list, and only an index', () => {
    expect(opens.field('AttendanceCaseOpened', 'contact', ['parents', 0, 'contact', 'phone'])).toBe(
      true,
    );
    expect(opens.field('AttendanceCaseOpened', 'contact', ['parents', 3, 'contact', 'phone'])).toBe(
      true,
    );
    expect(
      opens.field('AttendanceCaseOpened', 'contact', ['parents', 'x', 'contact', 'phone']),
    ).toBe(false);
    expect(opens.field('AttendanceCaseOpened', 'contact', ['parents', 0, 'contact', 'email'])).toBe(
      false,
    );
  });

  it('`*` stands for any key of a record, and only a key', () => {
    expect(opens.field('Tally', 'identifier', ['byPupil', 'p-1'])).toBe(true);
    expect(opens.field('Tally', 'identifier', ['byPupil', 0])).toBe(false);
  });

  it('a field is named for its own event type only; a category named opens its fields in every event type', () => {
    expect(opens.field('AimLetterSent', 'contact', ['parents', 0, 'contact', 'phone'])).toBe(false);
    expect(opens.category('AimLetterSent', 'contact')).toBe(false);
    expect(opens.category('AttendanceCaseOpened', 'contact')).toBe(true);
    expect(opens.field('AimLetterSent', 'school', ['school', 'name'])).toBe(true);
    expect(opens.byCategory).toBe(false);
  });

  it('a use of categories only opens every field of those categories', () => {
    const byCategory = opensOf(['dateOfBirth']);
    expect(byCategory.byCategory).toBe(true);
    expect(byCategory.category('ConcernReported', 'dateOfBirth')).toBe(true);
    expect(byCategory.category('ConcernReported', 'name')).toBe(false);
  });
});
