import {
  appendResultOf,
  attachStoredJson,
  chainEventsWithJson,
  CorruptStoreError,
  checkCommands,
  classifyAppend,
  commandsOf,
  GENESIS_HASH,
  InvalidAppendError,
  meetsExpected,
  missingStreamTail,
  WrongExpectedRevisionError,
  type AppendResult,
  type ChainKey,
  type CommandRecord,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
} from '@aimline/kernel';
import { decodeRowStrictly, type EventRow } from './rows.js';
import { extendChain, type StoredHead } from './global-chain.js';
import type { Statements } from './statements.js';

/** Where a command was first recorded, from the `commands` table. */
const lookupCommand = (statements: Statements, commandId: string): CommandRecord | undefined => {
  const row = statements.command.get(commandId) as
    [string, string | null, string, number | null, number, number] | undefined;
  if (row === undefined) return undefined;
  return {
    commandId: row[0],
    fingerprint: row[1] ?? undefined,
    stream: row[2],
    revision: row[3] ?? undefined,
    position: BigInt(row[4]),
  };
};

/**
 * The events a recorded command stored (its positions are contiguous: one append, one
 * transaction); none for an unknown command id.
 */
export const eventsOfCommand = (
  statements: Statements,
  location: string,
  commandId: string,
): RecordedEvent[] => {
  const row = statements.command.get(commandId) as unknown[] | undefined;
  if (row === undefined) return [];
  return (statements.range.all(row[4], row[5]) as EventRow[]).map((r) =>
    decodeRowStrictly(r, location),
  );
};

/**
 * Refuses to build on a stream whose command index records an event after its last stored one
 * (events deleted from its end: the kernel's `missingStreamTail`): the append would take the lost revisions' places and link
 * past them, and the index would no longer show the loss.
 */
const refuseLostTail = (
  statements: Statements,
  location: string,
  stream: string,
  last: RecordedEvent | undefined,
): void => {
  const missing = missingStreamTail(statements.streamEnd.get(stream) as bigint | undefined, last);
  if (missing !== undefined)
    throw new CorruptStoreError(`${location}, stream "${stream}"`, missing.why);
};

/** What the global chain needs at append: the store identity and the key, if one is configured. */
export interface ChainContext {
  readonly identity: string;
  readonly key: ChainKey | undefined;
}

/**
 * The global chain's head while a group of appends is written: read once when the group's
 * transaction starts, moved on by each append that stores events, saved once before the commit.
 */
export interface HeadCursor {
  head: StoredHead;
}

/**
 * One append inside SQLite's write transaction: idempotency by command (fingerprints), then
 * by event id, the expected revision, the hash chain (canonical JSON once per event: the same
 * text is hashed and stored), the rows and the command index. The global chain's head moves in
 * `cursor` only once every row is written, so an append that throws leaves it as it was.
 */
export const appendInTransaction = (
  statements: Statements,
  location: string,
  chain: ChainContext,
  cursor: HeadCursor,
  stream: string,
  events: ReadonlyArray<EventToAppend>,
  expected: ExpectedRevision,
): { result: AppendResult; stored: boolean } => {
  const { byId, last, insert, insertCommand } = statements;
  const commands = checkCommands(stream, events, (id) => lookupCommand(statements, id));
  if (commands.kind === 'retry') {
    const original = commands.found
      .flatMap((c) => eventsOfCommand(statements, location, c.commandId))
      .sort((a, b) => (a.position < b.position ? -1 : 1));
    return { result: appendResultOf(original), stored: false };
  }
  const classification = classifyAppend(stream, events, (id) => {
    const row = byId.get(id) as EventRow | undefined;
    return row === undefined ? undefined : decodeRowStrictly(row, location);
  });
  if (classification.kind === 'retry')
    return { result: appendResultOf(classification.found), stored: false };
  const lastRow = last.get(stream) as EventRow | undefined;
  const previous = lastRow === undefined ? undefined : decodeRowStrictly(lastRow, location);
  refuseLostTail(statements, location, stream, previous);
  const current = previous?.revision;
  if (!meetsExpected(expected, current))
    throw new WrongExpectedRevisionError(stream, expected, current);
  let chained: ReturnType<typeof chainEventsWithJson>;
  try {
    chained = chainEventsWithJson(stream, current, previous?.metadata.hash ?? GENESIS_HASH, events);
  } catch (e) {
    throw new InvalidAppendError(
      stream,
      `an event cannot be stored as JSON: ${(e as Error).message}`,
    );
  }
  const extended = extendChain(
    cursor.head,
    chained.map((c) => c.event.metadata.hash),
    chain.identity,
    chain.key,
  );
  const recorded = chained.map(({ event: e, json }, i): RecordedEvent => {
    const { position, link, mac } = extended.links[i]!;
    insert.run(
      position,
      e.id,
      stream,
      e.revision,
      e.type,
      e.schemaVersion,
      json.data,
      json.metadata,
      link,
      mac,
    );
    return attachStoredJson({ ...e, position }, json);
  });
  for (const [key, command] of commandsOf(stream, events)) {
    const own = recorded.filter((e) => e.metadata.commandId.toLowerCase() === key);
    insertCommand.run(
      command.commandId,
      command.fingerprint,
      stream,
      own[0]!.position,
      own[own.length - 1]!.position,
    );
  }
  cursor.head = extended.head;
  return { result: appendResultOf(recorded), stored: true };
};
