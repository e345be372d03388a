import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, RecordedEvent } from '@aimline/kernel';
import { describeBreak, initialChainVerification, verifyNext } from './chain-verification.js';
import { readStoredEvent, type EventDecoder } from './decoded-event.js';
import { lostStreamTail } from './stream-tail.js';
import { toldTo, unreadableEvent, type DamageReader, type ToldDamage } from './unreadable-event.js';

/** Why `e` breaks the stream's hash chain (checked against the events before it), or undefined. */
const chainBreakAt = (
  chain: ReturnType<typeof initialChainVerification>,
  e: RecordedEvent,
): string | undefined => {
  try {
    const broken = verifyNext(chain, e).breaks[0];
    return broken === undefined
      ? undefined
      : `the stream's hash chain breaks here: ${describeBreak(broken)}`;
  } catch (thrown) {
    // Metadata too damaged to hash (no prevHash, not an object): still located here.
    return `the stream's hash chain breaks here: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  }
};

/**
 * The first damage in one stream's stored history, as `reader` is told of it, or undefined when
 * the stream is intact. Each stored event is checked against the one before it (`verifyNext`,
 * the kernel's `verifyLink`, as `verifyChains` checks every stream) — a revision missing (a row
 * moved to another stream or deleted), a link that does not follow (a row moved in), or bytes
 * that no longer hash to what was recorded — and read as every read takes it (`readStoredEvent`:
 * its metadata readable, its data decoded by its module with `decode`), so an event that does
 * not decode is damage of the stream whoever reads it, even where its chain is intact; and, where
 * the store records each stream's end apart from its events (`recordedStreamEnd`), events deleted
 * from the end (`lostStreamTail`, of types not known: located only for a reader whose view shows
 * every type). The damage is located (stream, revision, position, type, why) when the event is
 * one `reader`'s view shows; at an event it does not show, the reader is told only that the
 * stream's history is damaged (`toldTo`): the type and place of an event they may not see are not
 * theirs to learn, and a read of the stream is corrupt history all the same (never an answer
 * worked out without the event, as if the history were whole). It reads the events with no
 * personal data opened (`personalData: []`: an encrypting store gives each personal field as its
 * withheld marker, which the codecs accept, and the stored text to hash) and never names a
 * value. Every read of one stream runs it (the services' `get`, `events`, `timeline` and each
 * case `list` gives in `@aimline/aimline`, the CLI's `timeline`, `report`, `audit STREAM`, and
 * each stream its many-stream reads folded), for the principal who reads; `verifyChains` checks
 * every stream's chain for `audit --verify`. A store error is thrown as it is.
 */
export const streamDamage = async (
  store: Pick<EventStore, 'readStream' | 'recordedStreamEnd'>,
  stream: string,
  reader: DamageReader,
  decode: EventDecoder,
): Promise<ToldDamage | undefined> => {
  const chain = initialChainVerification();
  // Asked before the read: an event appended meanwhile only moves the read's end further on.
  const end = await store.recordedStreamEnd?.(stream);
  let last: RecordedEvent | undefined;
  for await (const e of store.readStream(stream, { personalData: [] })) {
    last = e;
    const broken = chainBreakAt(chain, e);
    if (broken !== undefined) return toldTo(reader, unreadableEvent(e, broken));
    const read = readStoredEvent(decode, e);
    if (E.isLeft(read)) return toldTo(reader, read.left);
  }
  const lost = lostStreamTail(stream, end, last);
  return lost === undefined ? undefined : toldTo(reader, lost);
};
