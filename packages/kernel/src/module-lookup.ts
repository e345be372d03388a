/**
 * The module that owns a stream: the one whose `streamPrefix` is the longest the stream's name
 * starts with, so `panel-referral-r-1` belongs to `panel-referral-`, not to `panel-`. The one way
 * every reader, store decorator and registry finds a stream's module.
 *
 * ```ts
 * const moduleOf = moduleLookup(modules);
 * moduleOf('meeting-m-1'); // the meeting module, or undefined when no module owns the stream
 * ```
 */
export const moduleLookup = <M extends { readonly streamPrefix: string }>(
  modules: ReadonlyArray<M>,
): ((stream: string) => M | undefined) => {
  const longestFirst = [...modules].sort((a, b) => b.streamPrefix.length - a.streamPrefix.length);
  return (stream) => longestFirst.find((m) => stream.startsWith(m.streamPrefix));
};
