import { verifyLink } from '@aimline/kernel';
import { describeBreak, unreadableEvent } from '@aimline/projections';
import type { Runtime } from './runtime.js';

/**
 * The hash chain of the one stream a read shows (`timeline`, `report`, `audit STREAM`), checked
 * link by link with the kernel's `verifyLink` on the events as stored (ciphertext: no master key,
 * no personal data shown, nothing logged): a revision missing (a row moved to another stream or
 * deleted), a link that does not follow, or bytes that no longer hash to what was recorded. The
 * first break is reported with what the read left out (corrupt history, exit 4), located at the
 * event where the chain breaks; `audit --verify` checks every stream and the global chain.
 */
export const checkStreamChain = async (rt: Runtime, stream: string): Promise<void> => {
  let previous: { readonly revision: number; readonly hash: string } | undefined;
  // eslint-disable-next-line no-restricted-syntax -- the chain is checked on the stored rows (ciphertext): it shows revisions and breaks, never personal data
  for await (const e of rt.storedEvents.readStream(stream)) {
    let why: string | undefined;
    try {
      const broken = verifyLink(e, previous);
      if (broken !== undefined) why = describeBreak(broken);
    } catch (thrown) {
      why = thrown instanceof Error ? thrown.message : String(thrown);
    }
    if (why !== undefined) {
      rt.unreadable.add([unreadableEvent(e, `the stream's hash chain breaks here: ${why}`)]);
      return;
    }
    previous = { revision: e.revision, hash: e.metadata.hash };
  }
};
