import type { InstantInput } from '@aimline/calendar';
import { replayAsOf, type Projection } from '@aimline/projections';
import type { Runtime } from '../runtime.js';

/**
 * Folds `projection` over what the principal (`--as`) may see for `what` (`rt.visible(what)`:
 * need-to-know filtered, read audited) as known at `asOf`, and sets aside every event that does
 * not decode in the run's report of unreadable history (`rt.unreadable`): the one way a CLI
 * read replays a projection.
 */
export const replayVisible = async <S>(
  rt: Runtime,
  what: string,
  projection: Projection<S>,
  asOf: InstantInput | undefined,
): Promise<S> => {
  const r = await replayAsOf(rt.visible(what), rt.decode, projection, asOf);
  rt.unreadable.add(r.unreadable);
  return r.state;
};
