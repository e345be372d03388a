/**
 * The evolve toolkit: the state updates every domain's `evolve` makes, written once. Each returns
 * a new state and leaves the old one as it was (evolve folds facts; it never mutates).
 */

/** The fields of `S` that hold lists. */
export type ListField<S> = {
  [K in keyof S]-?: S[K] extends ReadonlyArray<unknown> ? K : never;
}[keyof S];

type ItemOf<L> = L extends ReadonlyArray<infer A> ? A : never;

/**
 * `state` with `items` added at the end of its list `field`:
 * `appended(s, 'documents', event.data.documentRef)`.
 */
export const appended = <S, K extends ListField<S>>(
  state: S,
  field: K,
  ...items: ReadonlyArray<ItemOf<S[K]>>
): S => ({ ...state, [field]: [...(state[field] as ReadonlyArray<ItemOf<S[K]>>), ...items] });
