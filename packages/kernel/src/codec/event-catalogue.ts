import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { DomainEvent } from '../event.js';
import { describeProblems, fieldProblems, type FieldProblem } from './decode-errors.js';
import { unknownFields } from './exact-fields.js';
import { ACCEPTED, compileFastCheck, type FastCheck } from './fast-check.js';
import { personalDataPaths, type PersonalDataPath } from './personal-data.js';

/** Turns data stored at schema version v into data of version v + 1. Pure. */
export type Upcaster = (data: unknown) => unknown;

export interface EventDefinition<A = unknown> {
  /** The current schema version (what `encode` writes). */
  readonly version: number;
  /** Validates the data of the current version. */
  readonly codec: t.Type<A, unknown, unknown>;
  /** `upcasters[v]` upgrades version v to v + 1, for every v below `version`. */
  readonly upcasters: Readonly<Record<number, Upcaster>>;
}

/**
 * Defines an event type's data codec, current schema version and upcasters from older versions.
 * `defineEvent(ConcernReportedV2, { version: 2, upcasters: { 1: (v1) => ({ ...v1, source: 'unknown' }) } })`
 */
export const defineEvent = <A>(
  codec: t.Type<A, unknown, unknown>,
  options: {
    readonly version?: number;
    readonly upcasters?: Readonly<Record<number, Upcaster>>;
  } = {},
): EventDefinition<A> => {
  const version = options.version ?? 1;
  const upcasters = options.upcasters ?? {};
  for (let v = 1; v < version; v++)
    if (upcasters[v] === undefined)
      throw new TypeError(`defineEvent(${codec.name}): no upcaster from version ${v} to ${v + 1}`);
  return { version, codec, upcasters };
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any data type
export type Definitions = Readonly<Record<string, EventDefinition<any>>>;

/** The domain event union a set of definitions describes. */
export type EventOf<D extends Definitions> = {
  [K in keyof D & string]: DomainEvent<K, D[K] extends EventDefinition<infer A> ? A : never>;
}[keyof D & string];

/** What was stored: enough to name the place when it cannot be decoded. */
export interface StoredEventRef {
  readonly stream: string;
  readonly revision: number;
  readonly position?: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

export type EventDecodeErrorKind =
  'UnknownEventType' | 'UnsupportedSchemaVersion' | 'UpcastFailed' | 'InvalidEventPayload';

/** A stored event that a domain must not see, with the stream, revision and what was wrong. */
export interface EventDecodeError {
  readonly kind: EventDecodeErrorKind;
  readonly stream: string;
  readonly revision: number;
  readonly position?: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly problems: ReadonlyArray<FieldProblem>;
  readonly message: string;
}

/**
 * What a store passes as an event's `data` when the stored text cannot be read as JSON (or its
 * metadata cannot): the event still reaches its reader, named by stream and revision, and
 * `decode` refuses it with `why`, so one damaged row costs only itself and is never folded.
 * The stored text is not carried (it may hold personal data).
 */
export interface UnreadableStoredData {
  readonly [UNREADABLE_STORED_DATA]: string;
}
const UNREADABLE_STORED_DATA: unique symbol = Symbol.for('aimline.unreadableStoredData');

export const unreadableStoredData = (why: string): UnreadableStoredData =>
  Object.freeze({ [UNREADABLE_STORED_DATA]: why });

/** Why a store could not read an event's stored text, when `data` is `unreadableStoredData(why)`. */
export const unreadableStoredDataWhy = (data: unknown): string | undefined =>
  typeof data === 'object' && data !== null && UNREADABLE_STORED_DATA in data
    ? String((data as UnreadableStoredData)[UNREADABLE_STORED_DATA])
    : undefined;

export interface EncodedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

export interface EventCatalogue<Ev extends DomainEvent> {
  readonly types: ReadonlyArray<string>;
  /** The one decode step: validates every stored event and upcasts older schema versions. */
  readonly decode: (stored: StoredEventRef) => E.Either<EventDecodeError, Ev>;
  readonly encode: (event: Ev) => EncodedEvent;
  /** Fields declared personal data, per event type. */
  readonly personalData: (type: string) => ReadonlyArray<PersonalDataPath>;
  readonly has: (type: string) => boolean;
  readonly definition: (type: string) => EventDefinition | undefined;
}

const failure = (
  kind: EventDecodeErrorKind,
  stored: StoredEventRef,
  problems: FieldProblem[],
  summary: string,
): EventDecodeError => ({
  kind,
  stream: stored.stream,
  revision: stored.revision,
  ...(stored.position === undefined ? {} : { position: stored.position }),
  type: stored.type,
  schemaVersion: stored.schemaVersion,
  problems,
  message: `${summary} at stream "${stored.stream}" revision ${stored.revision}${
    problems.length ? `: ${describeProblems(problems)}` : ''
  }`,
});

/** Builds the catalogue of a domain's events (equinox-style: one codec step for every read). */
export const eventCatalogue = <D extends Definitions>(
  definitions: D,
): EventCatalogue<EventOf<D>> => {
  const defs = definitions as Readonly<Record<string, EventDefinition>>;
  const personal = new Map<string, PersonalDataPath[]>();
  const fast = new Map<string, FastCheck>();
  for (const [type, def] of Object.entries(defs)) {
    personal.set(type, personalDataPaths(def.codec));
    fast.set(type, compileFastCheck(def.codec));
  }

  /**
   * Every stored event is validated; one stored at the current schema version whose data the
   * codec reads as itself is checked by the codec's compiled fast check (`fast-check.ts`,
   * proven equal to io-ts by a property test), any other by io-ts, which also names what is
   * wrong with a refused one.
   *
   * Stored events are history: one written before codecs were exact may carry fields its codec
   * does not declare. Those fields stay in the store (evidence is never altered) and are not
   * refused on reading, or the whole stream would become unreadable; the domain sees only the
   * declared fields it folds. New events cannot carry them (`encode` refuses).
   */
  const decode = (stored: StoredEventRef): E.Either<EventDecodeError, EventOf<D>> => {
    const unreadable = unreadableStoredDataWhy(stored.data);
    if (unreadable !== undefined)
      return E.left(
        failure(
          'InvalidEventPayload',
          stored,
          [{ path: '(root)', message: unreadable }],
          `The stored "${stored.type}" event cannot be read`,
        ),
      );
    const def = Object.hasOwn(defs, stored.type) ? defs[stored.type] : undefined;
    if (def === undefined)
      return E.left(failure('UnknownEventType', stored, [], `Unknown event type "${stored.type}"`));
    if (
      !Number.isInteger(stored.schemaVersion) ||
      stored.schemaVersion < 1 ||
      stored.schemaVersion > def.version
    )
      return E.left(
        failure(
          'UnsupportedSchemaVersion',
          stored,
          [],
          `Event "${stored.type}" has schema version ${stored.schemaVersion}; this build reads versions 1 to ${def.version}`,
        ),
      );
    let data = stored.data;
    // Stored at the current version and exactly as its codec reads it (the usual case): the
    // compiled check stands in for io-ts. Anything else goes the io-ts way below.
    if (stored.schemaVersion === def.version && fast.get(stored.type)!(data) === ACCEPTED)
      return E.right({ type: stored.type, data } as EventOf<D>);
    for (let v = stored.schemaVersion; v < def.version; v++) {
      try {
        data = def.upcasters[v]!(data);
      } catch (e) {
        return E.left(
          failure(
            'UpcastFailed',
            stored,
            [{ path: '(root)', message: e instanceof Error ? e.message : String(e) }],
            `Upcasting "${stored.type}" from version ${v} failed`,
          ),
        );
      }
    }
    const result = def.codec.decode(data);
    if (E.isLeft(result))
      return E.left(
        failure(
          'InvalidEventPayload',
          stored,
          // A stored value is never echoed: a damaged row may hold a name anywhere.
          fieldProblems(result.left, { values: 'kind-only' }),
          `Invalid "${stored.type}" payload`,
        ),
      );
    return E.right({ type: stored.type, data: result.right } as EventOf<D>);
  };

  const encode = (event: EventOf<D>): EncodedEvent => {
    const def = defs[event.type];
    if (def === undefined) throw new TypeError(`encode: unknown event type "${event.type}"`);
    // A new event is written exactly as its codec declares it: a decider that builds an event
    // the codec does not accept, or with fields the codec does not declare, is a bug, and
    // nothing of it is stored. (Stored events are read tolerantly: see `decode`.)
    // The compiled check's ACCEPTED means io-ts accepts it too (see `decode`); only a value it
    // is not sure of is asked of io-ts.
    const valid =
      fast.get(event.type)!(event.data) === ACCEPTED || E.isRight(def.codec.decode(event.data));
    const invalid = valid
      ? unknownFields(def.codec, event.data)
      : [{ path: '(root)', message: `not a valid ${event.type}` }];
    if (invalid.length > 0)
      throw new TypeError(`encode: new "${event.type}" event: ${describeProblems(invalid)}`);
    return { type: event.type, schemaVersion: def.version, data: def.codec.encode(event.data) };
  };

  return {
    types: Object.keys(defs),
    decode,
    encode,
    personalData: (type) => personal.get(type) ?? [],
    has: (type) => Object.hasOwn(defs, type),
    definition: (type) => (Object.hasOwn(defs, type) ? defs[type] : undefined),
  };
};
