import {
  isUnavailablePersonalData,
  isWithheldPersonalData,
  personalFieldsOf,
  setAt,
  unreadableStoredDataWhy,
  valueAt,
  type AnyDomainModule,
  type PersonalDataCategory,
  type RecordedEvent,
} from '@aimline/kernel';
import { scopeCovers } from '../principals/grants.js';
import type { Principal } from '../principals/principal.js';
import type { AccessPolicy, ReadGrant } from './access-policy.js';
import { withheld } from './withheld.js';

/** One personal value in an event's data: where, what kind, and whose (undefined: not known). */
export interface PersonalFieldRef {
  readonly path: ReadonlyArray<string | number>;
  readonly category: PersonalDataCategory;
  readonly subject: string | undefined;
}

/** Finds the personal fields of a stored event's data (the data-subject mapping). */
export type PersonalFieldsFinder = (
  module: AnyDomainModule,
  event: RecordedEvent,
) => ReadonlyArray<PersonalFieldRef>;

/**
 * The personal fields a module's codec declares for the event's type, expanded against its data
 * (`a.[].b` for every item). Subjects are not known from paths alone: a `pupils` grant withholds
 * such fields (safe default) until a subject mapping is given.
 */
export const declaredPersonalFields: PersonalFieldsFinder = (module, event) => {
  const out: PersonalFieldRef[] = [];
  for (const { path, category } of module.events.personalData(event.type)) {
    const expand = (node: unknown, keys: string[], at: Array<string | number>): void => {
      if (keys.length === 0) {
        if (node !== undefined) out.push({ path: at, category, subject: undefined });
        return;
      }
      if (node === null || typeof node !== 'object') return;
      const [key, ...rest] = keys as [string, ...string[]];
      if (key === '[]' || key === '*') {
        if (Array.isArray(node)) node.forEach((v, i) => expand(v, rest, [...at, i]));
        else for (const [k, v] of Object.entries(node)) expand(v, rest, [...at, k]);
      } else expand((node as Record<string, unknown>)[key], rest, [...at, key]);
    };
    expand(event.data, path === '' ? [] : path.split('.'), []);
  }
  return out;
};

/**
 * The personal fields of stored events with their data subjects, from the module's event codecs
 * (the kernel's `subjectId` / `primarySubject` marks, the same mapping encryption uses). A field
 * with no enclosing person belongs to its stream's primary subject: the first `primarySubject`
 * person seen in that stream. The finder remembers that person per stream, so give it each
 * stream's events in order from its first (as the reader does); a field whose person is still
 * unknown keeps `subject: undefined`, which a `pupils` grant withholds.
 */
export const subjectFieldsFinder = (): PersonalFieldsFinder => {
  const primaryOf = new Map<string, string>();
  return (module, event) => {
    const definition = module.events.definition(event.type);
    if (definition === undefined) return declaredPersonalFields(module, event);
    const { fields, primarySubject } = personalFieldsOf(definition.codec, event.data);
    if (primarySubject !== undefined && !primaryOf.has(event.stream))
      primaryOf.set(event.stream, primarySubject);
    const primary = primaryOf.get(event.stream);
    return fields.map((f) => ({
      path: f.path,
      category: f.category,
      subject: f.subject ?? primary,
    }));
  };
};

/** The grants of `principal` that show `event` of `module` (none: the event is not theirs to read). */
export const grantsFor = (
  policy: AccessPolicy,
  principal: Principal,
  module: string,
  event: { readonly stream: string; readonly type: string },
): ReadonlyArray<ReadGrant> =>
  (policy[principal.role] ?? []).filter(
    (g) =>
      g.module === module &&
      scopeCovers(g.streams, principal, event.stream) &&
      (g.events === 'all' || g.events.includes(event.type)),
  );

/**
 * Whether a read grant of `principal` shows every event type of `stream` of `module` (its
 * module, its stream scope, and `events: 'all'`): who may be told of events of unknown type in
 * it (those deleted from its end).
 */
export const everyTypeShown = (
  policy: AccessPolicy,
  principal: Principal,
  module: string,
  stream: string,
): boolean =>
  (policy[principal.role] ?? []).some(
    (g) => g.module === module && scopeCovers(g.streams, principal, stream) && g.events === 'all',
  );

