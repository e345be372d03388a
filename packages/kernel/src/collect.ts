/** Every item of an async iterable, in order, in one array (a whole read of a stream, a page). */
export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
};
