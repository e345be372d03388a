/**
 * Subject access (issue 13 item 6) over HSB case histories made by the real decider, with
 * invented people: a request by the child who harmed never reveals the victim's identity, and a
 * request by the victim never reveals the child's.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hsbCaseModule, type HsbCommand } from '@aimline/hsb-aim';
import { recordsAbout, subjectAccessReport, type ScheduledEvent } from '../src/index.js';
import { scheduled } from './lifecycle-fixtures.js';

const module = hsbCaseModule();
const actor = { id: 'sw-9', role: 'social-worker', agency: 'childrens-social-care' };

const FIRST = ['Zanthe', 'Quorin', 'Belvy', 'Orrin', 'Tamsk', 'Ydra', 'Kelloway', 'Purnie'];
const LAST = ['Vantreed', 'Ombrisk', 'Quellow', 'Draxmere', 'Fenwitt', 'Hollacre'];
const SCHOOLS = ['Invented Ridge Academy', 'Pretend Vale Primary', 'Madeup Hill School'];

const person = (idPrefix: string, years: [number, number]) =>
  fc.record({
    childId: fc.integer({ min: 1, max: 999 }).map((n) => `${idPrefix}-${n}`),
    first: fc.constantFrom(...FIRST),
    last: fc.constantFrom(...LAST),
    dateOfBirth: fc
      .tuple(
        fc.integer({ min: years[0], max: years[1] }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    school: fc.constantFrom(...SCHOOLS),
  });

type Person = { childId: string; first: string; last: string; dateOfBirth: string; school: string };
const childOf = (p: Person) => ({
  childId: p.childId,
  name: `${p.first} ${p.last}`,
  dateOfBirth: p.dateOfBirth,
  school: p.school,
});

/** Free text a practitioner might type: it may name the victim, their school or birthday. */
const freeText = (victim: Person) =>
  fc
    .subarray([
      `${victim.first} disclosed to a teacher`,
      `${victim.first} ${victim.last} is safe at home`,
      `at ${victim.school}`,
      `born ${victim.dateOfBirth}`,
      `${victim.last.toUpperCase()} family informed`,
      'Invented summary of a concern.',
    ])
    .map((parts) => (parts.length === 0 ? 'Invented note.' : parts.join('; ')));

const history = fc
  .record({ child: person('ch', [2010, 2013]), victim: person('vi', [2014, 2016]) })
  .filter(({ child, victim }) => child.childId !== victim.childId)
  .chain(({ child, victim }) =>
    fc.record({
      child: fc.constant(child),
      victim: fc.constant(victim),
      summary: freeText(victim),
      risk: freeText(victim),
      reason: freeText(victim),
      correctVictimTo: fc.option(fc.constantFrom(...FIRST), { nil: undefined }),
      forChild: fc.constantFrom('alleged-child', 'victim-child', 'joint'),
      schoolRep: fc.boolean(),
    }),
  );
type History = typeof history extends fc.Arbitrary<infer H> ? H : never;

const cmd = (type: string, at: string, data: Record<string, unknown>): HsbCommand =>
  ({ type, at, actor, data: { caseId: 'C-1', ...data } }) as unknown as HsbCommand;

/** Runs the history's commands through the real decider; every one must be accepted. */
const record = (h: History): ScheduledEvent[] => {
  const commands = [
    cmd('ReportConcern', '2026-06-01T09:00:00Z', {
      disclosedAt: '2026-06-01T08:00:00Z',
      behaviourDate: '2026-05-30',
      child: childOf(h.child),
      victim: childOf(h.victim),
      notifications: {
        childrensSocialCare: '2026-06-01T08:30:00Z',
        police: '2026-06-01T08:40:00Z',
      },
      summary: h.summary,
    }),
    cmd('HoldStrategyDiscussion', '2026-06-01T15:00:00Z', {
      discussionId: 'sd-1',
      forChild: h.forChild,
      participants: [
        { id: 'pc-1', name: 'Invented Officer', role: 'officer', agency: 'police' },
        {
          id: 'sw-1',
          name: 'Pretend Worker',
          role: 'social worker',
          agency: 'childrens-social-care',
        },
        ...(h.schoolRep && h.forChild !== 'joint'
          ? [
              {
                id: 'ed-1',
                name: 'Madeup Teacher',
                role: 'DSL',
                agency: 'education',
                // HSB-4: a school attends only its own pupil's discussion.
                school: h.forChild === 'victim-child' ? h.victim.school : h.child.school,
              },
            ]
          : []),
      ],
    }),
    cmd('DecideRoute', '2026-06-01T16:00:00Z', {
      route: 'child-protection',
      temporaryRiskStrategy: h.risk,
    }),
    ...(h.correctVictimTo === undefined
      ? []
      : [
          cmd('CorrectChildDetails', '2026-06-02T10:00:00Z', {
            childId: h.victim.childId,
            name: `${h.correctVictimTo} ${h.victim.last}`,
            reason: h.reason,
          }),
        ]),
    cmd('CorrectChildDetails', '2026-06-03T10:00:00Z', {
      childId: h.child.childId,
      name: `${h.child.first} ${h.child.last}-Corrected`,
      reason: 'surname misspelt',
    }),
  ];
  let state = module.decider.initialState;
  const out: ScheduledEvent[] = [];
  for (const c of commands) {
    const r = module.decider.decide(c, state);
    if (E.isLeft(r)) throw new Error(`${c.type}: ${r.left.ruleId} ${r.left.reason}`);
    for (const ev of r.right) {
      state = module.decider.evolve(state, ev);
      out.push(scheduled(module, 'hsb-case-C-1', ev, c.at));
    }
  }
  return out;
};

