import type { EventCatalogue } from './event-catalogue.js';
import type { PersonalDataCategory } from './personal-data.js';

/**
 * One personal field a reader uses: the field at `path` (declared as `personalDataPaths` lists it:
 * `child.dateOfBirth`, `parents.[].name`) of events of type `eventType`.
 */
export interface PersonalFieldUse {
  readonly eventType: string;
  readonly path: string;
}

/**
 * The personal data a read will use (default: every field): each item either a category (every
 * field of it, in every event) or one field of one event type (`PersonalFieldUse`). A store that
 * encrypts personal data opens only these fields; every other personal field reads as
 * `[withheld:<category>]`, as a need-to-know read shows a field it does not show, so the codecs
 * still decode it and domain rules treat it as unknown. A store that holds plaintext may return
 * every field as stored. A reader that shows or computes with a field must name it, or its
 * category; naming the fields rather than the category opens less (data minimisation: a replay
 * that works deadlines out from a pupil's date of birth does not open a victim's).
 */
export type PersonalDataUse = ReadonlyArray<PersonalDataCategory | PersonalFieldUse>;

/** Every item of the uses given, once (the use of a read that serves several readers). */
export const jointPersonalDataUse = (...uses: ReadonlyArray<PersonalDataUse>): PersonalDataUse => {
  const seen = new Map<string, PersonalDataCategory | PersonalFieldUse>();
  for (const use of uses)
    for (const item of use)
      seen.set(typeof item === 'string' ? item : `${item.eventType}\u0000${item.path}`, item);
  return [...seen.values()];
};

/**
 * The fields of `use` that `events` does not declare personal (`type.path`): a use naming a field
 * that is not there would open nothing and leave its reader working from a withheld value.
 */
export const undeclaredPersonalFields = (
  events: Pick<EventCatalogue<never>, 'personalData'>,
  use: PersonalDataUse,
): string[] =>
  use
    .filter((item): item is PersonalFieldUse => typeof item !== 'string')
    .filter(({ eventType, path }) => !events.personalData(eventType).some((p) => p.path === path))
    .map(({ eventType, path }) => `${eventType}.${path}`);
