import { describe, expect, it } from 'vitest';
import {
  attachStoredJson,
  canonicalEventText,
  canonicalJson,
  chainEventsWithJson,
  chainEvents,
  GENESIS_HASH,
  verifyLink,
  uuidV5,
  eventIdFor,
} from '../src/index.js';
import { samples } from '../src/testing/index.js';
import fc from 'fast-check';

describe('canonical JSON and the hash chain', () => {
  it('canonical JSON sorts keys at every depth and ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const reordered = JSON.parse(
          JSON.stringify(v, (_k, x: unknown) =>
            x && typeof x === 'object' && !Array.isArray(x)
              ? Object.fromEntries(Object.entries(x).reverse())
              : x,
          ),
        ) as unknown;
        expect(canonicalJson(reordered)).toBe(canonicalJson(v));
      }),
    );
  });

  it('canonical JSON is the same text whether a value takes the native path or the hand-written one', () => {
    // Integer-like keys iterate numerically but sort as text: "10" before "9".
    expect(canonicalJson({ 9: 'a', 10: 'b', x: [undefined, -0, { b: undefined, a: 1n }] })).toBe(
      '{"10":"b","9":"a","x":[null,0,{"a":"1"}]}',
    );
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, b: 'two' });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":"two"}');
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow(TypeError);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    // A value in canonical order (native path) and the same value out of order (by hand).
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const sorted = JSON.parse(canonicalJson(v)) as unknown;
        const unsorted = { '~last': 1, ' first': sorted };
        expect(canonicalJson(unsorted)).toBe(`{" first":${canonicalJson(sorted)},"~last":1}`);
        expect(canonicalJson(sorted)).toBe(canonicalJson(v));
      }),
    );
  });

  it('chains each event to the previous one and detects any edit, naming the revision', () => {
    const chained = chainEvents('s-1', undefined, GENESIS_HASH, samples(4));
    expect(chained[0]!.metadata.prevHash).toBe(GENESIS_HASH);
    const recorded = chained.map((e, i) => ({ ...e, position: BigInt(i + 1) }));
    let prev: { revision: number; hash: string } | undefined;
    for (const e of recorded) {
      expect(verifyLink(e, prev)).toBeUndefined();
      prev = { revision: e.revision, hash: e.metadata.hash };
    }
    const edited = {
      ...recorded[2]!,
      metadata: { ...recorded[2]!.metadata, actor: { id: 'someone-else', role: 'x', agency: 'y' } },
    };
    expect(verifyLink(edited, { revision: 1, hash: recorded[1]!.metadata.hash })).toMatchObject({
      kind: 'HashMismatch',
      stream: 's-1',
      revision: 2,
    });
    expect(
      verifyLink(recorded[3]!, { revision: 1, hash: recorded[1]!.metadata.hash }),
    ).toMatchObject({ kind: 'RevisionGap', revision: 3 });
  });

  it('derives stable version-5 UUIDs for the events of a command', () => {
    expect(uuidV5('hello', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '9342d47a-1bab-5709-9869-c840b2eac501',
    );
    expect(eventIdFor('A-1', 0)).toBe(eventIdFor('a-1', 0));
    expect(eventIdFor('a-1', 0)).not.toBe(eventIdFor('a-1', 1));
  });
});

describe('hashing the stored canonical text', () => {
  it('canonicalEventText assembled from parts equals the canonical JSON of the whole event', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.string(),
        fc.string(),
        fc.nat(),
        (data, stream, type, revision) => {
          const metadata = {
            occurredAt: 'a',
            recordedAt: 'b',
            actor: { id: 'x', role: 'y', agency: 'z' },
            commandId: 'c',
            correlationId: 'd',
            causationId: 'e',
            prevHash: GENESIS_HASH,
          };
          const head = { id: 'id-1', stream, revision, type, schemaVersion: 1 };
          expect(canonicalEventText(head, canonicalJson(data), canonicalJson(metadata))).toBe(
            canonicalJson({ ...head, data, metadata }),
          );
        },
      ),
    );
  });

  it('chainEventsWithJson hashes exactly as chainEvents, and verification from stored text agrees with verification from values', () => {
    const batch = samples(3);
    const withJson = chainEventsWithJson('s-2', undefined, GENESIS_HASH, batch);
    expect(withJson.map((c) => c.event)).toEqual(
      chainEvents('s-2', undefined, GENESIS_HASH, batch),
    );
    let prev: { revision: number; hash: string } | undefined;
    for (const { event, json } of withJson) {
      const recorded = attachStoredJson({ ...event, position: 1n }, json);
      expect(verifyLink(recorded, prev)).toBeUndefined();
      prev = { revision: event.revision, hash: event.metadata.hash };
    }
    // A changed stored byte is caught even when the parsed values look untouched.
    const { event, json } = withJson[1]!;
    const edited = attachStoredJson(
      { ...event, position: 2n },
      { ...json, data: json.data.replace('sample', 'sampel') },
    );
    expect(
      verifyLink(edited, { revision: 0, hash: withJson[0]!.event.metadata.hash }),
    ).toMatchObject({ kind: 'HashMismatch', revision: 1 });
  });
});
