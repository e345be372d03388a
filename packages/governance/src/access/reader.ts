import * as E from 'fp-ts/lib/Either.js';
import {
  moduleLookup,
  personalFieldsOf,
  unreadableStoredDataWhy,
  type AnyDomainModule,
  type EventStore,
  type PersonalDataCategory,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@aimline/kernel';
import type { Principal } from '../principals/principal.js';
import { ACCESS_ENTRY_FORMAT, type AccessLog, type CurrentAccessEntry } from './access-log.js';
import type { AccessPolicy } from './access-policy.js';
import {
  everyTypeShown,
  filterEvent,
  grantsFor,
  knownPerson,
  narrowedTo,
  streamCovered,
  subjectFieldsFinder,
  type FilteredEvent,
  type PersonalFieldsFinder,
} from './need-to-know.js';

export interface ReadRequest {
  /** Why the principal reads (recorded in the access log), e.g. "case review". */
  readonly purpose: string;
  /**
   * Narrows the read to these personal-data categories (data minimisation): every other
   * personal field is withheld even where a grant would show it. A read that needs only person
   * ids (finding someone's records) gives `[]`: it shows no personal value, and is recorded as
   * a read of the records it gave events of, with no category. It never widens what the
   * principal's grants show.
   */
  readonly categories?: ReadonlyArray<PersonalDataCategory>;
}

export interface NeedToKnowOptions {
  /**
   * The store to read (the decrypting store: the reader is where plaintext meets the rules);
   * its `identity()` is recorded in each access-log entry (which store's records were shown).
   */
  readonly store: Pick<EventStore, 'readStream' | 'readAll' | 'identity'>;
  readonly modules: ReadonlyArray<AnyDomainModule>;
  readonly policy: AccessPolicy;
  readonly principal: Principal;
  readonly log: AccessLog;
  /** When a read happens (an adapter's clock). */
  readonly clock: () => string;
  /** The data-subject mapping; default `subjectFieldsFinder()` (the codecs' marks), fresh per read. */
  readonly fieldsOf?: PersonalFieldsFinder;
}

/**
 * What one principal may see of the store, shaped like the store's read side, so that every
 * projection (`replayAsOf`, `caseTimeline`, `ProjectionRunner`, …) folds only the events the
 * principal may see, with withheld fields already `[withheld:<category>]`. Each iteration is
 * one read in the access log.
 */
export type VisibleEvents = Pick<EventStore, 'readStream' | 'readAll'>;

/** What a principal may read: each visible event with withheld fields marked; others absent. */
export interface NeedToKnowReader {
  readonly principal: Principal;
  /**
   * Whether the principal's view shows an event of this stream and type (a grant of theirs
   * covers its module, stream and type): the events `visible` gives. What they are told of a
   * damaged event follows it (`toldTo` of `@aimline/projections`): an event they may not see is
   * never named to them, not even where its stream's history is damaged.
   */
  readonly shows: (event: { readonly stream: string; readonly type: string }) => boolean;
  /**
   * Whether the principal's view shows every event type of `stream` (a grant of theirs covers
   * its module and stream with every type): who is told where events of unknown type (those
   * deleted from its end) are.
   */
  readonly showsEveryType: (stream: string) => boolean;
  /** The visible events of one stream, in order (none when the stream is not theirs). */
  readStream(stream: string, request: ReadRequest): Promise<RecordedEvent[]>;
  /** Every visible event of the store, in global order. */
  readAll(request: ReadRequest): Promise<RecordedEvent[]>;
  /**
   * The principal's view for a projection to fold: `readStream` and `readAll` (with the
   * store's options) give only visible events, redacted. Each iteration is recorded in the
   * access log when it ends (completed, stopped or failed), before the caller can present what
   * it folded; a log that cannot be written fails the iteration.
   */
  visible(request: ReadRequest): VisibleEvents;
  /**
   * The whole history of every stream the principal may read any part of (a grant of theirs
   * covers the stream's module and scope), every event as stored and decrypted, for working out
   * obligations from everything that happened: a deadline met by an event the principal may not
   * see is met, not open (`entitledDeadlines` then keeps only the deadlines their own view
   * opens, with the withheld event's content left out). Never shown: only what is derived from
   * it (a deadline's rule, due instant and status) may leave, and only for a deadline the
   * principal's own view opens — so only of a stream that view showed events of. The caller's
   * `visible` read of the same streams, which a deadline shown needs, is what records the read
   * in the access log (whatever personal fields it opened), so this records nothing itself.
   */
  obligations(request: ReadRequest): VisibleEvents;
}

/** The purpose of a read, or why it has none: every read states one (recorded in the log). */
export const statedPurpose = (purpose: unknown): E.Either<string, string> =>
  typeof purpose === 'string' && purpose.trim() !== ''
    ? E.right(purpose)
    : E.left('a read needs a stated purpose');

const purposeOf = (request: ReadRequest): string => {
  const purpose = statedPurpose(request.purpose);
  if (E.isLeft(purpose)) throw new Error(purpose.left);
  return purpose.right;
};

/**
 * The one read API: events through the principal's access rules (`filterEvent`), and every
 * read that shows the principal any event of a stream recorded in the access log, whatever
 * personal fields it opened (a child's case record is personal data about the child as a
 * whole): who, when, why, which streams, the people those records are about (`about`), whose
 * personal data was shown (`subjects`) and its categories. A read that shows nothing (no event
 * the principal may see) records nothing. The array reads log before they return; `visible`
 * streams for projections.
 */
export const needToKnowReader = (options: NeedToKnowOptions): NeedToKnowReader => {
  const { store, policy, principal, log, clock } = options;
  const moduleOf = moduleLookup(options.modules);

  /**
   * The module of an event the principal's view shows (a grant of theirs covers its module,
   * stream and type), else undefined: the one rule for `shows` and for what a read gives (a
   * read narrowed to some categories narrows what a grant shows of an event, never which
   * events it shows).
   */
  const moduleShowing = (event: {
    readonly stream: string;
    readonly type: string;
  }): AnyDomainModule | undefined => {
    const module = moduleOf(event.stream);
    return module !== undefined && grantsFor(policy, principal, module.name, event).length > 0
      ? module
      : undefined;
  };

  /**
   * Notes in `primaryOf` the primary subject of `e`'s stream (the child the case is about) from
   * an event the principal's view does not show, of a stream a grant of theirs covers: a read
   * that shows only some event types of a case still records whom the case is about (an event
   * shown names its people itself: `FilteredEvent.persons`). Nothing of it is shown.
   */
  const notePrimary = (primaryOf: Map<string, string>, e: RecordedEvent): void => {
    if (primaryOf.has(e.stream) || unreadableStoredDataWhy(e.data) !== undefined) return;
    const module = moduleOf(e.stream);
    if (module === undefined || !streamCovered(policy, principal, module.name, e.stream)) return;
    const codec = module.events.definition(e.type)?.codec;
    const primary = knownPerson(
      codec === undefined ? undefined : personalFieldsOf(codec, e.data).primarySubject,
    );
    if (primary !== undefined) primaryOf.set(e.stream, primary);
  };

  /**
   * One read of the store `storeId`: filters events one by one and knows what it showed, to
   * record it once.
   */
  const read = (request: ReadRequest, storeId: string) => {
    const purpose = purposeOf(request);
    const rules =
      request.categories === undefined ? policy : narrowedTo(policy, request.categories);
    const fieldsOf = options.fieldsOf ?? subjectFieldsFinder();
    const streams = new Set<string>();
    const subjects = new Set<string>();
    const about = new Set<string>();
    const categories = new Set<string>();
    const primaryOf = new Map<string, string>();
    let withheld = 0;
    return {
      filter: (e: RecordedEvent): FilteredEvent | undefined => {
        const module = moduleShowing(e);
        const f =
          module === undefined ? undefined : filterEvent(rules, principal, module, e, fieldsOf);
        if (f === undefined) {
          notePrimary(primaryOf, e);
          return undefined;
        }
        streams.add(e.stream);
        withheld += f.withheld.length;
        for (const p of f.persons) about.add(p);
        for (const s of f.shown) {
          categories.add(s.category);
          subjects.add(s.subject ?? `record:${e.stream}`);
        }
        return f;
      },
      record: (): void => {
        if (streams.size === 0) return;
        for (const s of streams) {
          const primary = primaryOf.get(s);
          if (primary !== undefined) about.add(primary);
        }
        const entry: CurrentAccessEntry = {
          format: ACCESS_ENTRY_FORMAT,
          store: storeId,
          at: clock(),
          principal: principal.id,
          role: principal.role,
          agency: principal.agency,
          purpose,
          streams: [...streams].sort(),
          subjects: [...subjects].sort(),
          categories: [...categories].sort(),
          withheld,
          about: [...about].sort(),
        };
        log.append(entry);
      },
    };
  };

  const collect = async (
    source: AsyncIterable<RecordedEvent>,
    request: ReadRequest,
  ): Promise<RecordedEvent[]> => {
    const one = read(request, await store.identity());
    const out: RecordedEvent[] = [];
    for await (const e of source) {
      const f = one.filter(e);
      if (f !== undefined) out.push(f.event);
    }
    one.record();
    return out;
  };

  async function* stream(
    source: AsyncIterable<RecordedEvent>,
    request: ReadRequest,
  ): AsyncGenerator<RecordedEvent> {
    const one = read(request, await store.identity());
    try {
      for await (const e of source) {
        const f = one.filter(e);
        if (f !== undefined) yield f.event;
      }
    } finally {
      one.record();
    }
  }

  return {
    principal,
    shows: (event) => moduleShowing(event) !== undefined,
    showsEveryType: (s) => {
      const module = moduleOf(s);
      return module !== undefined && everyTypeShown(policy, principal, module.name, s);
    },
    readStream: (s, request) => collect(store.readStream(s), request),
    readAll: (request) => collect(store.readAll(), request),
    visible: (request) => {
      purposeOf(request);
      return {
        readStream: (s: string, o?: ReadStreamOptions) => stream(store.readStream(s, o), request),
        readAll: (o?: ReadAllOptions) => stream(store.readAll(o), request),
      };
    },
    obligations: (request) => {
      purposeOf(request);
      const covered = (e: RecordedEvent): boolean => {
        const module = moduleOf(e.stream);
        return module !== undefined && streamCovered(policy, principal, module.name, e.stream);
      };
      async function* whole(source: AsyncIterable<RecordedEvent>): AsyncGenerator<RecordedEvent> {
        for await (const e of source) if (covered(e)) yield e;
      }
      return {
        readStream: (s: string, o?: ReadStreamOptions) => whole(store.readStream(s, o)),
        readAll: (o?: ReadAllOptions) => whole(store.readAll(o)),
      };
    },
  };
};
