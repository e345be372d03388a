import type { PersonalDataUse } from '@aimline/kernel';
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
  /**
   * Only events of these types are applied (undefined: all). The others of its streams are
   * still read and decoded (so a bad one is still refused and reported), never folded.
   */
  readonly eventTypes?: ReadonlyArray<string>;
  /**
   * The personal data its state and output read (categories, or single fields as the codecs
   * declare them): a replay or runner reads for it with only these opened (an encrypting store
   * decrypts nothing else, the rest read `[withheld:<category>]`, and the access log records
   * only these as read). `[]`: none. Undefined: every category the reader may see, for a
   * projection whose state is shown as it was folded.
   */
  readonly personalData?: PersonalDataUse;
  readonly initialState: () => S;
  /**
   * The state from a saved snapshot (its `JSON.parse`d text), when the state is more than plain
   * data (a per-stream table); without it the parsed snapshot is the state. It answers undefined
   * for a snapshot that lacks what the state now keeps (saved by an older version): the runner
   * then rebuilds the state from the first event, so what it lacked is derived from history.
   */
  readonly restore?: (saved: unknown) => S | undefined;
  readonly apply: (state: S, event: DecodedEvent) => S;
}

/** Whether a projection reads a stream (its `streamPrefixes`). */
export const appliesTo = (
  projection: { readonly streamPrefixes?: ReadonlyArray<string> | undefined },
  stream: string,
): boolean =>
  projection.streamPrefixes === undefined ||
  projection.streamPrefixes.some((p) => stream.startsWith(p));

/**
 * The read option that opens only what a projection reads (its `personalData`): none when it
 * declares none, so the store's default (every category the reader may see) holds.
 */
export const personalDataOf = (projection: {
  readonly personalData?: PersonalDataUse | undefined;
}): { readonly personalData?: PersonalDataUse } =>
  projection.personalData === undefined ? {} : { personalData: projection.personalData };

/** Whether a projection folds an event of this type (its `eventTypes`). */
export const subscribesTo = (
  projection: { readonly eventTypes?: ReadonlyArray<string> | undefined },
  type: string,
): boolean => projection.eventTypes === undefined || projection.eventTypes.includes(type);

/** Folds a sequence of events into a projection from its initial state. */
export const foldProjection = <S>(projection: Projection<S>, events: Iterable<DecodedEvent>): S => {
  let state = projection.initialState();
  for (const e of events)
    if (appliesTo(projection, e.recorded.stream) && subscribesTo(projection, e.recorded.type))
      state = projection.apply(state, e);
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
