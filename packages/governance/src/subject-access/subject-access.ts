/**
 * Subject access (UK GDPR Article 15; issue 13 item 6): everything held about a person, from
 * the store, with other people's personal data withheld (see scrub.ts).
 *
 * - Every record (stream) the person appears in: all its events when the person is the
 *   record's primary subject (the child the case is about), otherwise the events that hold
 *   the person's own data.
 * - Their details as they stand, each with its history (rectification, Article 16): every
 *   value recorded for a field, in recording order, and which event recorded it. A correction
 *   is a later value, never an edit of the earlier one.
 * - Who recorded each event is shown by role and agency, not by name.
 */
import { setAt, type PersonalDataCategory } from '@aimline/kernel';
import { withheld } from '../access/withheld.js';
import { eventSubjects, type ScheduledEvent, type SubjectField } from './event-subjects.js';
import { scrubberFor } from './scrub.js';

export interface SubjectAccessEvent {
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly recordedBy: { readonly role: string; readonly agency: string };
  readonly data: unknown;
}

export interface SubjectAccessRecord {
  readonly record: string;
  readonly process: string;
  /** Whether the person is the record's primary subject (the child the case is about). */
  readonly primary: boolean;
  readonly events: ReadonlyArray<SubjectAccessEvent>;
}

export interface DetailHistory {
  readonly field: string;
  readonly category: PersonalDataCategory;
  /** The value as it stands: the last one recorded (an erased value reads `[erased:<category>]`). */
  readonly current: unknown;
  readonly history: ReadonlyArray<{
    readonly value: unknown;
    readonly record: string;
    readonly type: string;
    readonly recordedAt: string;
  }>;
}

export interface SubjectAccessReport {
  readonly person: string;
  readonly records: ReadonlyArray<SubjectAccessRecord>;
  readonly details: ReadonlyArray<DetailHistory>;
  /** Whether any of the person's fields read as erased (their key was destroyed). */
  readonly erased: boolean;
}

/** Categories shown as "details" with their history (free text stays in its event). */
const DETAIL = new Set<PersonalDataCategory>([
  'name',
  'dateOfBirth',
  'contact',
  'address',
  'identifier',
  'school',
]);

const mapStrings = (node: unknown, f: (s: string) => string): unknown =>
  typeof node === 'string'
    ? f(node)
    : Array.isArray(node)
      ? node.map((x) => mapStrings(x, f))
      : node !== null && typeof node === 'object'
        ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapStrings(v, f)]))
        : node;

/** The records `person` appears in, from one pass over the store (feed every event in order). */
export const recordsAbout = (
  person: string,
  events: Iterable<ScheduledEvent>,
): ReadonlySet<string> => {
  const finder = recordFinder(person);
  for (const e of events) finder.add(e);
  return finder.records;
};

/** The same, fed one event at a time (a pass over a large store keeps only the stream names). */
export const recordFinder = (
  person: string,
): { add(e: ScheduledEvent): void; readonly records: ReadonlySet<string> } => {
  const subjects = eventSubjects();
  const records = new Set<string>();
  return {
    add: (e) => {
      const s = subjects(e);
      if (s.primary === person || s.persons.includes(person)) records.add(e.recorded.stream);
    },
    records,
  };
};

/**
 * The subject access report for `person` from the events of the records they appear in (every
 * event of those streams, in stream order; other streams are ignored).
 */
export const subjectAccessReport = (
  person: string,
  events: Iterable<ScheduledEvent>,
): SubjectAccessReport => {
  const subjects = eventSubjects();
  const byRecord = new Map<
    string,
    { process: string; items: Array<{ e: ScheduledEvent; fields: ReadonlyArray<SubjectField> }> }
  >();
  const primaryOf = new Map<string, string | undefined>();
  for (const e of events) {
    const s = subjects(e);
    const stream = e.recorded.stream;
    primaryOf.set(stream, s.primary);
    const r = byRecord.get(stream) ?? { process: e.module.name, items: [] };
    byRecord.set(stream, r);
    r.items.push({ e, fields: s.fields });
  }

  const records: SubjectAccessRecord[] = [];
  const details = new Map<
    string,
    { category: PersonalDataCategory; history: DetailHistory['history'][number][] }
  >();
  let erased = false;
  for (const [record, { process, items }] of byRecord) {
    const primary = primaryOf.get(record) === person;
    const scrub = scrubberFor(
      person,
      items.flatMap((i) => i.fields),
    );
    const shown: SubjectAccessEvent[] = [];
    for (const { e, fields } of items) {
      const own = fields.filter((f) => f.subject === person);
      if (!primary && own.length === 0) continue;
      const data: unknown = JSON.parse(JSON.stringify(e.event.data ?? null));
      for (const f of fields) if (f.subject !== person) setAt(data, f.path, withheld(f.category));
      for (const f of own) {
        if (typeof f.value === 'string' && f.value.startsWith('[erased:')) erased = true;
        const key = String(f.path.filter((p) => typeof p === 'string').at(-1) ?? f.category);
        if (!DETAIL.has(f.category)) continue;
        const d = details.get(key) ?? { category: f.category, history: [] };
        details.set(key, d);
        d.history.push({
          value: f.value,
          record,
          type: e.event.type,
          recordedAt: e.recorded.metadata.recordedAt,
        });
      }
      const m = e.recorded.metadata;
      shown.push({
        type: e.event.type,
        occurredAt: m.occurredAt,
        recordedAt: m.recordedAt,
        recordedBy: { role: m.actor.role, agency: m.actor.agency },
        data: mapStrings(data, scrub),
      });
    }
    if (shown.length > 0) records.push({ record, process, primary, events: shown });
  }
  return {
    person,
    records,
    details: [...details].map(([field, d]) => {
      const history = [...d.history].sort((a, b) =>
        a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0,
      );
      return { field, category: d.category, current: history.at(-1)?.value, history };
    }),
    erased,
  };
};
