import { isFingerprint } from '../command-fingerprint.js';
import type { EventToAppend, RecordedEvent } from '../event.js';
import { sameContent } from './hash-chain.js';
import {
  DuplicateEventIdError,
  IdempotencyConflictError,
  InvalidAppendError,
  type CommandRecord,
} from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses an append that no store should attempt: no stream name, no events, bad or repeated ids. */
export const validateAppend = (stream: string, events: ReadonlyArray<EventToAppend>): void => {
  if (stream.length === 0) throw new InvalidAppendError(stream, 'the stream name is empty');
  if (stream.startsWith('$'))
    throw new InvalidAppendError(stream, 'stream names starting with "$" are reserved');
  if (events.length === 0)
    throw new InvalidAppendError(stream, 'an append needs at least one event');
  const seen = new Set<string>();
  events.forEach((e, i) => {
    if (!UUID.test(e.id))
      throw new InvalidAppendError(stream, `event ${i} has id "${e.id}", which is not a UUID`);
    if (seen.has(e.id.toLowerCase()))
      throw new InvalidAppendError(stream, `event ${i} repeats id ${e.id}`);
    seen.add(e.id.toLowerCase());
    if (e.type.length === 0) throw new InvalidAppendError(stream, `event ${i} has an empty type`);
    if (!Number.isInteger(e.schemaVersion) || e.schemaVersion < 1)
      throw new InvalidAppendError(
        stream,
        `event ${i} has schemaVersion ${e.schemaVersion}; it must be an integer ≥ 1`,
      );
    if (!isFingerprint(e.metadata.commandFingerprint))
      throw new InvalidAppendError(
        stream,
        `event ${i} has no command fingerprint (metadata.commandFingerprint: 64 lower-case hex digits)`,
      );
  });
  commandsOf(stream, events);
};

/**
 * The commands an append records: command id (lower case) → fingerprint. Events of one command
 * carry one fingerprint; anything else is an `InvalidAppendError`.
 */
export const commandsOf = (
  stream: string,
  events: ReadonlyArray<EventToAppend>,
): Map<string, { readonly commandId: string; readonly fingerprint: string }> => {
  const commands = new Map<string, { commandId: string; fingerprint: string }>();
  events.forEach((e, i) => {
    const key = e.metadata.commandId.toLowerCase();
    const known = commands.get(key);
    if (known === undefined)
      commands.set(key, {
        commandId: e.metadata.commandId,
        fingerprint: e.metadata.commandFingerprint,
      });
    else if (known.fingerprint !== e.metadata.commandFingerprint)
      throw new InvalidAppendError(
        stream,
        `event ${i} carries another fingerprint than earlier events of command ${known.commandId}`,
      );
  });
  return commands;
};

/**
 * An append checked against what is stored: new, or a retry of an append already stored —
 * `found` is what was stored for it (the commands' records, or the events themselves).
 */
export type AppendCheck<T> =
  { readonly kind: 'new' } | { readonly kind: 'retry'; readonly found: ReadonlyArray<T> };

/** A check of an append to `stream` against what `lookup` finds stored under a key (any stream). */
type AppendChecker<T> = (
  stream: string,
  events: ReadonlyArray<EventToAppend>,
  lookup: (key: string) => T | undefined,
) => AppendCheck<T>;

/** Idempotency by command: a retry when every command of the append was recorded before with the same fingerprint. */
export type CommandCheck = AppendCheck<CommandRecord>;

/**
 * Idempotency by command. `lookup` finds where a command id (the key) was first recorded (in
 * any stream). An append whose commands were all recorded with the same fingerprints is a retry:
 * the store returns the original result and stores nothing. A command id recorded with
 * another fingerprint (another type, stream, instant, actor or data), or before fingerprints
 * were kept, is an `IdempotencyConflictError`, and so is an append mixing recorded and new
 * commands.
 */
export const checkCommands: AppendChecker<CommandRecord> = (stream, events, lookup) => {
  const recorded: CommandRecord[] = [];
  let fresh: string | undefined;
  for (const { commandId, fingerprint } of commandsOf(stream, events).values()) {
    const first = lookup(commandId);
    if (first === undefined) {
      fresh ??= commandId;
      continue;
    }
    if (first.fingerprint === undefined)
      throw new IdempotencyConflictError(
        commandId,
        first,
        'it was recorded before command fingerprints were kept, so this cannot be shown to be the same command',
      );
    if (first.fingerprint !== fingerprint)
      throw new IdempotencyConflictError(
        commandId,
        first,
        'this command differs from it (type, stream, instant, actor or data)',
      );
    if (first.stream !== stream)
      throw new IdempotencyConflictError(
        commandId,
        first,
        `this append is to another stream ("${stream}")`,
      );
    recorded.push(first);
  }
  if (recorded.length === 0) return { kind: 'new' };
  if (fresh !== undefined)
    throw new IdempotencyConflictError(
      recorded[0]!.commandId,
      recorded[0]!,
      `this append also records the new command ${fresh}; a retry must repeat the original append`,
    );
  return { kind: 'retry', found: recorded };
};

/** Idempotency by event id: a retry when every event of the append is stored already, as it is. */
export type AppendClassification = AppendCheck<RecordedEvent>;

/**
 * Decides whether an append is new or a retry of one already stored (idempotency by id).
 * `lookup` finds a stored event by id (the key) in any stream. A retry must match the stored events
 * one for one, at consecutive revisions of the same stream, with the same content;
 * anything else with a known id is a `DuplicateEventIdError`.
 */
export const classifyAppend: AppendChecker<RecordedEvent> = (stream, events, lookup) => {
  const found = events.map((e) => lookup(e.id));
  const known = found.filter((f): f is RecordedEvent => f !== undefined);
  if (known.length === 0) return { kind: 'new' };
  const first = found[0];
  if (known.length !== events.length || first === undefined)
    throw new DuplicateEventIdError(
      stream,
      known[0]!.id,
      'as part of another append (partial overlap)',
    );
  for (let i = 0; i < events.length; i++) {
    const stored = found[i]!;
    const candidate = events[i]!;
    if (stored.stream !== stream)
      throw new DuplicateEventIdError(
        stream,
        candidate.id,
        `to another stream ("${stored.stream}")`,
      );
    if (stored.revision !== first.revision + i)
      throw new DuplicateEventIdError(stream, candidate.id, 'in a different order');
    if (!sameContent(stored, candidate))
      throw new DuplicateEventIdError(
        stream,
        candidate.id,
        `at revision ${stored.revision} with different content`,
      );
  }
  return { kind: 'retry', found: found as RecordedEvent[] };
};
