import { randomUUID } from 'node:crypto';
import { InvalidAppendError, StreamNotFoundError, type CheckpointStore } from '@aimline/kernel';
import { ANY, BACKWARDS, END, jsonEvent } from '@eventstore/db-client';
import { positionFromText, positionToText } from './bigint-conversion.js';
import { consumeRead } from './client-reads.js';
import type { EventStoreDbClientLike } from './client-port.js';
import { mapClientError } from './error-mapping.js';
import { CHECKPOINT_STREAM_PREFIX } from './event-codec.js';

export const CHECKPOINT_EVENT_TYPE = 'AimlineCheckpointSaved';

/** The stream that holds checkpoint `name`. */
export const checkpointStreamOf = (name: string): string => `${CHECKPOINT_STREAM_PREFIX}${name}`;

/**
 * Checkpoints kept in the store itself: one stream per name (`aimline-checkpoint-<name>`)
 * whose stream metadata says `$maxCount: 1`, so the server keeps only the latest; a save
 * appends the position (as decimal text: positions are 64-bit), a load reads the last event
 * backwards. The stream metadata is written once per name and process.
 */
export const eventStoreDbCheckpoints = (
  client: EventStoreDbClientLike,
  ensureOpen: () => void,
): CheckpointStore => {
  const limited = new Set<string>();
  return {
    load: async (name) => {
      ensureOpen();
      const stream = checkpointStreamOf(name);
      const mapError = (e: unknown) =>
        mapClientError(e, { operation: `load checkpoint ${name}`, stream });
      try {
        const read = client.readStream(stream, {
          direction: BACKWARDS,
          fromRevision: END,
          maxCount: 1,
        });
        for await (const resolved of consumeRead(read, mapError)) {
          const data = resolved.event?.data as { position?: unknown } | undefined;
          return positionFromText(data?.position, `${stream}@${resolved.event?.revision ?? '?'}`);
        }
        return undefined;
      } catch (e) {
        if (e instanceof StreamNotFoundError) return undefined;
        throw e;
      }
    },
    save: async (name, position) => {
      ensureOpen();
      if (name.length === 0)
        throw new InvalidAppendError(checkpointStreamOf(name), 'a checkpoint needs a name');
      if (position < 0n)
        throw new InvalidAppendError(
          checkpointStreamOf(name),
          `checkpoint position ${position} is negative`,
        );
      const stream = checkpointStreamOf(name);
      try {
        if (!limited.has(name)) {
          await client.setStreamMetadata(stream, { maxCount: 1 });
          limited.add(name);
        }
        await client.appendToStream(
          stream,
          [
            jsonEvent({
              id: randomUUID(),
              type: CHECKPOINT_EVENT_TYPE,
              data: { name, position: positionToText(position) },
            }),
          ],
          { expectedRevision: ANY },
        );
      } catch (e) {
        throw mapClientError(e, { operation: `save checkpoint ${name}`, stream });
      }
    },
  };
};
