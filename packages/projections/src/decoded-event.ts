import * as E from 'fp-ts/lib/Either.js';
import {
  moduleLookup,
  type AnyDomainModule,
  type DomainEvent,
  type EventDecodeError,
  type RecordedEvent,
} from '@aimline/kernel';
import { guarded, metadataProblem, type UnreadableEvent } from './unreadable-event.js';

/** A stored event with its validated, upcast domain event and the module it belongs to. */
export interface DecodedEvent {
  readonly recorded: RecordedEvent;
  readonly event: DomainEvent;
  readonly module: AnyDomainModule;
}

export type ProjectionDecodeError =
  | EventDecodeError
  | {
      readonly kind: 'UnknownStream';
      readonly stream: string;
      readonly revision: number;
      readonly message: string;
    };

export type EventDecoder = (
  recorded: RecordedEvent,
) => E.Either<ProjectionDecodeError, DecodedEvent>;

/**
 * One decode step for every projection: finds the module that owns the stream (by prefix,
 * longest first) and decodes and upcasts with its catalogue.
 */
export const eventDecoder = (modules: ReadonlyArray<AnyDomainModule>): EventDecoder => {
  const moduleOf = moduleLookup(modules);
  return (recorded) => {
    const module = moduleOf(recorded.stream);
    if (module === undefined)
      return E.left({
        kind: 'UnknownStream',
        stream: recorded.stream,
        revision: recorded.revision,
        message: `No Aimline module owns stream "${recorded.stream}" (revision ${recorded.revision})`,
      });
    const decoded = module.events.decode(recorded) as E.Either<EventDecodeError, DomainEvent>;
    return E.isLeft(decoded) ? decoded : E.right({ recorded, event: decoded.right, module });
  };
};

/**
 * A stored event as every read takes it: its metadata readable (when it happened, when it was
 * recorded, who) and its data decoded by its module; else the event located and why.
 */
export const readStoredEvent = (
  decode: EventDecoder,
  recorded: RecordedEvent,
): E.Either<UnreadableEvent, DecodedEvent> =>
  guarded(recorded, () => {
    const problem = metadataProblem(recorded);
    if (problem !== undefined) return E.left(problem);
    return E.mapLeft((e: ProjectionDecodeError) => e.message)(decode(recorded));
  });
