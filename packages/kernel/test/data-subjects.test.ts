import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  commandCatalogue,
  erasedCategory,
  erasedPersonalData,
  eventCatalogue,
  isUnavailablePersonalData,
  withheldCategory,
  withheldPersonalData,
  defineEvent,
  personal,
  personalFieldsOf,
  primarySubject,
  recordSubject,
  subjectId,
} from '../src/index.js';

const Name = personal(t.string, 'name');
const Child = t.intersection([
  t.strict({ childId: subjectId(t.string, 'child'), name: Name }),
  t.exact(t.partial({ school: personal(t.string, 'school') })),
]);
const Parent = t.strict({ parentId: subjectId(t.string, 'parent'), name: Name });
const Worker = t.strict({ id: subjectId(t.string, 'professional'), name: Name });
const Concern = t.intersection([
  t.strict({
    caseId: t.string,
    child: primarySubject(Child),
    parents: t.array(Parent),
    worker: Worker,
    summary: personal(t.string, 'freeText'),
  }),
  t.exact(t.partial({ victim: Child })),
]);

const concern = {
  caseId: 'c-1',
  child: { childId: 'child-7', name: 'Ada Invented', school: 'Invented Primary' },
  parents: [{ parentId: 'parent-3', name: 'Bea Invented' }],
  worker: { id: 'sw-9', name: 'Cal Invented' },
  summary: 'free text about the case',
  victim: { childId: 'child-8', name: 'Dee Invented' },
};

describe('data subjects: whose each personal field is', () => {
  it("a field belongs to the person its nearest enclosing object names with subjectId; free text to the stream's primary subject", () => {
    const { fields, primarySubject: primary } = personalFieldsOf(Concern, concern);
    const owner = (path: string) =>
      fields.find((f) => f.path.join('.') === path)?.subject ?? 'primary';
    expect(primary).toBe('child-7');
    expect(owner('child.name')).toBe('child-7');
    expect(owner('child.school')).toBe('child-7');
    expect(owner('parents.0.name')).toBe('parent-3');
    expect(owner('worker.name')).toBe('sw-9');
    expect(owner('victim.name')).toBe('child-8');
    expect(owner('summary')).toBe('primary');
    expect(fields.map((f) => f.category).sort()).toEqual(
      ['freeText', 'name', 'name', 'name', 'name', 'school'].sort(),
    );
  });

  it('an absent optional field is not listed; data without a primarySubject names none', () => {
    const { fields, primarySubject: primary } = personalFieldsOf(Parent, {
      parentId: 'p',
      name: 'x',
    });
    expect(primary).toBeUndefined();
    expect(fields).toEqual([{ path: ['name'], category: 'name', subject: 'p' }]);
    expect(recordSubject('meeting-m-1')).toBe('record:meeting-m-1');
  });

  it('an id that is itself personal data still names its person (and is listed as theirs)', () => {
    const PanelChild = t.strict({
      childId: personal(subjectId(t.string, 'child'), 'identifier'),
      name: Name,
    });
    const { fields } = personalFieldsOf(t.strict({ child: primarySubject(PanelChild) }), {
      child: { childId: 'ch-1', name: 'Eve' },
    });
    expect(fields.map((f) => [f.path.join('.'), f.category, f.subject])).toEqual([
      ['child.childId', 'identifier', 'ch-1'],
      ['child.name', 'name', 'ch-1'],
    ]);
  });
});

describe('erased personal data reads as a typed marker with its category', () => {
  const events = eventCatalogue({ ConcernReported: defineEvent(Concern) });
  const erased = {
    ...concern,
    child: { ...concern.child, name: erasedPersonalData('name'), school: '[erased:school]' },
  };

  it('a stored event whose subject was erased decodes, with the marker in place of each value', () => {
    const decoded = events.decode({
      stream: 'case-c-1',
      revision: 0,
      type: 'ConcernReported',
      schemaVersion: 1,
      data: erased,
    });
    expect(E.isRight(decoded)).toBe(true);
    if (E.isRight(decoded)) expect(erasedCategory(decoded.right.data.child.name)).toBe('name');
  });

  it('the marker of another category is not accepted in place of a value', () => {
    const decoded = events.decode({
      stream: 'case-c-1',
      revision: 0,
      type: 'ConcernReported',
      schemaVersion: 1,
      data: { ...concern, summary: 123, child: { ...concern.child, name: '[erased:school]' } },
    });
    expect(E.isLeft(decoded)).toBe(true);
  });

  it('a command that carries an erased marker is refused, naming the field', () => {
    const commands = commandCatalogue({ ReportConcern: Concern });
    const result = commands.validate({
      type: 'ReportConcern',
      at: '2026-01-05T09:00:00Z',
      actor: { id: 'u-1', role: 'social-worker', agency: 'childrens-social-care' },
      data: erased,
    });
    expect(E.isLeft(result)).toBe(true);
    if (E.isLeft(result))
      expect(result.left.problems.map((p) => p.path)).toEqual([
        'data.child.name',
        'data.child.school',
      ]);
  });
});

describe('withheld personal data (need to know) reads as a typed marker with its category', () => {
  const events = eventCatalogue({ ConcernReported: defineEvent(Concern) });
  const seenBySchool = {
    ...concern,
    child: { ...concern.child, name: withheldPersonalData('name'), school: '[withheld:school]' },
    summary: withheldPersonalData('freeText'),
  };

  it('an event as a principal may read it decodes, so projections fold what the principal may see', () => {
    const decoded = events.decode({
      stream: 'case-c-1',
      revision: 0,
      type: 'ConcernReported',
      schemaVersion: 1,
      data: seenBySchool,
    });
    expect(E.isRight(decoded)).toBe(true);
    if (E.isRight(decoded)) {
      expect(withheldCategory(decoded.right.data.child.name)).toBe('name');
      expect(isUnavailablePersonalData(decoded.right.data.summary)).toBe(true);
    }
  });

  it('only the marker of its own category stands in for a value', () => {
    const Born = t.strict({ born: personal(t.number, 'dateOfBirth') });
    expect(E.isRight(Born.decode({ born: withheldPersonalData('dateOfBirth') }))).toBe(true);
    for (const born of ['[withheld:school]', '[withheld:nothing]', '[withheld:]', 'withheld'])
      expect(E.isLeft(Born.decode({ born }))).toBe(true);
  });

  it('a command that carries a withheld marker is refused, naming the field', () => {
    const commands = commandCatalogue({ ReportConcern: Concern });
    const result = commands.validate({
      type: 'ReportConcern',
      at: '2026-01-05T09:00:00Z',
      actor: { id: 'u-1', role: 'social-worker', agency: 'childrens-social-care' },
      data: seenBySchool,
    });
    expect(E.isLeft(result)).toBe(true);
    if (E.isLeft(result))
      expect(result.left.problems).toEqual(
        expect.arrayContaining([
          { path: 'data.child.name', message: 'a withheld-data marker is not a value' },
        ]),
      );
  });
});
