import { expect, it } from 'vitest';
import { collect } from '../collect.js';
import type { EventMetadata, EventToAppend, RecordedEvent } from '../event.js';
import { appendGroup } from '../store/append-group.js';
import { InvalidAppendError } from '../store/errors.js';
import { sealedDigestOf, verifyLink, verifySealed } from '../store/hash-chain.js';
import type { ContractContext } from './contract-context.js';
import { SUBSCRIPTION_TEST_MS, take } from './contract-subscriptions.js';
import { sampleEvent, uniquePrefix } from './sample-events.js';

/**
 * Sealed text as an encrypting store writes it beside the data: opaque, and longer than most
 * data. Quotes, backslashes, a line break and non-ASCII text must come back byte for byte.
 */
const sealedText = (n: number): string =>
  JSON.stringify([`${'0'.repeat(32)}:victim:${'Qk9Y'.repeat(600 + n)}:[["victim","name"]]`]) +
  ' "quoted" \\ back\nslash é ✓ 𝒜';

/** An event with sealed text beside its data. */
export const sealedSample = (n: number): EventToAppend => ({
  ...sampleEvent(n, { victim: { name: '[withheld:victim]' } }),
  sealed: sealedText(n),
});

/** What a store returns for `appended` must carry exactly the sealed text appended, covered by the chain. */
const expectSealedKept = (read: RecordedEvent, appended: EventToAppend): void => {
  expect(read.id).toBe(appended.id);
  if (appended.sealed === undefined) {
    expect(Object.hasOwn(read, 'sealed')).toBe(false);
    expect(read.metadata.sealedDigest).toBeUndefined();
  } else {
    expect(read.sealed).toBe(appended.sealed);
    expect(read.metadata.sealedDigest).toBe(sealedDigestOf(appended.sealed));
  }
  expect(read.data).toEqual(appended.data);
  expect(verifySealed(read)).toBeUndefined();
};

/**
 * Sealed data beside the event data (`EventToAppend.sealed`): kept verbatim, given back by every
 * read, absent from events that have none, and covered by the hash chain through the digest in
 * the chained metadata.
 */
