import type { Actor, DomainEvent, RecordedEvent } from '@aimline/kernel';

/** Where and when an event was recorded, and by whom (the principal who issued its command). */
export interface EventFacts {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  /** The store's global position, as a decimal string (it may exceed 2^53). */
  readonly position: string;
  readonly schemaVersion: number;
  /** When it happened in the world: the command's `at`, exactly as it was given. */
  readonly occurredAt: string;
  /** When the system recorded it (the clock's string). */
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
}

/**
 * A stored event, decoded and upcast by its module's catalogue: `type` and `data` are the
 * module's own (a discriminated union: narrowing on `type` types `data`), with its facts.
 */
export type TypedEvent<Ev extends DomainEvent = DomainEvent> = Ev extends DomainEvent
  ? Ev & EventFacts
  : never;

/** A decoded event with the facts of its stored record. */
export const typedEvent = <Ev extends DomainEvent>(
  recorded: RecordedEvent,
  event: Ev,
): TypedEvent<Ev> =>
  ({
    type: event.type,
    data: event.data,
    id: recorded.id,
    stream: recorded.stream,
    revision: recorded.revision,
    position: recorded.position.toString(),
    schemaVersion: recorded.schemaVersion,
    occurredAt: recorded.metadata.occurredAt,
    recordedAt: recorded.metadata.recordedAt,
    actor: recorded.metadata.actor,
    commandId: recorded.metadata.commandId,
    correlationId: recorded.metadata.correlationId,
    causationId: recorded.metadata.causationId,
  }) as TypedEvent<Ev>;
