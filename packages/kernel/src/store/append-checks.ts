import type { EventToAppend, RecordedEvent } from '../event.js';
import { sameContent } from './hash-chain.js';
import { DuplicateEventIdError, InvalidAppendError } from './errors.js';

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
  });
};

export type AppendClassification =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly stored: ReadonlyArray<RecordedEvent> };

/**
 * Decides whether an append is new or a retry of one already stored (idempotency by id).
 * `lookup` finds a stored event by id in any stream. A retry must match the stored events
 * one for one, at consecutive revisions of the same stream, with the same content;
 * anything else with a known id is a `DuplicateEventIdError`.
 */
export const classifyAppend = (
  stream: string,
  events: ReadonlyArray<EventToAppend>,
  lookup: (id: string) => RecordedEvent | undefined,
): AppendClassification => {
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
  return { kind: 'replay', stored: found as RecordedEvent[] };
};
