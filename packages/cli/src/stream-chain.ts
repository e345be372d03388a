import { streamChainBreak, type DamageReader } from '@aimline/projections';
import type { Runtime } from './runtime.js';

/**
 * The hash chain of the one stream a read shows (`timeline`, `report`, `audit STREAM`), checked
 * by `streamChainBreak` of `@aimline/projections` (the check the library's services run) on the
 * events as stored (ciphertext: no master key, no personal data shown, nothing logged). The
 * first break is reported with what the read left out (corrupt history, exit 4), as `reader`
 * (the principal's view) is told of it: located at the event where the chain breaks when their
 * view shows it, else the stream alone; `audit --verify` checks every stream and the global chain.
 */
export const checkStreamChain = async (
  rt: Runtime,
  stream: string,
  reader: DamageReader,
): Promise<void> => {
  // eslint-disable-next-line no-restricted-syntax -- the chain is checked on the stored rows (ciphertext): it shows revisions and breaks (where the reader's view shows the event), never personal data
  const broken = await streamChainBreak(rt.storedEvents, stream, reader);
  if (broken !== undefined) rt.unreadable.add([broken]);
};
