import * as t from 'io-ts';
import { PersonalDataCategory, personalDataCategories } from '@aimline/kernel';
import { grantsPerRole } from '../principals/grants.js';

/** Every personal-data category (the kernel's list). */
export const PERSONAL_DATA_CATEGORIES = personalDataCategories;

const Category = PersonalDataCategory;

/**
 * Which streams of a module a read grant covers: those the principal is allocated to, every
 * stream of the module if they sit on a panel, or every stream.
 */
export const ReadScope = t.keyof({ allocated: null, panel: null, all: null }, 'ReadScope');
export type ReadScope = t.TypeOf<typeof ReadScope>;

/** Whose personal data the grant shows: everyone's in the event, or only the principal's pupils'. */
export const SubjectScope = t.keyof({ all: null, pupils: null }, 'SubjectScope');
export type SubjectScope = t.TypeOf<typeof SubjectScope>;

/**
 * One read grant: events of this module (`events`: the types, or `"all"`) on these streams,
 * with these personal-data categories shown for these subjects. Every other personal field of a
 * shown event is withheld (a marker with its category); every other event and stream is absent.
 */
export const ReadGrant = t.type(
  {
    module: t.string,
    streams: ReadScope,
    events: t.union([t.literal('all'), t.readonlyArray(t.string)]),
    categories: t.readonlyArray(Category),
    subjects: SubjectScope,
  },
  'ReadGrant',
);
export type ReadGrant = t.TypeOf<typeof ReadGrant>;

/** Who may read what: for each role, its read grants. A role without grants reads nothing. */
export const AccessPolicy = grantsPerRole(ReadGrant, 'AccessPolicy');
export type AccessPolicy = t.TypeOf<typeof AccessPolicy>;
