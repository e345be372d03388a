import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  declaredPersonalFields,
  filterEvent,
  PERSONAL_DATA_CATEGORIES,
  roles,
  withheld,
  type AccessPolicy,
  type ReadGrant,
} from '../src/index.js';
import { concernEvent, hsb, principal, type Concern } from './access-fixtures.js';
import type { RecordedEvent } from '@aimline/kernel';

const CASES = ['C-1', 'C-2', 'C-3', 'C-4'];
const streams = CASES.map((c) => `hsb-case-${c}`);
const name = fc.stringMatching(/^[A-Z][a-z]{3,8} [A-Z][a-z]{3,8}$/);

const anyConcern = (caseId: string): fc.Arbitrary<Concern> =>
  fc.record({
    caseId: fc.constant(caseId),
    child: fc.record({
      childId: fc.constant(`child-${caseId}`),
      name: name.map((n) => `${n} Qc${caseId}`),
      dateOfBirth: fc.constantFrom('2012-03-10', '2011-07-21'),
      school: fc.constantFrom('Oakfield Academy', 'Larkmead School'),
    }),
    victim: fc.record({
      childId: fc.constant(`victim-${caseId}`),
      name: name.map((n) => `${n} Qv${caseId}`),
      dateOfBirth: fc.constantFrom('2013-05-01', '2014-01-30'),
      school: fc.constantFrom('Birchwood Primary', 'Foxglove Park'),
    }),
    summary: name.map((n) => `Invented note about ${n} Qs${caseId}`),
  });

const history = fc.tuple(...CASES.map(anyConcern)).map((cs) => cs.map((c) => concernEvent(c)));

const grant: fc.Arbitrary<ReadGrant> = fc.record({
  module: fc.constantFrom('hsb-case', 'meeting'),
  streams: fc.constantFrom('allocated', 'panel', 'all'),
  events: fc.oneof(fc.constant('all' as const), fc.subarray(['ConcernReported', 'CaseClosed'])),
  categories: fc.subarray([...PERSONAL_DATA_CATEGORIES]),
  subjects: fc.constantFrom('all', 'pupils'),
});

const policy: fc.Arbitrary<AccessPolicy> = fc.dictionary(
  fc.constantFrom(...roles),
  fc.array(grant, { maxLength: 3 }),
);

const anyPrincipal = fc
  .record({
    role: fc.constantFrom(...roles),
    streams: fc.subarray(streams),
    panels: fc.subarray(['aim-panel']),
    pupils: fc.subarray(CASES.flatMap((c) => [`child-${c}`, `victim-${c}`])),
  })
  .map(({ role, ...rest }) => principal(role, { ...rest, school: 'Oakfield Academy' }));

const at = (root: unknown, path: ReadonlyArray<string | number>): unknown =>
  path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], root);

/**
 * Whose each field of the invented concerns is, written out for their shape (the oracle the
 * codecs' subject marks are checked against): the child's and the victim's own fields are theirs;
 * free text belongs to the child the case is about.
 */
const subjectOf = (e: RecordedEvent, path: ReadonlyArray<string | number>): string => {
  const data = e.data as Record<string, { childId: string }>;
  const owner = path[0] === 'victim' ? 'victim' : 'child';
  return data[owner]!.childId;
};

describe('need-to-know reads, for any policy, principal and history (issue 13 item 2)', () => {
  test.prop([policy, anyPrincipal, history], { numRuns: 300 })(
    'no filtered output ever contains a field its rule withholds, and an event no rule shows is absent',
    (p, who, events) => {
      for (const e of events) {
        const grants = (p[who.role] ?? []).filter(
          (g) =>
            g.module === 'hsb-case' &&
            (g.events === 'all' || g.events.includes(e.type)) &&
            (g.streams === 'all' ||
              (g.streams === 'panel' && who.panels.length > 0) ||
              (g.streams === 'allocated' && who.streams.includes(e.stream))),
        );
        const f = filterEvent(p, who, hsb, e);
        if (grants.length === 0) {
          expect(f).toBeUndefined();
          continue;
        }
        expect(f).toBeDefined();
        const out = JSON.stringify(f!.event.data);
        for (const declared of declaredPersonalFields(hsb, e)) {
          const field = { ...declared, subject: subjectOf(e, declared.path) };
          const original = at(e.data, field.path);
          const shown = grants.some(
            (g) =>
              g.categories.includes(field.category) &&
              (g.subjects === 'all' ||
                (field.subject !== undefined && (who.pupils ?? []).includes(field.subject))),
          );
          if (shown) expect(at(f!.event.data, field.path)).toEqual(original);
          else {
            expect(at(f!.event.data, field.path)).toBe(withheld(field.category));
            // nowhere else in the output either (names carry a unique tag per case and person)
            if (typeof original === 'string' && original.includes(' Q'))
              expect(out).not.toContain(original);
          }
        }
      }
    },
  );
});
