import {
  checkCommands,
  commandsOf,
  type CommandRecord,
  type EventToAppend,
  type RecordedEvent,
} from '@aimline/kernel';
import { ErrorType, jsonEvent, NO_STREAM } from '@eventstore/db-client';
import type { EventStoreDbClientLike } from './client-port.js';
import { readLastEvent } from './client-reads.js';
import { mapClientError } from './error-mapping.js';
import { COMMAND_STREAM_PREFIX } from './event-codec.js';
import { readStreamEvents } from './stream-reads.js';

export const COMMAND_CLAIM_EVENT_TYPE = 'AimlineCommandClaimed';

/** The stream that holds the claim of a command id (`aimline-command-<id>`, lower case). */
export const commandStreamOf = (commandId: string): string =>
  `${COMMAND_STREAM_PREFIX}${commandId.toLowerCase()}`;

interface Claim {
  readonly fingerprint: string;
  readonly stream: string;
}

const readClaim = async (
  client: EventStoreDbClientLike,
  commandId: string,
): Promise<Claim | undefined> => {
  const stream = commandStreamOf(commandId);
  const last = await readLastEvent(client, stream, `read the claim of command ${commandId}`);
  const data = last?.data as Partial<Claim> | undefined;
  return typeof data?.fingerprint === 'string' && typeof data.stream === 'string'
    ? { fingerprint: data.fingerprint, stream: data.stream }
    : undefined;
};

/** The events a command recorded in `stream` (found by reading the stream backwards). */
const eventsOfCommand = async (
  client: EventStoreDbClientLike,
  stream: string,
  commandId: string,
): Promise<RecordedEvent[]> => {
  const key = commandId.toLowerCase();
  const found: RecordedEvent[] = [];
  for await (const e of readStreamEvents(client, stream, { direction: 'backwards' })) {
    if (e.metadata.commandId.toLowerCase() === key) found.unshift(e);
    else if (found.length > 0) break;
  }
  return found;
};

/** Claims a command id (first writer wins); returns the claim another writer made first, if any. */
const claim = async (
  client: EventStoreDbClientLike,
  commandId: string,
  mine: Claim,
): Promise<Claim | undefined> => {
  const stream = commandStreamOf(commandId);
  try {
    await client.appendToStream(
      stream,
      [jsonEvent({ type: COMMAND_CLAIM_EVENT_TYPE, data: { commandId, ...mine } })],
      { expectedRevision: NO_STREAM },
    );
    return undefined;
  } catch (e) {
    if ((e as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION)
      return readClaim(client, commandId);
    throw mapClientError(e, { operation: `claim command ${commandId}`, stream });
  }
};

/**
 * Idempotency by command on EventStoreDB, which has no transaction across streams: each command
 * id is claimed in a stream of its own (`aimline-command-<id>`: fingerprint and stream) before
 * its events are appended, and the first claim wins. The claim is written first (one round
 * trip for a new command); only when it exists already is it read:
 * - another fingerprint or stream: an `IdempotencyConflictError`;
 * - the same fingerprint and stream, with the command's events in the stream: a retry,
 *   answered with the events the command recorded;
 * - the same fingerprint and stream, without events: the writer stopped between its claims and
 *   its append (a multi-command batch can be cut off between two claims). The command counts as
 *   new, so a retry of the identical batch completes it instead of being refused.
 */
export const checkCommandClaims = async (
  client: EventStoreDbClientLike,
  stream: string,
  events: ReadonlyArray<EventToAppend>,
): Promise<RecordedEvent[] | undefined> => {
  const records = new Map<string, CommandRecord>();
  const recorded = new Map<string, RecordedEvent[]>();
  for (const { commandId, fingerprint } of commandsOf(stream, events).values()) {
    const first = await claim(client, commandId, { fingerprint, stream });
    if (first === undefined) continue;
    const own = await eventsOfCommand(client, first.stream, commandId);
    const unfinished = first.fingerprint === fingerprint && first.stream === stream;
    if (unfinished && own.length === 0) continue;
    recorded.set(commandId.toLowerCase(), own);
    records.set(commandId.toLowerCase(), {
      commandId,
      fingerprint: first.fingerprint,
      stream: first.stream,
      revision: own[0]?.revision ?? -1,
      position: own[0]?.position ?? -1n,
    });
  }
  const check = checkCommands(stream, events, (id) => records.get(id.toLowerCase()));
  if (check.kind === 'new') return undefined;
  return check.commands.flatMap((c) => recorded.get(c.commandId.toLowerCase())!);
};
