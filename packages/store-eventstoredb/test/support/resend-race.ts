import type { ExpectedRevision } from '@aimline/kernel';
import { collect } from '@aimline/kernel';
import { sampleEvent, uniquePrefix } from '@aimline/kernel/testing';
import { expect } from 'vitest';
import { openEventStoreDbStore, type EventStoreDbClientLike } from '../../src/index.js';
import { commandEvents } from './real-server-helpers.js';

/**
 * A command sent twice, with other event ids the second time (it was decided anew), while the
 * first send is between its claim and its append: the second send finds the claim (same
 * fingerprint and stream) but no events, and appends; then the first send's append goes on.
 * Exactly one of them may be stored, and both callers must get the same events.
 *
 * `port` is the client both writers use (the fake, or the real client's port); the first
 * writer's append to the stream is held until the second writer has appended.
 */
export const resendWhileTheOriginalIsInFlight = async (
  port: EventStoreDbClientLike,
  expected: Extract<ExpectedRevision, 'any' | 'exists'>,
): Promise<void> => {
  const s = `${uniquePrefix(`resend-${expected}`)}1`;
  const reader = openEventStoreDbStore(port);
  if (expected === 'exists')
    await reader.append(s, [sampleEvent(0)], { expectedRevision: 'no-stream' });
  const original = commandEvents(2, 10);
  // The same command (id and fingerprint), decided again: other event ids, other instants.
  const resent = commandEvents(1, 20).map((e) => ({
    ...e,
    metadata: {
      ...e.metadata,
      commandId: original[0]!.metadata.commandId,
      commandFingerprint: original[0]!.metadata.commandFingerprint,
      recordedAt: '2026-03-30T08:00:00.000Z',
    },
  }));
  let reachedAppend!: () => void;
  const atAppend = new Promise<void>((r) => (reachedAppend = r));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held = false;
  const slowWriter: EventStoreDbClientLike = {
    readStream: (stream, options) => port.readStream(stream, options),
    readAll: (options) => port.readAll(options),
    subscribeToAll: (options) => port.subscribeToAll(options),
    setStreamMetadata: (stream, metadata, options) =>
      port.setStreamMetadata(stream, metadata, options),
    dispose: () => Promise.resolve(),
    appendToStream: async (stream, events, options) => {
      if (stream === s && !held) {
        held = true;
        reachedAppend();
        await released;
      }
      return port.appendToStream(stream, events, options);
    },
  };
  const first = openEventStoreDbStore(slowWriter).append(s, original, {
    expectedRevision: expected,
  });
  await atAppend;
  const second = await openEventStoreDbStore(port).append(s, resent, {
    expectedRevision: expected,
  });
  release();
  const firstResult = await first;

  const stored = await collect(reader.readStream(s));
  const ofCommand = stored.filter((e) => e.metadata.commandId === original[0]!.metadata.commandId);
  expect(ofCommand.map((e) => e.id)).toEqual(resent.map((e) => e.id.toLowerCase()));
  expect(firstResult.events).toEqual(second.events);
  expect(stored).toHaveLength((expected === 'exists' ? 1 : 0) + resent.length);
};
