import type { DecodedEvent } from './decoded-event.js';

/**
 * A projection folds decoded events into a read model. `apply` may update the state in
 * place (replaying millions of events must not copy it per event) and must return it. The
 * state must survive `JSON.stringify`/`JSON.parse` (no Maps, no class instances), so a
 * runner can snapshot it beside its checkpoint and resume after a restart.
 */
export interface Projection<S> {
  readonly name: string;
  /** Only events of streams with these prefixes are applied (undefined: all). */
  readonly streamPrefixes?: ReadonlyArray<string>;
  readonly initialState: () => S;
  readonly apply: (state: S, event: DecodedEvent) => S;
}

export const appliesTo = (
  projection: { readonly streamPrefixes?: ReadonlyArray<string> | undefined },
  stream: string,
): boolean =>
  projection.streamPrefixes === undefined ||
  projection.streamPrefixes.some((p) => stream.startsWith(p));

/** Folds a sequence of events into a projection from its initial state. */
export const foldProjection = <S>(projection: Projection<S>, events: Iterable<DecodedEvent>): S => {
  let state = projection.initialState();
  for (const e of events)
    if (appliesTo(projection, e.recorded.stream)) state = projection.apply(state, e);
  return state;
};

/** A projection with no state of its own: it hands each event to `visit` (a collector keeps what it needs). */
export const visitEach = (
  name: string,
  visit: (event: DecodedEvent) => void,
): Projection<null> => ({
  name,
  initialState: () => null,
  apply: (state, event) => {
    visit(event);
    return state;
  },
});
