import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  commandHandler,
  InMemoryEventStore,
  type AnyDomainModule,
  type Rejection,
} from '@aimline/kernel';
import { defaultCouncilPolicy, domainRegistry } from '@aimline/aimline';

/**
 * Issue 12 item 7: malformed and mutated wire commands for every command of every domain,
 * derived from the command catalogues' io-ts codecs (a new command is covered without a
 * change here), sent through the command handler. It never throws, never appends on a
 * refusal, and every refusal names a field or a rule.
 */

type Codec = t.Mixed & {
  readonly _tag?: string;
  readonly props?: Record<string, Codec>;
  readonly types?: ReadonlyArray<Codec>;
  readonly type?: Codec;
  readonly value?: unknown;
  readonly keys?: Record<string, unknown>;
};

const instants = fc.constantFrom(
  '2026-03-12T10:00:00Z',
  '2026-02-30T09:00:00Z',
  '2026-03-12T24:00:00Z',
  '2026-03-12T10:00:00',
  '1900-01-01T00:00:00Z',
);
const dates = fc.constantFrom('2026-03-12', '2025-02-30', '0000-01-01', '2010-06-01');
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', ' id ', 'x\u001b[2J', '\ufffd', 1e308, -1, Number.MAX_SAFE_INTEGER),
);

/** A value shaped like the codec's type (often valid, often not: refinements are not solved). */
const shaped = (codec: Codec, depth = 0): fc.Arbitrary<unknown> => {
  if (depth > 6) return junk;
  const name = codec.name;
  switch (codec._tag) {
    case 'InterfaceType':
    case 'StrictType':
      return fc.record(
        Object.fromEntries(
          Object.entries(codec.props ?? {}).map(([k, c]) => [k, shaped(c, depth + 1)]),
        ),
      );
    case 'PartialType':
      return fc.record(
        Object.fromEntries(
          Object.entries(codec.props ?? {}).map(([k, c]) => [k, shaped(c, depth + 1)]),
        ),
        { requiredKeys: [] },
      );
    case 'ExactType':
    case 'ReadonlyType':
      return shaped(codec.type!, depth);
    case 'IntersectionType':
      return fc
        .tuple(...(codec.types ?? []).map((c) => shaped(c, depth)))
        .map(
          (parts) =>
            Object.assign({}, ...parts.map((p) => (typeof p === 'object' ? p : {}))) as unknown,
        );
    case 'UnionType':
      return fc.oneof(...(codec.types ?? []).map((c) => shaped(c, depth + 1)));
    case 'LiteralType':
      return fc.constant(codec.value);
    case 'KeyofType':
      return fc.constantFrom(...Object.keys(codec.keys ?? { x: 1 }));
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return fc.array(shaped(codec.type!, depth + 1), { maxLength: 3 });
    case 'RefinementType':
      return shaped(codec.type!, depth);
    case 'NumberType':
      return fc.oneof(fc.integer({ min: -5, max: 400 }), fc.double());
    case 'BooleanType':
      return fc.boolean();
    case 'NullType':
      return fc.constant(null);
    default:
      // Named leaf codecs (instants, dates, ids, personal data): their likely values and junk.
      if (/instant|at$|start|end/i.test(name)) return fc.oneof(instants, junk);
      if (/date/i.test(name)) return fc.oneof(dates, junk);
      return fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('sch-1', 'case-1'), junk);
  }
};

/** Mutations of a wire command: drop, replace or add a field at the top or in its data. */
const mutate = (wire: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> => {
  const data = (
    typeof wire['data'] === 'object' && wire['data'] !== null ? wire['data'] : {}
  ) as Record<string, unknown>;
  const top = Object.keys(wire);
  const inner = Object.keys(data);
  return fc.oneof(
    fc.constant(wire),
    fc.constantFrom(...top).map((k) => {
      const { [k]: _gone, ...rest } = wire;
      return rest;
    }),
    fc.tuple(fc.constantFrom(...top), junk).map(([k, v]) => ({ ...wire, [k]: v })),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 8 }), junk)
      .map(([k, v]) => ({ ...wire, [k]: v })),
    ...(inner.length === 0
      ? []
      : [
          fc
            .tuple(fc.constantFrom(...inner), junk)
            .map(([k, v]) => ({ ...wire, data: { ...data, [k]: v } })),
          fc.constantFrom(...inner).map((k) => {
            const { [k]: _gone, ...rest } = data;
            return { ...wire, data: rest };
          }),
        ]),
    fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), junk).map(([k, v]) => ({
      ...wire,
      data: { ...data, [k]: v },
    })),
  );
};

const actor = fc.record({
  id: fc.oneof(fc.constantFrom('sw-1', 'bs-1'), fc.string({ maxLength: 6 })),
  role: fc.constantFrom('social worker', 'business support officer'),
  agency: fc.constantFrom('childrens-social-care', 'business-support', 'police', 'school'),
});

const wireCommand = (
  module: AnyDomainModule,
  type: string,
): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record({
      commandId: fc.uuid({ version: 4 }),
      type: fc.constant(type),
      at: fc.oneof(instants, instants, junk),
      actor,
      data: shaped(module.commands.codec(type) as Codec),
    })
    .chain(mutate);

describe('fuzzing every command of every domain through the command handler', () => {
  const registry = domainRegistry(defaultCouncilPolicy());
  const targets = registry.modules.flatMap((m) =>
    m.commands.types.map((type) => ({ module: m, type })),
  );

  it('covers every command type of every module', () => {
    expect(targets.length).toBeGreaterThan(40);
    for (const { module, type } of targets) expect(module.commands.codec(type)).toBeDefined();
  });

  it('never throws, never appends on a refusal, and every refusal names a field or a rule', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock: () => '2026-11-25T12:00:00Z' });
    let position = 0n;
    const tally = { ok: 0, InvalidCommand: 0, Rejected: 0 };
    const last = async () => {
      let p = 0n;
      for await (const e of store.readAll()) p = e.position;
      return p;
    };
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...targets)
          .chain(({ module, type }) => wireCommand(module, type).map((wire) => ({ module, wire }))),
        async ({ module, wire }) => {
          const result = await handler.execute(module, wire); // a throw fails the property
          const now = await last();
          if (E.isRight(result)) {
            tally.ok++;
            position = now;
            return;
          }
          expect(now, 'nothing is appended on a refusal').toBe(position);
          const f = result.left;
          if (f.kind === 'InvalidCommand' || f.kind === 'Rejected') tally[f.kind]++;
          switch (f.kind) {
            case 'InvalidCommand':
              expect(f.problems.length).toBeGreaterThan(0);
              for (const p of f.problems) expect(p.path.length).toBeGreaterThan(0);
              break;
            case 'Rejected':
              expect((f.rejection as Rejection).ruleId).toMatch(/^[A-Z]+(-\d+)?$/);
              break;
            default:
              expect.fail(`unexpected failure ${f.kind} for ${JSON.stringify(wire)}`);
          }
        },
      ),
      { numRuns: 1500 },
    );
    // The generated commands reach the deciders, not only the codecs.
    expect(tally.Rejected + tally.ok, JSON.stringify(tally)).toBeGreaterThan(0);
  }, 60_000);
});
