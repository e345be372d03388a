import type { InstantInput } from '@aimline/calendar';
import { replayAsOf, type DamageReader, type Projection } from '@aimline/projections';
import type { Runtime } from '../runtime.js';
import { checkStreamDamage } from '../stream-damage.js';

/**
 * Folds `projection` over what the principal (`--as`) may see for `what` (`rt.visible(what)`:
 * need-to-know filtered, read audited) as known at `asOf`, and reports in the run's report of
 * unreadable history (`rt.unreadable`, exit 4) every event that does not decode and the damage
 * in each stream it folded (`checkStreamsDamage`): the one way a CLI read replays a projection.
 */
export const replayVisible = async <S>(
  rt: Runtime,
  what: string,
  projection: Projection<S>,
  asOf: InstantInput | undefined,
): Promise<S> => {
  const view = rt.visible(what);
  const folded = new Set<string>();
  const r = await replayAsOf(view, rt.decode, projection, asOf, (e) => folded.add(e.stream));
  rt.unreadable.add(r.unreadable);
  for (const u of r.unreadable) folded.add(u.stream);
  await checkStreamsDamage(rt, folded, view);
  return r.state;
};

/**
 * The reads of many streams (`panel scorecard`, `report scorecard`, `attendance`, `panel
 * agenda`, `deadlines`) check each stream they folded as the reads of one stream check theirs
 * (`checkStreamDamage`: its own hash chain, every event decoding, and events deleted from its end
 * where the store records where it ends), so a row altered, moved or deleted, or an event that
 * does not decode (one the principal may not see too), is reported (exit 4), as `reader` is told
 * of it, rather than counted or shown without it. Only the streams the principal's view folded
 * are checked: a stream they may not see is never named. A stream whose every event was deleted
 * is not among them (`audit --verify` finds it).
 */
export const checkStreamsDamage = async (
  rt: Runtime,
  streams: Iterable<string>,
  reader: DamageReader,
): Promise<void> => {
  for (const stream of streams) await checkStreamDamage(rt, stream, reader);
};
