import {
  AppendRejectedError,
  appendGroup,
  canonicalJson,
  collect,
  delegatingStore,
  DuplicateEventIdError,
  isErasedPersonalData,
  moduleLookup,
  personalFieldsOf,
  recordSubject,
  reject,
  setAt,
  valueAt,
  WrongExpectedRevisionError,
  type AnyDomainModule,
  type AppendOutcome,
  type AppendRequest,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type PersonalField,
  withheldPersonalData,
  type PersonalFieldsOfData,
  type RecordedEvent,
  type Subscription,
  type SubscriptionMessage,
} from '@aimline/kernel';
import { isKeyError, KeyError } from './key-errors.js';
import type { KeyVault } from './key-vault.js';
import { envelopesIn } from './format1-fields.js';
import { opensAll, opensOf, type Path } from './opens.js';
import { openedEvent, openedEvents } from './opening-reads.js';
import { holdsBoxes, sealBox, SEALED_MEMBER } from './sealed-boxes.js';

/** The personal fields of an event about to be stored, or undefined when no module declares its type. */
export type PersonalFieldsLookup = (
  stream: string,
  type: string,
  data: unknown,
) => PersonalFieldsOfData | undefined;

/** Looks up an event's personal fields in the codecs of the module that owns its stream. */
export const personalFieldsByModule = (
  modules: ReadonlyArray<AnyDomainModule>,
): PersonalFieldsLookup => {
  const moduleOf = moduleLookup(modules);
  return (stream, type, data) => {
    const definition = moduleOf(stream)?.events.definition(type);
    return definition === undefined ? undefined : personalFieldsOf(definition.codec, data);
  };
};

/** A subscription checks for other processes' erasures at least this often (in events). */
const SUBSCRIPTION_REFRESH = 64;

/**
 * An `EventStore` that encrypts every personal field at append with its data subject's key
 * (see `personalFieldsOf`; sealed format 2, `sealed-boxes.ts`: one box per subject and category
 * per event) and decrypts at read (formats 2 and 1). The inner store chains and stores ciphertext
 * only, so erasing a subject's key (crypto-shredding) leaves every hash intact. A field whose
 * subject was erased reads as `[erased:<category>]`; a field that does not decrypt (altered,
 * moved) makes its event unreadable data, reported with its stream and revision.
 */
