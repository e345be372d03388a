import type { EventStore } from '@aimline/kernel';
import { describeBreak, initialChainVerification, verifyNext } from './chain-verification.js';
import { unreadableEvent, type UnreadableEvent } from './unreadable-event.js';

/**
 * The first break in one stream's own hash chain, located at the event where it breaks, or
 * undefined when the stream is intact: each stored event is checked against the one before it
 * (`verifyNext`, the kernel's `verifyLink`, as `verifyChains` checks every stream) — a
 * revision missing (a row moved to another stream or deleted), a link that does not follow (a
 * row moved in), or bytes that no longer hash to what was recorded. It hashes the events as stored (an encrypting store gives back the stored text
 * with each event) and opens no personal data (`personalData: []`); the break names the stream,
 * revision, position and type, never a value. The reads of one stream run it (the services'
 * `get`, `events` and `timeline` in `@aimline/aimline`, the CLI's `timeline`, `report` and
 * `audit STREAM`); `verifyChains` checks every stream. A store error is thrown as it is.
 */
export const streamChainBreak = async (
  store: Pick<EventStore, 'readStream'>,
  stream: string,
): Promise<UnreadableEvent | undefined> => {
  const chain = initialChainVerification();
  for await (const e of store.readStream(stream, { personalData: [] })) {
    let why: string | undefined;
    try {
      const broken = verifyNext(chain, e).breaks[0];
      if (broken !== undefined) why = describeBreak(broken);
    } catch (thrown) {
      // Metadata too damaged to hash (no prevHash, not an object): still located here.
      why = thrown instanceof Error ? thrown.message : String(thrown);
    }
    if (why !== undefined) return unreadableEvent(e, `the stream's hash chain breaks here: ${why}`);
  }
  return undefined;
};
