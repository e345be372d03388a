import {
  personalDataCategories,
  withheldPersonalData,
  type DataPath,
  type PersonalDataCategory,
} from '@aimline/kernel';
import { MIN_PAYLOAD_CHARS, openPayload, sealPayload } from './aes-gcm.js';
import type { Opens } from './opens.js';

/**
 * Sealed format 2: one AES-256-GCM box per data subject and category per event. In the stored
 * data every personal field already holds its withheld marker (`[withheld:<category>]`), and the
 * member `SEALED_MEMBER` of the data lists the boxes, each one string
 * `<subject ref>:<category>:<base64url of IV ‖ ciphertext ‖ tag>:<JSON of the fields' paths>`,
 * where the plaintext is the JSON array of the values at those paths. The additional data is
 * `["aimline:sealed:2",<event id>,<stream>,<ref>,<category>,<the paths' JSON as stored>]`, so a
 * box moved to another event, stream, subject, category or set of fields does not decrypt.
 *
 * A read that does not open a category leaves its fields as stored (withheld), without copying,
 * walking or decrypting anything, and never parses that box's paths; a read that opens it
 * decrypts one box per subject, never a box of a category it does not open. A box is one string
 * so that reading stored data costs one string per box, not a tree of small values. Format 1 (an
 * `aimline:enc:1:` envelope in each field's place, `field-cipher.ts`) is still read.
 */
export const SEALED_MEMBER = 'aimline:sealed:2';
/**
 * A box that starts with a subject reference as the key vault makes them (`KeyVault.subjectRef`:
 * 32 hexadecimal digits), tested on the box itself rather than on a slice of it.
 */
const STARTS_WITH_SUBJECT_REF = /^[0-9a-f]{32}:/;
const REF_CHARS = 32;

/** The category named by `text` from `start` to `end`, found without cutting it out. */
const categoryAt = (text: string, start: number, end: number): PersonalDataCategory | undefined => {
  for (const category of personalDataCategories)
    if (category.length === end - start && text.startsWith(category, start)) return category;
  return undefined;
};

/** One box: every field of one subject and category in one event. */
export interface SealedBox {
  readonly ref: string;
  readonly category: PersonalDataCategory;
  /** IV ‖ ciphertext ‖ tag, base64url: decoded only when the box is opened. */
  readonly payload: string;
  /** The JSON of the fields' paths, as stored: parsed only when the box is opened (`boxPaths`). */
  readonly pathsJson: string;
}

/** The additional data of a box, as text. */
const aad = (eventId: string, stream: string, box: Omit<SealedBox, 'payload'>): string =>
  `["${SEALED_MEMBER}",${JSON.stringify(eventId)},${JSON.stringify(stream)},"${box.ref}","${box.category}",${box.pathsJson}]`;

/**
 * Seals the values of one subject's fields of one category (`values[i]` is at `paths[i]`) and
 * gives the box as stored.
 */
export const sealBox = (
  key: Buffer,
  place: { readonly eventId: string; readonly stream: string },
  box: { readonly ref: string; readonly category: PersonalDataCategory },
  paths: ReadonlyArray<DataPath>,
  values: ReadonlyArray<unknown>,
): string => {
  const pathsJson = JSON.stringify(paths);
  const payload = sealPayload(
    key,
    aad(place.eventId, place.stream, { ...box, pathsJson }),
    JSON.stringify(values),
  );
  return `${box.ref}:${box.category}:${payload}:${pathsJson}`;
};

/** The event's data holds sealed format 2 (its own member `SEALED_MEMBER`). */
export const holdsBoxes = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' &&
  data !== null &&
  !Array.isArray(data) &&
  Object.hasOwn(data, SEALED_MEMBER);

/**
 * The boxes of data that `holdsBoxes` (of an event of type `type`) of the categories a read `opens`, parsed strictly: each a
 * string naming a subject reference, a known category, a payload long enough for an IV and a
 * tag, and its paths' JSON. Anything else is a string saying what is wrong (the event then reads
 * as unreadable data). A box of a category the read does not open is checked only as far as
 * finding its category (a string whose subject reference is 32 characters long, then a known
 * category), and never cut into parts: most boxes are of categories a read does not open, and a
 * read that opens them checks them whole (the hash chains cover every stored byte regardless).
 * Neither the payloads nor the paths are decoded here.
 */
