import { replayAsOf, type Projection } from '@aimline/projections';
import type { Runtime } from '../container.js';

/** Folds every stream with the given prefixes with its own module's decider, as known at `asOf`. */
export const streamStates = async (
  rt: Runtime,
  prefixes: ReadonlyArray<string>,
  asOf: string | undefined,
): Promise<Map<string, unknown>> => {
  const projection: Projection<Record<string, unknown>> = {
    name: 'stream-states',
    streamPrefixes: prefixes,
    initialState: () => ({}),
    apply: (s, e) => {
      s[e.recorded.stream] = e.module.decider.evolve(
        s[e.recorded.stream] ?? e.module.decider.initialState,
        e.event,
      ) as unknown;
      return s;
    },
  };
  const r = await replayAsOf(rt.store, rt.decode, projection, asOf);
  rt.unreadable.add(r.unreadable);
  return new Map(Object.entries(r.state));
};
