import { collect, UnavailableError } from '@aimline/kernel';
import { samples, uniquePrefix } from '@aimline/kernel/testing';
import { describe, expect, it } from 'vitest';
import { openEventStoreDbStore, type EventStoreDbClientLike } from '../src/index.js';
import { FakeEventStoreDbClient } from './support/fake-eventstoredb-client.js';

// Every call the adapter makes to the client is bounded. Seen on a real 3-node cluster: a
// client connected to a follower sends an append, the follower forwards it to the leader, the
// leader is killed — and the follower never answers. The 6.2.1 client sends appends over a
// batch-append stream opened with no deadline, so without a bound of its own the append (and
// its caller) waited forever.
const never = new Promise<never>(() => undefined);

/** The fake client, except that the calls named in `silent` are never answered. */
const silentClient = (
  silent: ReadonlySet<'append' | 'read' | 'metadata' | 'dispose'>,
): { client: EventStoreDbClientLike; deadlines: unknown[] } => {
  const fake = new FakeEventStoreDbClient();
  const deadlines: unknown[] = [];
  const client: EventStoreDbClientLike = {
    appendToStream: (stream, events, options) => {
      deadlines.push(options.deadline);
      return silent.has('append') ? never : fake.appendToStream(stream, events, options);
    },
    readStream: (stream, options) => {
      deadlines.push(options.deadline);
      return silent.has('read')
        ? { [Symbol.asyncIterator]: () => ({ next: () => never }) }
        : fake.readStream(stream, options);
    },
    readAll: (options) => fake.readAll(options),
    subscribeToAll: (options) => fake.subscribeToAll(options),
    setStreamMetadata: (stream, metadata) =>
      silent.has('metadata') ? never : fake.setStreamMetadata(stream, metadata),
    dispose: () => (silent.has('dispose') ? never : fake.dispose()),
  };
  return { client, deadlines };
};

describe('EventStoreDbStore bounds every client call (callTimeoutMs)', () => {
  it('fails an append the server never answers with a retryable UnavailableError naming the stream, and passes the deadline to the client', async () => {
    const { client, deadlines } = silentClient(new Set(['append']));
    const store = openEventStoreDbStore(client, { callTimeoutMs: 200 });
    const stream = `${uniquePrefix('deadline')}1`;
    const failure = await store
      .append(stream, samples(1), { expectedRevision: 'no-stream' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UnavailableError);
    expect((failure as UnavailableError).retryable).toBe(true);
    expect((failure as Error).message).toMatch(/within 200 ms/);
    expect(deadlines.every((d) => d === 200)).toBe(true);
  });

  it('fails a read the server never answers with UnavailableError', async () => {
    const { client } = silentClient(new Set(['read']));
    const store = openEventStoreDbStore(client, { callTimeoutMs: 200 });
    await expect(collect(store.readStream('s-1'))).rejects.toBeInstanceOf(UnavailableError);
    await expect(store.checkpoints.load('c')).rejects.toBeInstanceOf(UnavailableError);
  });

  it('fails a checkpoint save whose metadata write is never answered with UnavailableError', async () => {
    const { client } = silentClient(new Set(['metadata']));
    const store = openEventStoreDbStore(client, { callTimeoutMs: 200 });
    await expect(store.checkpoints.save('c', 1n)).rejects.toBeInstanceOf(UnavailableError);
  });

  it('returns from dispose() even when the client never finishes closing', async () => {
    const { client } = silentClient(new Set(['dispose']));
    const store = openEventStoreDbStore(client, { callTimeoutMs: 200, disposeClient: true });
    await expect(store.dispose()).resolves.toBeUndefined();
  });
});
