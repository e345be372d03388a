import * as E from 'fp-ts/lib/Either.js';
import {
  moduleLookup,
  type AnyDomainModule,
  type DomainEvent,
  type EventDecodeError,
  type RecordedEvent,
} from '@aimline/kernel';

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
