import {
  checkCommands,
  commandsOf,
  type CommandRecord,
  type EventToAppend,
  type RecordedEvent,
} from '@aimline/kernel';
import { ErrorType, jsonEvent, NO_STREAM } from '@eventstore/db-client';
import { commitPositionOf } from './bigint-conversion.js';
import type { EventStoreDbClientLike } from './client-port.js';
import { readLastEvent } from './client-reads.js';
import { mapClientError } from './error-mapping.js';
import { COMMAND_STREAM_PREFIX, fromResolvedEventStrictly } from './event-codec.js';
import { readStreamEvents, STREAM_PAGE_SIZE } from './stream-reads.js';

export const COMMAND_CLAIM_EVENT_TYPE = 'AimlineCommandClaimed';

/** The stream that holds the claim of a command id (`aimline-command-<id>`, lower case). */
export const commandStreamOf = (commandId: string): string =>
  `${COMMAND_STREAM_PREFIX}${commandId.toLowerCase()}`;

interface Claim {
  readonly fingerprint: string;
  readonly stream: string;
}

/** A claim as stored, with its `$all` position. */
interface StoredClaim extends Claim {
  readonly position: bigint;
}

const readClaim = async (
  client: EventStoreDbClientLike,
  commandId: string,
): Promise<StoredClaim | undefined> => {
  const stream = commandStreamOf(commandId);
  const last = await readLastEvent(client, stream, `read the claim of command ${commandId}`);
  const data = last?.data as Partial<Claim> | undefined;
  const position = commitPositionOf(last?.position?.commit);
  return typeof data?.fingerprint === 'string' &&
    typeof data.stream === 'string' &&
    position !== undefined
    ? { fingerprint: data.fingerprint, stream: data.stream, position }
    : undefined;
};

/**
 * Claims a command id (first writer wins). Returns the claim as stored: this writer's own
 * (`mine`) or the one another writer made first.
 */
const claim = async (
  client: EventStoreDbClientLike,
  commandId: string,
  mine: Claim,
): Promise<StoredClaim & { readonly mine: boolean }> => {
  const stream = commandStreamOf(commandId);
  let failure: unknown;
  try {
    const written = await client.appendToStream(
      stream,
      [jsonEvent({ type: COMMAND_CLAIM_EVENT_TYPE, data: { commandId, ...mine } })],
      { expectedRevision: NO_STREAM },
    );
    const position = commitPositionOf(written.position?.commit);
    if (position !== undefined) return { ...mine, position, mine: true };
  } catch (e) {
    if ((e as { type?: unknown }).type !== ErrorType.WRONG_EXPECTED_VERSION)
      throw mapClientError(e, { operation: `claim command ${commandId}`, stream });
    failure = e;
  }
  // Claimed first by another writer (or written without a position in the answer): read it.
  const stored = await readClaim(client, commandId);
  if (stored === undefined)
    throw mapClientError(failure ?? new Error('the claim has no position'), {
      operation: `claim command ${commandId}`,
      stream,
    });
  return { ...stored, mine: failure === undefined };
};

/** The commands an append records and where their events can be: after `floor` in `$all`. */
export interface ClaimedCommands {
  /** Lower-case command id → the command id and fingerprint of this append. */
  readonly commands: ReadonlyMap<
    string,
    { readonly commandId: string; readonly fingerprint: string }
  >;
  /**
   * The lowest `$all` position of their claims. Every writer claims a command before it
   * appends its events, so no event of these commands is at or before this position.
   */
  readonly floor: bigint;
}

/**
 * Idempotency by command on EventStoreDB, which has no transaction across streams: each command
 * id is claimed in a stream of its own (`aimline-command-<id>`: fingerprint and stream) before
 * its events are appended, and the first claim wins. Claims are written first (one round trip
 * for every command of the append at once); only a claim that exists already is read:
 * - another fingerprint or stream: an `IdempotencyConflictError` naming where it was recorded;
 * - the same fingerprint and stream: the same command, sent again. Whether its events are
 *   stored already (a retry: the original result), still being appended by another writer (a
 *   resend racing the original), or were never appended (a batch cut off between its claims)
 *   is decided by `recordedCommands` on every attempt of the append, against the exact
 *   revision it appends at.
 */
