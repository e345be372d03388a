import { collect, UnavailableError } from '@aimline/kernel';
import { samples } from '@aimline/kernel/testing';
import { describe, expect, it } from 'vitest';
import { openEventStoreDbStore, type ReconnectNotice } from '../src/index.js';
import { waitUntil } from './support/real-server-helpers.js';

// The real client (grpc-js) against a Unix socket nobody listens on: what an unreachable
// server looks like to the adapter (the client throws a raw gRPC error with code 14 on
// appends and its own UnavailableError on reads), without needing a server.
const url = `unix:///tmp/aimline-no-server-${process.pid}.sock`;

describe('EventStoreDbStore with an unreachable server (real client)', () => {
  it('reports appends, reads and checkpoints as UnavailableError (retryable)', async () => {
    const store = openEventStoreDbStore(url);
    try {
      await expect(
        store.append('hsb-case-1', samples(1), { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(UnavailableError);
      await expect(store.streamRevision('hsb-case-1')).rejects.toMatchObject({
        kind: 'Unavailable',
        retryable: true,
      });
      await expect(collect(store.readAll())).rejects.toBeInstanceOf(UnavailableError);
      await expect(store.checkpoints.save('p', 1n)).rejects.toBeInstanceOf(UnavailableError);
    } finally {
      await store.dispose();
    }
  });

  it('keeps trying to (re)subscribe with backoff, telling why, until closed', async () => {
    const notices: ReconnectNotice[] = [];
    const store = openEventStoreDbStore(url, {
      subscriptions: {
        reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
        onReconnect: (n) => notices.push(n),
      },
    });
    const sub = store.subscribe({ filter: { streamPrefixes: ['hsb-case-'] } });
    const pending = sub[Symbol.asyncIterator]().next();
    await waitUntil(() => notices.length >= 3, 'three reconnection notices');
    await sub.close();
    expect((await pending).done).toBe(true);
    expect(notices.slice(0, 3).map((n) => n.attempt)).toEqual([1, 2, 3]);
    for (const n of notices) expect(n.error).toBeInstanceOf(UnavailableError);
    await store.dispose();
  });
});
