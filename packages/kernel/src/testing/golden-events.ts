import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { ACCEPTED, compileFastCheck } from '../codec/fast-check.js';
import { codecValues, fastCheckDisagreement } from './codec-values.js';
import type { EventCatalogue } from '../codec/event-catalogue.js';
import type { DomainEvent } from '../event.js';

interface GoldenExample {
  readonly file: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

const readExamples = (dir: string): GoldenExample[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<GoldenExample, 'file'>;
      return { file, type: json.type, schemaVersion: json.schemaVersion, data: json.data };
    });

/**
 * Pins the stored shape of every event type of a catalogue with a golden JSON example per type
 * and schema version (`{ "type", "schemaVersion", "data" }` in `<Type>.v<version>.json`):
 *
 * - every event type has an example at its current schema version;
 * - an example at the current version decodes, and encodes back to exactly the same data;
 * - an example at an older version decodes through the upcasters;
 * - an example at the current version takes the compiled fast decode path, and that path
 *   agrees with io-ts on generated values of every event type (valid, damaged, erased).
 *
 * Editing an event codec so that what was stored no longer decodes (or decodes to something
 * else) fails here: the change must be a new schema version with an upcaster and a new example,
 * while the old example stays to prove the upcast.
 */
export const goldenEventsSuite = <Ev extends DomainEvent>(
  name: string,
  catalogue: EventCatalogue<Ev>,
  dir: string,
): void => {
  const examples = readExamples(dir);
  describe(`${name}: every stored event schema is pinned by a golden example`, () => {
    it('every event type of the catalogue has an example at its current schema version', () => {
      const missing = catalogue.types.filter(
        (type) =>
          !examples.some(
            (e) => e.type === type && e.schemaVersion === catalogue.definition(type)?.version,
          ),
      );
      expect(missing, `no golden example in ${dir}`).toEqual([]);
    });

    it('every example is named <Type>.v<version>.json after what it holds, and its type is in the catalogue', () => {
      expect(examples.filter((e) => e.file !== `${e.type}.v${e.schemaVersion}.json`)).toEqual([]);
      expect(examples.filter((e) => !catalogue.has(e.type)).map((e) => e.file)).toEqual([]);
    });

    it('every example at its current version takes the compiled fast decode path', () => {
      const slow = examples.filter((e) => {
        const def = catalogue.definition(e.type);
        return def?.version === e.schemaVersion && compileFastCheck(def.codec)(e.data) !== ACCEPTED;
      });
      expect(slow.map((e) => e.file)).toEqual([]);
    });

    it('the fast decode path agrees with io-ts on any value, for every event type (property)', () => {
      for (const type of catalogue.types) {
        const codec = catalogue.definition(type)!.codec;
        fc.assert(
          fc.property(codecValues(codec), (value) => {
            expect(fastCheckDisagreement(codec, value)).toBeUndefined();
          }),
          { numRuns: 100 },
        );
      }
    });

    for (const example of examples) {
      const current = catalogue.definition(example.type)?.version === example.schemaVersion;
      it(`${example.file} decodes${current ? ' and encodes back to the same data' : ' through its upcasters'}`, () => {
        const decoded = catalogue.decode({
          stream: `golden-${name}`,
          revision: 0,
          type: example.type,
          schemaVersion: example.schemaVersion,
          data: example.data,
        });
        if (E.isLeft(decoded)) expect.fail(decoded.left.message);
        if (current) expect(catalogue.encode(decoded.right).data).toEqual(example.data);
      });
    }
  });
};