/**
 * Whether any read grant of `principal` covers `stream` of `module` (its module and stream
 * scope), whatever event types it shows: the streams whose whole history their obligations
 * (deadlines) are worked out from.
 */
export const streamCovered = (
  policy: AccessPolicy,
  principal: Principal,
  module: string,
  stream: string,
): boolean =>
  (policy[principal.role] ?? []).some(
    (g) => g.module === module && scopeCovers(g.streams, principal, stream),
  );

/**
 * The modules of which `principal` may not read every event of every stream with these
 * categories shown: a duty over the whole store (retention, subject access) is complete only
 * when this is empty — a person due for erasure must be judged on every record they appear in,
 * and a subject access response must hold everything.
 */
export const modulesNotWhollyRead = (
  policy: AccessPolicy,
  principal: Principal,
  modules: ReadonlyArray<string>,
  categories: ReadonlyArray<PersonalDataCategory>,
): string[] =>
  modules.filter(
    (m) =>
      !(policy[principal.role] ?? []).some(
        (g) =>
          g.module === m &&
          g.streams === 'all' &&
          g.events === 'all' &&
          g.subjects === 'all' &&
          categories.every((c) => g.categories.includes(c)),
      ),
  );

/** `policy` with every grant showing at most `categories` (a read's narrowing; never wider). */
export const narrowedTo = (
  policy: AccessPolicy,
  categories: ReadonlyArray<PersonalDataCategory>,
): AccessPolicy =>
  Object.fromEntries(
    Object.entries(policy).map(([role, grants]) => [
      role,
      (grants ?? []).map((g) => ({
        ...g,
        categories: g.categories.filter((c) => categories.includes(c)),
      })),
    ]),
  );

/** What one event looks like to a principal, and which personal data it showed and withheld. */
export interface FilteredEvent {
  readonly event: RecordedEvent;
  readonly shown: ReadonlyArray<PersonalFieldRef>;
  readonly withheld: ReadonlyArray<PersonalFieldRef>;
  /**
   * Every person the event holds personal data of, shown or not (withheld from this principal,
   * or left closed by the store), by the subject mapping: whom the record shown is about. A
   * person whose id the read left closed (a personal id withheld or erased) is not known.
   */
  readonly persons: ReadonlyArray<string>;
}

/** A person id as the data gives it, or undefined where it is not known (none, withheld, erased). */
export const knownPerson = (id: string | undefined): string | undefined =>
  id === undefined || isUnavailablePersonalData(id) ? undefined : id;

const shows = (grant: ReadGrant, principal: Principal, field: PersonalFieldRef): boolean =>
  grant.categories.includes(field.category) &&
  (grant.subjects === 'all' ||
    (field.subject !== undefined && (principal.pupils ?? []).includes(field.subject)));

/**
 * `event` as `principal` may read it under `policy`: undefined when no grant shows it (the
 * event is absent); otherwise a copy whose personal fields no grant shows are the withheld
 * marker of their category.
 */
export const filterEvent = (
  policy: AccessPolicy,
  principal: Principal,
  module: AnyDomainModule,
  event: RecordedEvent,
  fieldsOf: PersonalFieldsFinder = subjectFieldsFinder(),
): FilteredEvent | undefined => {
  const grants = grantsFor(policy, principal, module.name, event);
  if (grants.length === 0) return undefined;
  // Stored data the store could not read holds no readable value: it goes on as it is, for the
  // reader's projections to report as unreadable history (stream, revision, why).
  if (unreadableStoredDataWhy(event.data) !== undefined)
    return { event, shown: [], withheld: [], persons: [] };
  const fields = fieldsOf(module, event);
  const persons = [...new Set(fields.flatMap((f) => knownPerson(f.subject) ?? []))];
  const shown: PersonalFieldRef[] = [];
  const hidden: PersonalFieldRef[] = [];
  const data: unknown = JSON.parse(JSON.stringify(event.data ?? null));
  for (const field of fields) {
    if (field.path.length === 0) continue;
    // A field the store did not open for this read (it was not asked for) shows nothing.
    if (isWithheldPersonalData(valueAt(data, field.path))) continue;
    if (grants.some((g) => shows(g, principal, field))) shown.push(field);
    else {
      hidden.push(field);
      setAt(data, field.path, withheld(field.category));
    }
  }
  return { event: { ...event, data }, shown, withheld: hidden, persons };
};
