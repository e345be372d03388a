import { streamDamage, type DamageReader } from '@aimline/projections';
import type { Runtime } from './runtime.js';

/**
 * The stored history of a stream a read shows or folded, checked by `streamDamage` of
 * `@aimline/projections` (the check the library's services run): its hash chain, every event
 * decoding, and events deleted from its end, read with no personal data opened (the decrypting
 * store gives each personal field as its withheld marker: nothing decrypted, nothing logged).
 * The first damage is reported with what the read left out (corrupt history, exit 4), as
 * `reader` (the principal's view) is told of it: located at the damaged event when their view
 * shows it, else the stream alone; `audit --verify` checks every stream and the global chain.
 */
export const checkStreamDamage = async (
  rt: Runtime,
  stream: string,
  reader: DamageReader,
): Promise<void> => {
  // eslint-disable-next-line no-restricted-syntax -- the stream's stored history is checked with no personal data opened: it shows damage's place (where the reader's view shows the event), never personal data
  const damage = await streamDamage(rt.store, stream, reader, rt.decode);
  if (damage !== undefined) rt.unreadable.add([damage]);
};
