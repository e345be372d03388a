import {
  checkCommands,
  commandsOf,
  StreamNotFoundError,
  type CommandRecord,
  type EventToAppend,
  type RecordedEvent,
} from '@aimline/kernel';
import { BACKWARDS, END, ErrorType, jsonEvent, NO_STREAM } from '@eventstore/db-client';
import type { EventStoreDbClientLike } from './client-port.js';
import { consumeRead } from './client-reads.js';
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
  const mapError = (e: unknown) =>
    mapClientError(e, { operation: `read the claim of command ${commandId}`, stream });
  try {
    const read = client.readStream(stream, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    });
    for await (const resolved of consumeRead(read, mapError)) {
      const data = resolved.event?.data as Partial<Claim> | undefined;
      if (typeof data?.fingerprint === 'string' && typeof data.stream === 'string')
        return { fingerprint: data.fingerprint, stream: data.stream };
    }
    return undefined;
  } catch (e) {
    if (e instanceof StreamNotFoundError) return undefined;
    throw e;
  }
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
 * its events are appended, and the first claim wins. A claimed id with another fingerprint or
 * stream is an `IdempotencyConflictError`; the same fingerprint is a retry, answered with the
 * events the command recorded (or appended now, when a crash came between claim and append).
 */
export const checkCommandClaims = async (
  client: EventStoreDbClientLike,
  stream: string,
  events: ReadonlyArray<EventToAppend>,
): Promise<RecordedEvent[] | undefined> => {
  const records = new Map<string, CommandRecord>();
  const recorded = new Map<string, RecordedEvent[]>();
  const addRecord = async (commandId: string, found: Claim): Promise<void> => {
    const own = await eventsOfCommand(client, found.stream, commandId);
    recorded.set(commandId.toLowerCase(), own);
    records.set(commandId.toLowerCase(), {
      commandId,
      fingerprint: found.fingerprint,
      stream: found.stream,
      revision: own[0]?.revision ?? -1,
      position: own[0]?.position ?? -1n,
    });
  };
  const commands = [...commandsOf(stream, events).values()];
  for (const { commandId } of commands) {
    const found = await readClaim(client, commandId);
    if (found !== undefined) await addRecord(commandId, found);
  }
  const check = checkCommands(stream, events, (id) => records.get(id.toLowerCase()));
  if (check.kind === 'retry') {
    const original = check.commands.flatMap((c) => recorded.get(c.commandId.toLowerCase())!);
    // A claim whose events never arrived (the writer stopped in between): append them now.
    return original.length === 0 ? undefined : original;
  }
  for (const { commandId, fingerprint } of commands) {
    const other = await claim(client, commandId, { fingerprint, stream });
    if (other === undefined) continue;
    await addRecord(commandId, other);
    checkCommands(stream, events, (id) => records.get(id.toLowerCase()));
  }
  return undefined;
};