export const parseBoxes = (
  data: Record<string, unknown>,
  type: string,
  opens: Pick<Opens, 'category'>,
): ReadonlyArray<SealedBox> | string => {
  const stored = data[SEALED_MEMBER];
  if (!Array.isArray(stored) || stored.length === 0)
    return `${SEALED_MEMBER} is not a list of sealed boxes`;
  const boxes: SealedBox[] = [];
  for (let i = 0; i < stored.length; i++) {
    const box: unknown = stored[i];
    if (typeof box !== 'string') return notABox(i);
    const afterRef = box.indexOf(':');
    if (afterRef < 0) return notABox(i);
    if (afterRef !== REF_CHARS) return `sealed box ${i} does not name a subject reference`;
    const afterCategory = box.indexOf(':', afterRef + 1);
    if (afterCategory < 0) return notABox(i);
    const category = categoryAt(box, afterRef + 1, afterCategory);
    if (category === undefined) return `sealed box ${i} does not name a personal-data category`;
    if (!opens.category(type, category)) continue;
    const afterPayload = box.indexOf(':', afterCategory + 1);
    if (afterPayload < 0) return notABox(i);
    if (!STARTS_WITH_SUBJECT_REF.test(box))
      return `sealed box ${i} does not name a subject reference`;
    if (afterPayload - afterCategory - 1 < MIN_PAYLOAD_CHARS)
      return `sealed box ${i} has no payload`;
    boxes.push({
      ref: box.slice(0, afterRef),
      category,
      payload: box.slice(afterCategory + 1, afterPayload),
      pathsJson: box.slice(afterPayload + 1),
    });
  }
  return boxes;
};

const notABox = (i: number): string => `sealed box ${i} is not <ref>:<category>:<payload>:<paths>`;

const isSegment = (s: unknown): boolean =>
  typeof s === 'string' || (typeof s === 'number' && Number.isSafeInteger(s) && s >= 0);

/** The value at `path` in stored data, or undefined when the path is not a list of keys and indexes or leads nowhere. */
const storedAt = (data: unknown, path: unknown): unknown => {
  if (!Array.isArray(path) || path.length === 0) return undefined;
  let at = data;
  for (let i = 0; i < path.length; i++) {
    const segment: unknown = path[i];
    if (!isSegment(segment) || typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[segment as string | number];
  }
  return at;
};

/**
 * The paths of a box, parsed strictly from its JSON: at least one, each a list of keys and
 * indexes leading to the box's withheld marker in the stored data; otherwise a string saying
 * what is wrong.
 */
export const boxPaths = (box: SealedBox, data: unknown): ReadonlyArray<DataPath> | string => {
  let paths: unknown;
  try {
    paths = JSON.parse(box.pathsJson);
  } catch {
    return `a sealed box of ${box.category} does not list its fields' paths`;
  }
  if (!Array.isArray(paths) || paths.length === 0)
    return `a sealed box of ${box.category} does not list its fields' paths`;
  const marker = withheldPersonalData(box.category);
  for (const path of paths as unknown[])
    if (storedAt(data, path) !== marker)
      return `personal field ${Array.isArray(path) ? path.join('.') : String(path)} does not hold the ${marker} its sealed box stands for`;
  return paths as DataPath[];
};

/**
 * The values of a box of the event `eventId` in `stream`, one per path; throws when the key, the
 * place or the bytes are not those sealed (nothing is returned before the tag checks).
 */
export const openBox = (
  key: Buffer,
  box: SealedBox,
  paths: ReadonlyArray<DataPath>,
  eventId: string,
  stream: string,
): ReadonlyArray<unknown> => {
  const values = JSON.parse(openPayload(key, box.payload, aad(eventId, stream, box))) as unknown;
  if (!Array.isArray(values) || values.length !== paths.length)
    throw new Error('the box does not hold one value per path');
  return values;
};