export const sealedContract = ({ withStore }: ContractContext): void => {
  it('keeps an event’s sealed text beside its data, verbatim, on every read, and its chain covers it through the digest', () =>
    withStore(async (store) => {
      const prefix = uniquePrefix('sealed');
      const s = `${prefix}1`;
      const appended = [sampleEvent(0), sealedSample(1), sealedSample(2)];
      const result = await store.append(s, appended, { expectedRevision: 'no-stream' });
      result.events.forEach((e, i) => expectSealedKept(e, appended[i]!));
      const stream = await collect(store.readStream(s));
      stream.forEach((e, i) => expectSealedKept(e, appended[i]!));
      const all = await collect(store.readAll({ filter: { streamPrefixes: [prefix] } }));
      all.forEach((e, i) => expectSealedKept(e, appended[i]!));
      const backwards = await collect(store.readStream(s, { direction: 'backwards' }));
      backwards.forEach((e, i) => expectSealedKept(e, appended[appended.length - 1 - i]!));
      let previous: { revision: number; hash: string } | undefined;
      for (const e of stream) {
        expect(verifyLink(e, previous)).toBeUndefined();
        previous = { revision: e.revision, hash: e.metadata.hash };
      }
      if (store.eventsOfCommand !== undefined) {
        const ofCommand = await store.eventsOfCommand(appended[1]!.metadata.commandId);
        if (ofCommand.length > 0) expectSealedKept(ofCommand[0]!, appended[1]!);
      }
    }));

  it('a chain does not verify once the digest of sealed text is altered, and the sealed text is checked against it', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('sealed-digest')}1`;
      const e = sealedSample(3);
      const [read] = (await store.append(s, [e], { expectedRevision: 'no-stream' })).events;
      const altered: RecordedEvent = {
        ...read!,
        metadata: { ...read!.metadata, sealedDigest: sealedDigestOf('other text') },
      };
      expect(verifyLink(altered, undefined)).toMatchObject({ kind: 'HashMismatch', revision: 0 });
      expect(verifySealed({ ...read!, sealed: `${read!.sealed!} ` })).toMatchObject({
        kind: 'SealedMismatch',
        stream: s,
        revision: 0,
      });
      const { sealed: _dropped, ...withoutSealed } = read!;
      expect(verifySealed(withoutSealed)).toMatchObject({ kind: 'SealedMismatch' });
    }));

  it('re-appending an event with its sealed text stores nothing and returns the sealed text first stored', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('sealed-retry')}1`;
      const e = sealedSample(4);
      const first = await store.append(s, [e], { expectedRevision: 'no-stream' });
      const again = await store.append(s, [e], { expectedRevision: 'no-stream' });
      expect(again.position).toBe(first.position);
      expectSealedKept(again.events[0]!, e);
      expect(await collect(store.readStream(s))).toHaveLength(1);
    }));

  it('refuses sealed text that is empty, storing nothing', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('sealed-invalid')}1`;
      await expect(
        store.append(s, [{ ...sampleEvent(5), sealed: '' }], { expectedRevision: 'no-stream' }),
      ).rejects.toBeInstanceOf(InvalidAppendError);
      expect(await store.streamRevision(s)).toBeUndefined();
    }));

  it('computes the chain’s members itself: a digest of sealed text, a prevHash or a hash brought in the metadata is not kept', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('sealed-forged')}1`;
      const plain = sampleEvent(6);
      const sealed = sealedSample(7);
      const forged = (e: EventToAppend): EventToAppend => ({
        ...e,
        // What a careless or hostile caller might send: the type does not allow it.
        metadata: {
          ...e.metadata,
          sealedDigest: sealedDigestOf('other text'),
          prevHash: 'f'.repeat(64),
          hash: 'e'.repeat(64),
        } as EventMetadata,
      });
      const { events } = await store.append(s, [forged(plain), forged(sealed)], {
        expectedRevision: 'no-stream',
      });
      const read = await collect(store.readStream(s));
      for (const e of [...events, ...read]) {
        expect(verifySealed(e)).toBeUndefined();
        expect(e.metadata.hash).not.toBe('e'.repeat(64));
      }
      expect(read[0]!.metadata.sealedDigest).toBeUndefined();
      expect(read[0]!.metadata.prevHash).toBe('0'.repeat(64));
      expect(read[1]!.metadata.sealedDigest).toBe(sealedDigestOf(sealed.sealed!));
      expect(verifyLink(read[0]!, undefined)).toBeUndefined();
      expect(verifyLink(read[1]!, { revision: 0, hash: read[0]!.metadata.hash })).toBeUndefined();
    }));

  it('keeps the sealed text of every append of a group commit', () =>
    withStore(async (store) => {
      const prefix = uniquePrefix('sealed-group');
      const a = [sealedSample(7)];
      const b = [sampleEvent(8), sealedSample(9)];
      const outcomes = await appendGroup(store, [
        { stream: `${prefix}a`, events: a, expectedRevision: 'no-stream' },
        { stream: `${prefix}b`, events: b, expectedRevision: 'no-stream' },
      ]);
      expect(outcomes.map((o) => o.kind)).toEqual(['appended', 'appended']);
      const read = await collect(store.readAll({ filter: { streamPrefixes: [prefix] } }));
      [...a, ...b].forEach((e, i) => expectSealedKept(read[i]!, e));
    }));

  it(
    'a subscription delivers an event’s sealed text beside its data, in history and live',
    () =>
      withStore(async (store) => {
        const prefix = uniquePrefix('sub-sealed');
        const stored = sealedSample(10);
        await store.append(`${prefix}a`, [stored], { expectedRevision: 'no-stream' });
        const sub = store.subscribe({ filter: { streamPrefixes: [prefix] } });
        try {
          const history = await take(sub, 'the stored sealed event, then caughtUp', 1, true);
          expectSealedKept(history.events[0]!, stored);
          const live = sealedSample(11);
          await store.append(`${prefix}b`, [live], { expectedRevision: 'no-stream' });
          const [delivered] = (await take(sub, `the sealed event appended live to ${prefix}b`, 1))
            .events;
          expectSealedKept(delivered!, live);
        } finally {
          await sub.close();
        }
      }),
    SUBSCRIPTION_TEST_MS,
  );
};