export const encryptingEventStore = (
  inner: EventStore,
  vault: KeyVault,
  fieldsOf: PersonalFieldsLookup,
): EventStore => {
  /** The subject's key; an erased subject is a typed refusal (ERASE-1) naming the field, not a fault. */
  const keyToWrite = async (ref: string, field: PersonalField): Promise<Buffer> => {
    try {
      return await vault.writingKey(ref);
    } catch (e) {
      if (!isKeyError(e) || e.kind !== 'SubjectErased') throw e;
      // The person's object (`victim`), whose id is the one erased; free text: the field itself.
      const at = field.subject === undefined ? field.path : field.path.slice(0, -1);
      throw new AppendRejectedError(
        reject(
          'ERASE-1',
          field.subject === undefined
            ? "this record's primary subject has been erased: no new personal data is recorded about them"
            : `person "${field.subject}" has been erased: no new personal data is recorded under that person id (record the person under a new id)`,
          ['data', ...at].join('.'),
        ),
      );
    }
  };

  const seal = async (stream: string, event: EventToAppend): Promise<EventToAppend> => {
    const forged: Array<[Path, string]> = [];
    envelopesIn(event.data, [], forged);
    if (forged.length > 0 || holdsBoxes(event.data))
      throw new KeyError(
        'PlaintextRefused',
        `event ${event.type} for "${stream}": ${forged.length > 0 ? `field ${forged[0]![0].join('.')}` : `member ${SEALED_MEMBER}`} already looks encrypted; refused`,
      );
    const personal = fieldsOf(stream, event.type, event.data);
    if (personal === undefined)
      throw new KeyError(
        'PlaintextRefused',
        `no module declares the personal data of "${event.type}" events in "${stream}"; refusing to store them unencrypted`,
      );
    if (personal.primarySubject !== undefined && vault.primaryRef(stream) === undefined)
      vault.setPrimaryRef(stream, vault.subjectRef(personal.primarySubject));
    const present = personal.fields.filter((f) => {
      const v = valueAt(event.data, f.path);
      return v !== undefined && !isErasedPersonalData(v);
    });
    if (present.length === 0) return event;
    if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data))
      throw new KeyError(
        'PlaintextRefused',
        `event ${event.type} for "${stream}": its data is not an object, so its personal fields cannot be sealed; refused`,
      );
    // One box per subject and category, its fields in the order the codec declares them.
    const groups = new Map<string, { ref: string; fields: PersonalField[] }>();
    for (const field of present) {
      const ref =
        field.subject !== undefined
          ? vault.subjectRef(field.subject)
          : (vault.primaryRef(stream) ?? vault.subjectRef(recordSubject(stream)));
      const group = `${ref}:${field.category}`;
      const known = groups.get(group);
      if (known === undefined) groups.set(group, { ref, fields: [field] });
      else known.fields.push(field);
    }
    const data = structuredClone(event.data) as Record<string, unknown>;
    const boxes: string[] = [];
    for (const { ref, fields } of groups.values()) {
      const key = await keyToWrite(ref, fields[0]!);
      const category = fields[0]!.category;
      const paths = fields.map((f) => f.path);
      const values = paths.map((p) => valueAt(data, p));
      for (const p of paths) setAt(data, p, withheldPersonalData(category));
      boxes.push(sealBox(key, { eventId: event.id, stream }, { ref, category }, paths, values));
    }
    data[SEALED_MEMBER] = boxes;
    return { ...event, data };
  };

  const openEvery = (
    events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  ): Promise<RecordedEvent[]> => collect(openedEvents(events, vault, opensAll));

  /** A re-append of events already stored (same ids, same content once opened) returns them. */
  const alreadyStored = async (
    stream: string,
    events: ReadonlyArray<EventToAppend>,
  ): Promise<AppendResult | undefined> => {
    const wanted = new Map(events.map((e) => [e.id, e]));
    async function* stored(): AsyncGenerator<RecordedEvent> {
      for await (const e of inner.readStream(stream)) if (wanted.has(e.id)) yield e;
    }
    const found = await openEvery(stored());
    if (found.length !== events.length) return undefined;
    const same = found.every((s) => {
      const c = wanted.get(s.id)!;
      const { prevHash: _p, hash: _h, ...metadata } = s.metadata;
      return (
        s.type === c.type &&
        s.schemaVersion === c.schemaVersion &&
        canonicalJson(s.data) === canonicalJson(c.data) &&
        canonicalJson(metadata) === canonicalJson(c.metadata)
      );
    });
    const last = found[found.length - 1]!;
    return same
      ? { nextExpectedRevision: last.revision, position: last.position, events: found }
      : undefined;
  };

  const openResult = async (result: AppendResult): Promise<AppendResult> => ({
    ...result,
    events: await openEvery(result.events),
  });

  /**
   * With a random IV the same event seals to other bytes, so the inner store cannot see a
   * retried append as the same content; the opened events can.
   */
  const retried = async (
    error: unknown,
    stream: string,
    events: ReadonlyArray<EventToAppend>,
  ): Promise<AppendResult | undefined> =>
    (error instanceof DuplicateEventIdError || error instanceof WrongExpectedRevisionError) &&
    events.length > 0
      ? alreadyStored(stream, events)
      : undefined;

  const sealAll = async (r: AppendRequest): Promise<AppendRequest> => {
    const sealed: EventToAppend[] = [];
    for (const e of r.events) sealed.push(await seal(r.stream, e));
    return { ...r, events: sealed };
  };

  /** The inner store's command index, when it has one: its events are read as stored, so opened. */
  const indexed = inner.eventsOfCommand?.bind(inner);

  // Every other member of the port (revisions, checkpoints, identity) is the inner store's.
  const store = delegatingStore(inner, {
    append: async (stream, events, options) => {
      const sealed = await sealAll({ stream, events, expectedRevision: options.expectedRevision });
      try {
        return await openResult(await inner.append(stream, sealed.events, options));
      } catch (e) {
        const original = await retried(e, stream, events);
        if (original !== undefined) return original;
        throw e;
      }
    },
    // The group commit seals every append before the group is handed on, so the inner store's
    // own appendMany (one transaction) never sees plaintext.
    appendMany: async (requests) => {
      // A request refused under a rule while sealing (ERASE-1) is that request's outcome alone.
      const outcomes = new Array<AppendOutcome | undefined>(requests.length);
      const sealed: AppendRequest[] = [];
      const places: number[] = [];
      for (const [i, r] of requests.entries())
        try {
          sealed.push(await sealAll(r));
          places.push(i);
        } catch (e) {
          if (!(e instanceof AppendRejectedError)) throw e;
          outcomes[i] = { kind: 'rejected', rejection: e.rejection };
        }
      const stored = await appendGroup(inner, sealed);
      for (const [k, o] of stored.entries()) {
        const i = places[k]!;
        if (o.kind === 'appended') {
          outcomes[i] = { kind: 'appended', result: await openResult(o.result) };
          continue;
        }
        const r = requests[i]!;
        const original =
          o.kind === 'refused' ? await retried(o.error, r.stream, r.events) : undefined;
        outcomes[i] = original === undefined ? o : { kind: 'appended', result: original };
      }
      return outcomes.map((o) => o!);
    },
    readStream: (stream, options) =>
      openedEvents(inner.readStream(stream, options), vault, opensOf(options?.personalData)),
    eventsOfCommand:
      indexed === undefined ? undefined : async (commandId) => openEvery(await indexed(commandId)),
    readAll: (options) =>
      openedEvents(inner.readAll(options), vault, opensOf(options?.personalData)),
    subscribe: (options) => {
      const subscription = inner.subscribe(options);
      return {
        close: () => subscription.close(),
        async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
          let sinceRefresh = 0;
          for await (const m of subscription) {
            if (m.kind !== 'event' || ++sinceRefresh >= SUBSCRIPTION_REFRESH) {
              vault.refresh();
              sinceRefresh = 0;
            }
            yield m.kind === 'event'
              ? { kind: 'event', event: await openedEvent(m.event, vault, opensAll) }
              : m;
          }
        },
      } satisfies Subscription;
    },
    dispose: async () => {
      try {
        await inner.dispose();
      } finally {
        vault.close();
      }
    },
  });
  // What a store offers beyond the port (the SQLite store's integrity check and global chain)
  // works on stored bytes and passes through unchanged.
  const extras: Record<string, unknown> = {};
  for (
    let proto: object | null = inner;
    proto !== null && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  )
    for (const name of Object.getOwnPropertyNames(proto)) {
      const member = (inner as unknown as Record<string, unknown>)[name];
      if (
        name !== 'constructor' &&
        !(name in store) &&
        !(name in extras) &&
        typeof member === 'function'
      )
        extras[name] = (member as (...args: unknown[]) => unknown).bind(inner);
    }
  return { ...extras, ...store };
};
