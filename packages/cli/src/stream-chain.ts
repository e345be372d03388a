import { streamChainBreak } from '@aimline/projections';
import type { Runtime } from './runtime.js';

/**
 * The hash chain of the one stream a read shows (`timeline`, `report`, `audit STREAM`), checked
 * by `streamChainBreak` of `@aimline/projections` (the check the library's services run) on the
 * events as stored (ciphertext: no master key, no personal data shown, nothing logged). The
 * first break is reported with what the read left out (corrupt history, exit 4), located at the
 * event where the chain breaks; `audit --verify` checks every stream and the global chain.
 */
export const checkStreamChain = async (rt: Runtime, stream: string): Promise<void> => {
  // eslint-disable-next-line no-restricted-syntax -- the chain is checked on the stored rows (ciphertext): it shows revisions and breaks, never personal data
  const broken = await streamChainBreak(rt.storedEvents, stream);
  if (broken !== undefined) rt.unreadable.add([broken]);
};