const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((w) => w.length >= 2);
/** Whether `needle` appears in `text` as a whole word (letters and digits around it do not count). */
const mentions = (text: string, needle: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'iu',
  ).test(text);

/** Every way `other` could be identified that `requester` does not share. */
const identifying = (
  other: Person,
  requester: Person,
  extraNames: string[] = [],
  ownNames: string[] = [],
) => {
  const own = new Set([
    ...wordsOf(`${requester.first} ${requester.last}`),
    requester.school.toLowerCase(),
    requester.dateOfBirth,
    ...ownNames.map((n) => n.toLowerCase()),
  ]);
  return [
    other.childId,
    ...wordsOf(`${other.first} ${other.last} ${extraNames.join(' ')}`),
    other.school.toLowerCase(),
    other.dateOfBirth,
  ].filter((x) => !own.has(x.toLowerCase()));
};

describe('subject access: other people are withheld, over random histories', () => {
  it("a request by the child who harmed never reveals the victim's identity (names, corrected names, id, birthday, school)", () => {
    fc.assert(
      fc.property(history, (h) => {
        const report = subjectAccessReport(h.child.childId, record(h));
        const text = JSON.stringify(report);
        expect(report.records).toHaveLength(1);
        const corrected = h.correctVictimTo === undefined ? [] : [h.correctVictimTo];
        for (const x of identifying(h.victim, h.child, corrected))
          expect(mentions(text, x), x).toBe(false);
        // …and it is still the child's own record: their own name, school and birthday are there.
        expect(mentions(text, h.child.first)).toBe(true);
        expect(mentions(text, h.child.dateOfBirth)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("a request by the victim shows the victim's own details and never the child's identity", () => {
    fc.assert(
      fc.property(history, (h) => {
        const report = subjectAccessReport(h.victim.childId, record(h));
        const text = JSON.stringify(report);
        for (const x of identifying(
          h.child,
          h.victim,
          ['Corrected'],
          h.correctVictimTo === undefined ? [] : [h.correctVictimTo],
        ))
          expect(mentions(text, x), x).toBe(false);
        expect(report.records[0]?.primary).toBe(false);
        expect(mentions(text, h.victim.dateOfBirth)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('rectification: details show the corrected value as current, with every earlier value and the event that recorded it', () => {
    fc.assert(
      fc.property(history, (h) => {
        const report = subjectAccessReport(h.child.childId, record(h));
        const name = report.details.find((d) => d.field === 'name');
        expect(name?.current).toBe(`${h.child.first} ${h.child.last}-Corrected`);
        expect(name?.history.map((x) => [x.type, x.value])).toEqual([
          ['ConcernReported', `${h.child.first} ${h.child.last}`],
          ['ChildDetailsCorrected', `${h.child.first} ${h.child.last}-Corrected`],
        ]);
      }),
      { numRuns: 50 },
    );
  });

  it('recordsAbout finds the records a person appears in, and nobody else’s', () => {
    const h = fc.sample(history, { numRuns: 1, seed: 7 })[0]!;
    const events = record(h);
    expect([...recordsAbout(h.child.childId, events)]).toEqual(['hsb-case-C-1']);
    expect([...recordsAbout(h.victim.childId, events)]).toEqual(['hsb-case-C-1']);
    expect([...recordsAbout('nobody', events)]).toEqual([]);
  });
});
