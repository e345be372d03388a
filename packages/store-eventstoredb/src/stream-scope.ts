import type { StreamFilter } from '@aimline/kernel';

/**
 * A read's filter narrowed to the stream prefixes the store owns (`streamPrefixes` of the
 * store's options), so streams that other applications keep in the same server are never
 * read as Aimline events: the intersection of two sets of prefixes, itself a set of prefixes
 * (`a-` ∩ `a-b-` = `a-b-`; unrelated prefixes give nothing). No owned prefixes: the filter
 * as given.
 */
export const scopedFilter = (
  filter: StreamFilter | undefined,
  owned: ReadonlyArray<string> | undefined,
): StreamFilter | undefined => {
  if (owned === undefined) return filter;
  if (filter === undefined) return { streamPrefixes: [...owned] };
  const both = new Set<string>();
  for (const f of filter.streamPrefixes)
    for (const o of owned) {
      if (f.startsWith(o)) both.add(f);
      else if (o.startsWith(f)) both.add(o);
    }
  return { streamPrefixes: [...both] };
};