export const claimCommands = async (
  client: EventStoreDbClientLike,
  stream: string,
  events: ReadonlyArray<EventToAppend>,
): Promise<ClaimedCommands> => {
  const commands = commandsOf(stream, events);
  // All at once, and all settled before anything is reported: when the append fails, none of
  // its claims is still on its way.
  const settled = await Promise.allSettled(
    [...commands.values()].map(async (c) => ({
      ...c,
      claim: await claim(client, c.commandId, { fingerprint: c.fingerprint, stream }),
    })),
  );
  const claims = settled.map((r) => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  });
  const conflicts = new Map<string, CommandRecord>();
  for (const { commandId, fingerprint, claim: first } of claims) {
    if (first.fingerprint === fingerprint && first.stream === stream) continue;
    const own = await eventsOfCommand(client, first.stream, commandId, first.position);
    conflicts.set(commandId.toLowerCase(), {
      commandId,
      fingerprint: first.fingerprint,
      stream: first.stream,
      revision: own[0]?.revision,
      position: own[0]?.position,
    });
  }
  // Throws the IdempotencyConflictError for the first command claimed otherwise.
  if (conflicts.size > 0) checkCommands(stream, events, (id) => conflicts.get(id.toLowerCase()));
  const floor = claims.map((c) => c.claim.position).reduce((low, p) => (p < low ? p : low));
  return { commands, floor };
};

/**
 * The events a recorded command stored (oldest first), found through its claim: the claim names
 * the stream and is older than every event of the command, so the stream is read backwards
 * down to the claim and no further. Empty when the id was never claimed, or its events are
 * not appended (a batch cut off between its claims and its append).
 */
export const eventsOfClaimedCommand = async (
  client: EventStoreDbClientLike,
  commandId: string,
): Promise<RecordedEvent[]> => {
  const claimed = await readClaim(client, commandId);
  return claimed === undefined
    ? []
    : eventsOfCommand(client, claimed.stream, commandId, claimed.position);
};

/**
 * The events of `commandId` in `stream` (oldest first), found by reading the stream backwards
 * down to the command's claim at `floor` (nothing of the command can be older).
 */
const eventsOfCommand = async (
  client: EventStoreDbClientLike,
  stream: string,
  commandId: string,
  floor: bigint,
): Promise<RecordedEvent[]> => {
  const key = commandId.toLowerCase();
  const found: RecordedEvent[] = [];
  for await (const e of readStreamEvents(
    client,
    stream,
    { direction: 'backwards' },
    STREAM_PAGE_SIZE,
    fromResolvedEventStrictly,
  )) {
    if (e.position <= floor) break;
    if (e.metadata.commandId.toLowerCase() === key) found.unshift(e);
    else if (found.length > 0) break;
  }
  return found;
};

/**
 * The events the append's commands recorded in `stream` up to its last revision, when it is
 * a retry (every command recorded, with the same fingerprint), or undefined when none is
 * recorded. Looks through `tail` (the stream's newest events, newest first, as last read)
 * and, below it, reads backwards — only events after the claims' `floor` can be the
 * commands'. The tail an adapter remembers from an earlier append predates the claims, so
 * in the usual case this reads nothing.
 *
 * The store appends at exactly the revision of `tail[0]`, so one command is never appended
 * twice: a writer that appended it first either is seen here or moved the stream past that
 * revision, which makes the append fail and the store look again.
 */
export const recordedCommands = async (
  client: EventStoreDbClientLike,
  stream: string,
  events: ReadonlyArray<EventToAppend>,
  claimed: ClaimedCommands,
  tail: ReadonlyArray<RecordedEvent>,
): Promise<RecordedEvent[] | undefined> => {
  const found = new Map<string, RecordedEvent[]>();
  /** Takes in one event (newest first); false when nothing older can be the commands'. */
  const visit = (e: RecordedEvent): boolean => {
    if (e.position <= claimed.floor) return false;
    const key = e.metadata.commandId.toLowerCase();
    if (claimed.commands.has(key)) found.set(key, [e, ...(found.get(key) ?? [])]);
    // One append holds all of a retried batch's events: past them, the search is over.
    else if (found.size === claimed.commands.size) return false;
    return true;
  };
  let older = true;
  for (const e of tail) if (!(older = visit(e))) break;
  const oldest = tail[tail.length - 1];
  if (older && oldest !== undefined && oldest.revision > 0)
    for await (const e of readStreamEvents(
      client,
      stream,
      { direction: 'backwards', fromRevision: oldest.revision - 1 },
      STREAM_PAGE_SIZE,
      fromResolvedEventStrictly,
    ))
      if (!visit(e)) break;
  if (found.size === 0) return undefined;
  const records = new Map<string, CommandRecord>();
  for (const [key, own] of found) {
    const first = own[0]!;
    records.set(key, {
      commandId: first.metadata.commandId,
      fingerprint: first.metadata.commandFingerprint,
      stream,
      revision: first.revision,
      position: first.position,
    });
  }
  const check = checkCommands(stream, events, (id) => records.get(id.toLowerCase()));
  if (check.kind === 'new') return undefined;
  return check.found.flatMap((c) => found.get(c.commandId.toLowerCase())!);
};
