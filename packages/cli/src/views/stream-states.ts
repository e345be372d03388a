import type { Instant } from '@aimline/calendar';
import type { Command, DomainEvent, DomainModule, Rejection } from '@aimline/kernel';
import type { Projection } from '@aimline/projections';
import { replayVisible } from './visible-replay.js';
import type { Runtime } from '../runtime.js';
import { eventOf } from '@aimline/aimline';

/**
 * Folds the streams of one module (all of them, or those starting with `prefixes`) with the
 * module's own decider, as known at `asOf`: each stream's state, typed as the module's state.
 * Only what the principal (`--as`) may see is folded (`rt.visible(what)`).
 */
export const moduleStates = async <
  C extends Command,
  Ev extends DomainEvent,
  S,
  R extends Rejection,
>(
  rt: Runtime,
  module: DomainModule<C, Ev, S, R>,
  asOf: Instant | undefined,
  what: string,
  prefixes: ReadonlyArray<string> = [module.streamPrefix],
): Promise<Map<string, S>> => {
  const projection: Projection<Record<string, S>> = {
    name: `${module.name}-states`,
    streamPrefixes: prefixes,
    initialState: () => ({}),
    apply: (s, e) => {
      const event = eventOf(module, e);
      if (event !== undefined)
        s[e.recorded.stream] = module.decider.evolve(
          s[e.recorded.stream] ?? module.decider.initialState,
          event,
        );
      return s;
    },
  };
  return new Map(Object.entries(await replayVisible(rt, what, projection, asOf)));
};
