import { randomUUID } from 'node:crypto';
import { InvalidAppendError, type CheckpointStore } from '@aimline/kernel';
import { ErrorType, jsonEvent, NO_STREAM } from '@eventstore/db-client';
import { positionFromText, positionToText } from './bigint-conversion.js';
import { readLastEvent } from './client-reads.js';
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
 *
 * A save appends with the exact revision last seen for the name, never `any`: a save whose
 * outcome was in doubt (no answer in time during a leader change) and that the server applies
 * late then fails on the revision instead of overwriting a newer checkpoint, so a checkpoint
 * never moves back by itself (which would deliver events twice). On a revision conflict the save
 * reads the latest revision and writes again: the last save called wins.
 */
export const eventStoreDbCheckpoints = (
  client: EventStoreDbClientLike,
  ensureOpen: () => void,
): CheckpointStore => {
  const limited = new Set<string>();
  /** The revision of each checkpoint stream as last read or written here (undefined: no stream). */
  const revisions = new Map<string, bigint | undefined>();
  const readLatest = async (
    name: string,
  ): Promise<{ revision: bigint; position: unknown } | undefined> => {
    const last = await readLastEvent(client, checkpointStreamOf(name), `load checkpoint ${name}`);
    const latest =
      last === undefined
        ? undefined
        : {
            revision: last.revision,
            position: (last.data as { position?: unknown } | undefined)?.position,
          };
    revisions.set(name, latest?.revision);
    return latest;
  };
  return {
    load: async (name) => {
      ensureOpen();
      const latest = await readLatest(name);
      return latest === undefined
        ? undefined
        : positionFromText(latest.position, `${checkpointStreamOf(name)}@${latest.revision}`);
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
        for (let attempt = 0; ; attempt++) {
          if (!revisions.has(name)) await readLatest(name);
          const known = revisions.get(name);
          try {
            const result = await client.appendToStream(
              stream,
              [
                jsonEvent({
                  id: randomUUID(),
                  type: CHECKPOINT_EVENT_TYPE,
                  data: { name, position: positionToText(position) },
                }),
              ],
              { expectedRevision: known ?? NO_STREAM },
            );
            revisions.set(name, result.nextExpectedRevision);
            return;
          } catch (e) {
            // Whatever happened, what this process knows of the stream is no longer sure.
            revisions.delete(name);
            if (!isWrongExpectedVersion(e) || attempt >= 20) throw e;
          }
        }
      } catch (e) {
        throw mapClientError(e, { operation: `save checkpoint ${name}`, stream });
      }
    },
  };
};

const isWrongExpectedVersion = (e: unknown): boolean =>
  typeof e === 'object' &&
  e !== null &&
  (e as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION;
