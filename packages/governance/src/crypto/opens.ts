import type { PersonalDataCategory, PersonalDataUse, PersonalFieldUse } from '@aimline/kernel';

/** Where a field is in an event's data: keys and array indexes. */
export type Path = ReadonlyArray<string | number>;

/**
 * What a read opens (`ReadAllOptions.personalData`): every other personal field reads as
 * `[withheld:<category>]` without its key being loaded or its bytes decrypted.
 */
export interface Opens {
  /**
   * Whether the read may open a field of `category` in an event of type `type`: a sealed part of
   * another category is not even cut out of the stored data.
   */
  category(type: string, category: PersonalDataCategory): boolean;
  /** Whether the read opens the field of `category` at `path` (as stored) of an event of type `type`. */
  field(type: string, category: PersonalDataCategory, path: Path): boolean;
  /** Whether every field of a category `category` says yes to is opened: `field` need not be asked. */
  readonly byCategory: boolean;
}

/** Opens every personal field (a read that gives no `personalData`). */
export const opensAll: Opens = {
  category: () => true,
  field: () => true,
  byCategory: true,
};

/** A declared path (`parents.[].name`) as segments; `[]` stands for any index, `*` for any key. */
const segmentsOf = (declared: string): ReadonlyArray<string> =>
  declared === '' ? [] : declared.split('.');

const matches = (pattern: ReadonlyArray<string>, path: Path): boolean => {
  if (pattern.length !== path.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!;
    const at = path[i]!;
    if (
      want === '[]' ? typeof at !== 'number' : want === '*' ? typeof at !== 'string' : want !== at
    )
      return false;
  }
  return true;
};

/**
 * The `Opens` of a read's `personalData` (undefined: every field): a category named opens every
 * field of it; a field named (`PersonalFieldUse`) opens that field of that event type only.
 */
export const opensOf = (use: PersonalDataUse | undefined): Opens => {
  if (use === undefined) return opensAll;
  const categories = new Set<PersonalDataCategory>();
  const fields = new Map<string, Array<ReadonlyArray<string>>>();
  for (const item of use) {
    if (typeof item === 'string') categories.add(item);
    else {
      const { eventType, path }: PersonalFieldUse = item;
      const patterns = fields.get(eventType) ?? [];
      patterns.push(segmentsOf(path));
      fields.set(eventType, patterns);
    }
  }
  if (fields.size === 0)
    return {
      category: (_, category) => categories.has(category),
      field: () => true,
      byCategory: true,
    };
  return {
    // The category of a named field is not known here (the codecs know it): every category of an
    // event type with a named field may hold it, and `field` decides.
    category: (type, category) => categories.has(category) || fields.has(type),
    field: (type, category, path) => {
      if (categories.has(category)) return true;
      const patterns = fields.get(type);
      return patterns !== undefined && patterns.some((p) => matches(p, path));
    },
    byCategory: false,
  };
};
