import { chainEvents, CorruptStoreError, GENESIS_HASH, type ChainedEvent } from '@aimline/kernel';
import { sampleEvent } from '@aimline/kernel/testing';
import type { AppendResult, EventData, ResolvedEvent } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { fromResolvedEvent, recordedFromAppend, toEventData } from '../src/event-codec.js';

// The event as the server keeps it: data JSON, and a metadata JSON holding the chained
// metadata, `schemaVersion` and (for an event with sealed text) `sealed`.
const STREAM = 'codec-1';
const POSITION = 2n ** 53n + 7n;
/** Invented sealed text (the encrypting store's boxes are opaque to a store). */
const SEALED = 'box:v1:invented-nonce:invented-ciphertext';

const chainedOne = (sealed?: string): ChainedEvent =>
  chainEvents(STREAM, undefined, GENESIS_HASH, [
    { ...sampleEvent(1), ...(sealed === undefined ? {} : { sealed }) },
  ])[0]!;

/** What a read gives back for `data` stored at revision 0 (through JSON, as the server does). */
const resolvedOf = (data: EventData, metadata: unknown = data.metadata): ResolvedEvent =>
  ({
    event: {
      streamId: STREAM,
      id: data.id,
      revision: 0n,
      type: data.type,
      data: JSON.parse(JSON.stringify(data.data)) as unknown,
      metadata: JSON.parse(JSON.stringify(metadata)) as unknown,
      isJson: true,
      created: new Date(0),
      position: { commit: POSITION, prepare: POSITION },
    },
    commitPosition: POSITION,
  }) as ResolvedEvent;

const appended: AppendResult = {
  success: true,
  nextExpectedRevision: 0n,
  position: { commit: POSITION, prepare: POSITION },
};

describe('event codec: the sealed text beside the data', () => {
  it('given an event with sealed text, it is stored as the metadata member `sealed` beside `schemaVersion` and the chained metadata (with its sealedDigest)', () => {
    const chained = chainedOne(SEALED);
    expect(chained.metadata.sealedDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(toEventData(chained).metadata).toEqual({
      ...chained.metadata,
      schemaVersion: 1,
      sealed: SEALED,
    });
  });

  it('given an event without sealed text, the stored metadata has no `sealed` member', () => {
    const stored = toEventData(chainedOne()).metadata as Record<string, unknown>;
    expect('sealed' in stored).toBe(false);
    expect('sealedDigest' in stored).toBe(false);
  });

  it('reads the stored `sealed` member back as RecordedEvent.sealed; the metadata is exactly the chained metadata (sealedDigest kept, neither `sealed` nor `schemaVersion` in it)', () => {
    const chained = chainedOne(SEALED);
    const read = fromResolvedEvent(resolvedOf(toEventData(chained)));
    expect(read.sealed).toBe(SEALED);
    expect(read.metadata).toEqual(chained.metadata);
    expect('sealed' in read.metadata).toBe(false);
    expect(read.schemaVersion).toBe(1);
  });

  it('reads an event stored without sealed text (also one stored before sealed text existed) with no `sealed` member at all', () => {
    const chained = chainedOne();
    const read = fromResolvedEvent(resolvedOf(toEventData(chained)));
    expect('sealed' in read).toBe(false);
    expect(read.metadata).toEqual(chained.metadata);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an object', { box: SEALED }],
    ['an array', [SEALED]],
  ])(
    'refuses a stored `sealed` member that is %s as a CorruptStoreError naming the event and the member',
    (_kind, value) => {
      const data = toEventData(chainedOne(SEALED));
      const damaged = { ...(data.metadata as Record<string, unknown>), sealed: value };
      const read = () => fromResolvedEvent(resolvedOf(data, damaged));
      expect(read).toThrow(CorruptStoreError);
      expect(read).toThrow(`${STREAM}@0: metadata.sealed is not a string`);
    },
  );

  it("gives the sealed text back from the append's own answer, outside the metadata, and none when the event has none", () => {
    const sealed = chainedOne(SEALED);
    const [withText] = recordedFromAppend([sealed], appended)!;
    expect(withText!.sealed).toBe(SEALED);
    expect(withText!.metadata).toEqual(sealed.metadata);
    expect(withText).toEqual(fromResolvedEvent(resolvedOf(toEventData(sealed))));

    const plain = chainedOne();
    const [withoutText] = recordedFromAppend([plain], appended)!;
    expect('sealed' in withoutText!).toBe(false);
    expect(withoutText).toEqual(fromResolvedEvent(resolvedOf(toEventData(plain))));
  });
});
