import type { EventStore, RecordedEvent } from '@aimline/kernel';
import { describeBreak, initialChainVerification, verifyNext } from './chain-verification.js';
import { lostStreamTail } from './stream-tail.js';
import { toldTo, unreadableEvent, type DamageReader, type ToldDamage } from './unreadable-event.js';

/**
 * The first break in one stream's own hash chain, as `reader` is told of it, or undefined when
 * the stream is intact: each stored event is checked against the one before it (`verifyNext`,
 * the kernel's `verifyLink`, as `verifyChains` checks every stream) — a revision missing (a row
 * moved to another stream or deleted), a link that does not follow (a row moved in), or bytes
 * that no longer hash to what was recorded; and, where the store records each stream's end apart
 * from its events (`recordedStreamEnd`), events deleted from the end (`lostStreamTail`, of types
 * not known: located only for a reader whose view shows every type). The break is located
 * (stream, revision, position, type, why) when the event where it breaks is one `reader`'s view shows; at an event it does not
 * show, the reader is told only that the stream's history is damaged (`toldTo`): the type and
 * place of an event they may not see are not theirs to learn. It hashes the events as stored (an
 * encrypting store gives back the stored text with each event) and opens no personal data
 * (`personalData: []`); it never names a value. The reads of one stream run it (the services'
 * `get`, `events` and `timeline` in `@aimline/aimline`, the CLI's `timeline`, `report` and
 * `audit STREAM`), each for the principal who reads; `verifyChains` checks every stream for
 * `audit --verify`. A store error is thrown as it is.
 */
export const streamChainBreak = async (
  store: Pick<EventStore, 'readStream' | 'recordedStreamEnd'>,
  stream: string,
  reader: DamageReader,
): Promise<ToldDamage | undefined> => {
  const chain = initialChainVerification();
  // Asked before the read: an event appended meanwhile only moves the read's end further on.
  const end = await store.recordedStreamEnd?.(stream);
  let last: RecordedEvent | undefined;
  for await (const e of store.readStream(stream, { personalData: [] })) {
    last = e;
    let why: string | undefined;
    try {
      const broken = verifyNext(chain, e).breaks[0];
      if (broken !== undefined) why = describeBreak(broken);
    } catch (thrown) {
      // Metadata too damaged to hash (no prevHash, not an object): still located here.
      why = thrown instanceof Error ? thrown.message : String(thrown);
    }
    if (why !== undefined)
      return toldTo(reader, unreadableEvent(e, `the stream's hash chain breaks here: ${why}`));
  }
  const lost = lostStreamTail(stream, end, last);
  return lost === undefined ? undefined : toldTo(reader, lost);
};
