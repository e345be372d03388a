import type { AnyDomainModule, EventStore, RecordedEvent } from '@aimline/kernel';
import type { Principal } from '../principals/principal.js';
import type { AccessLog } from './access-log.js';
import type { AccessPolicy } from './access-policy.js';
import { filterEvent, subjectFieldsFinder, type PersonalFieldsFinder } from './need-to-know.js';

export interface ReadRequest {
  /** Why the principal reads (recorded in the access log), e.g. "case review". */
  readonly purpose: string;
}

export interface NeedToKnowOptions {
  readonly store: EventStore;
  readonly modules: ReadonlyArray<AnyDomainModule>;
  readonly policy: AccessPolicy;
  readonly principal: Principal;
  readonly log: AccessLog;
  /** When a read happens (an adapter's clock). */
  readonly clock: () => string;
  /** The data-subject mapping; default `subjectFieldsFinder()` (the codecs' marks), fresh per read. */
  readonly fieldsOf?: PersonalFieldsFinder;
}

/** What a principal may read: each visible event with withheld fields marked; others absent. */
export interface NeedToKnowReader {
  readonly principal: Principal;
  /** The visible events of one stream, in order (none when the stream is not theirs). */
  readStream(stream: string, request: ReadRequest): Promise<RecordedEvent[]>;
  /** Every visible event of the store, in global order. */
  readAll(request: ReadRequest): Promise<RecordedEvent[]>;
}

/**
 * The one read API: events through the principal's access rules (`filterEvent`), and every
 * read that shows personal data recorded in the access log (who, streams, people, categories,
 * when, purpose) before the events are returned.
 */
export const needToKnowReader = (options: NeedToKnowOptions): NeedToKnowReader => {
  const { store, policy, principal, log, clock } = options;
  const byPrefixLength = [...options.modules].sort(
    (a, b) => b.streamPrefix.length - a.streamPrefix.length,
  );
  const moduleOf = (stream: string) =>
    byPrefixLength.find((m) => stream.startsWith(m.streamPrefix));

  const filter = (events: Iterable<RecordedEvent>, request: ReadRequest): RecordedEvent[] => {
    if (request.purpose.trim() === '') throw new Error('a read needs a stated purpose');
    const fieldsOf = options.fieldsOf ?? subjectFieldsFinder();
    const out: RecordedEvent[] = [];
    const streams = new Set<string>();
    const subjects = new Set<string>();
    const categories = new Set<string>();
    let withheld = 0;
    for (const e of events) {
      const module = moduleOf(e.stream);
      if (module === undefined) continue;
      const f = filterEvent(policy, principal, module, e, fieldsOf);
      if (f === undefined) continue;
      out.push(f.event);
      withheld += f.withheld.length;
      for (const s of f.shown) {
        streams.add(e.stream);
        categories.add(s.category);
        subjects.add(s.subject ?? `record:${e.stream}`);
      }
    }
    if (streams.size > 0)
      log.append({
        at: clock(),
        principal: principal.id,
        role: principal.role,
        agency: principal.agency,
        purpose: request.purpose,
        streams: [...streams].sort(),
        subjects: [...subjects].sort(),
        categories: [...categories].sort(),
        withheld,
      });
    return out;
  };

  const collect = async (it: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
    const all: RecordedEvent[] = [];
    for await (const e of it) all.push(e);
    return all;
  };

  return {
    principal,
    readStream: async (stream, request) => filter(await collect(store.readStream(stream)), request),
    readAll: async (request) => filter(await collect(store.readAll()), request),
  };
};
