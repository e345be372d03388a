/**
 * Iterates one read of the client (`readStream` / `readAll`), mapping what it throws with
 * `mapError`, and — when the consumer stops early — reads the rest of it before returning.
 *
 * Why: the client's `dispose()` waits until every gRPC call it started has ended, and a read
 * whose last messages nobody consumes never ends (destroying the client's stream object
 * unpipes it from the gRPC call, which then stays paused forever). Against a real server
 * that made `dispose()` hang. So reads are never abandoned, only finished; callers keep each
 * read bounded (a page) so finishing one costs little.
 */
export async function* consumeRead<T>(
  read: AsyncIterable<T>,
  mapError: (error: unknown) => Error,
): AsyncGenerator<T> {
  const iterator = read[Symbol.asyncIterator]();
  let ended = false;
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (e) {
        ended = true;
        throw mapError(e);
      }
      if (next.done === true) {
        ended = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!ended) await finish(iterator);
  }
}

const finish = async <T>(iterator: AsyncIterator<T>): Promise<void> => {
  try {
    while ((await iterator.next()).done !== true);
  } catch {
    // The read failed while being finished: it has ended, which is all that was wanted.
  }
};
