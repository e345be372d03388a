import type { EventStore } from './event-store.js';

/**
 * Every member of the port. `satisfies` makes a member added to `EventStore` a type error here
 * until it is named, so `delegatingStore` can never drop one silently.
 */
const portMembers = {
  append: true,
  appendMany: true,
  readStream: true,
  streamRevision: true,
  streamRevisions: true,
  eventsOfCommand: true,
  recordedStreamEnd: true,
  readAll: true,
  headPosition: true,
  subscribe: true,
  checkpoints: true,
  identity: true,
  dispose: true,
} as const satisfies Record<keyof EventStore, true>;

/**
 * The one way to write a store wrapper (a decorator that encrypts, times, counts or alters):
 * a store that hands every member of the port to `inner` except those `overrides` gives. An
 * optional member (`appendMany`, `streamRevisions`, `eventsOfCommand`,
 * `recordedStreamEnd`) is offered exactly when
 * `inner` offers it, unless overridden; an override of `undefined` withholds it. Members that
 * are not part of the port (`overrides` may add its own, e.g. a counter) are not forwarded.
 *
 * ```ts
 * const timed = delegatingStore(inner, {
 *   append: async (stream, events, options) => time(() => inner.append(stream, events, options)),
 * });
 * ```
 */
export const delegatingStore = <O extends StoreOverrides>(
  inner: EventStore,
  overrides: O,
): EventStore & Omit<O, keyof EventStore> => {
  const store: Record<string, unknown> = {};
  for (const name of Object.keys(portMembers) as Array<keyof EventStore>) {
    if (Object.hasOwn(overrides, name)) continue;
    const member: unknown = Reflect.get(inner, name);
    if (member !== undefined)
      store[name] =
        typeof member === 'function'
          ? (member as (...a: unknown[]) => unknown).bind(inner)
          : member;
  }
  for (const [name, value] of Object.entries(overrides))
    if (value !== undefined) store[name] = value;
  return store as unknown as EventStore & Omit<O, keyof EventStore>;
};

/** Members that replace the inner store's; `undefined` withholds an optional one. */
export type StoreOverrides = { readonly [K in keyof EventStore]?: EventStore[K] | undefined };
