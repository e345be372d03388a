import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  personalDataCategories,
  valueAt,
  withheldPersonalData,
  type DataPath,
  type PersonalDataCategory,
} from '@aimline/kernel';

/**
 * Sealed format 2: one AES-256-GCM box per data subject and category per event. In the stored
 * data every personal field already holds its withheld marker (`[withheld:<category>]`), and the
 * member `SEALED_MEMBER` of the data lists the boxes:
 * `[[<subject ref>, <category>, [<path>, …], <base64url of IV ‖ ciphertext ‖ tag>], …]`, where the
 * plaintext is the JSON array of the values at those paths. The additional data is the JSON of
 * `['aimline:sealed:2', eventId, stream, ref, category, paths]`, so a box moved to another event,
 * stream, subject, category or set of fields does not decrypt.
 *
 * A read that does not open a category leaves its fields as stored (withheld), without copying,
 * walking or decrypting anything; a read that opens it decrypts one box per subject, never a box
 * of a category it does not open. Format 1 (an `aimline:enc:1:` envelope in each field's place,
 * `field-cipher.ts`) is still read.
 */
export const SEALED_MEMBER = 'aimline:sealed:2';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The fewest base64url characters that can hold an IV and a tag. */
const MIN_PAYLOAD_CHARS = Math.ceil(((IV_BYTES + TAG_BYTES) * 4) / 3);
/** A subject reference, as the key vault makes them (`KeyVault.subjectRef`). */
const SUBJECT_REF = /^[0-9a-f]{32}$/;
const CATEGORIES: ReadonlySet<string> = new Set(personalDataCategories);

/** One box: every field of one subject and category in one event. */
export interface SealedBox {
  readonly ref: string;
  readonly category: PersonalDataCategory;
  readonly paths: ReadonlyArray<DataPath>;
  /** IV ‖ ciphertext ‖ tag, base64url: decoded only when the box is opened. */
  readonly payload: string;
}

const aad = (
  eventId: string,
  stream: string,
  ref: string,
  category: string,
  paths: ReadonlyArray<DataPath>,
): Buffer => Buffer.from(JSON.stringify([SEALED_MEMBER, eventId, stream, ref, category, paths]));

/** Seals the values of one subject's fields of one category (`values[i]` is at `paths[i]`). */
export const sealBox = (
  key: Buffer,
  place: { readonly eventId: string; readonly stream: string },
  box: Omit<SealedBox, 'payload'>,
  values: ReadonlyArray<unknown>,
): SealedBox => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(
    aad(place.eventId, place.stream, box.ref, box.category, box.paths),
  );
  const body = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  const payload = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  return { ...box, payload };
};

/** The stored form of a list of boxes (the value of `SEALED_MEMBER`). */
export const storedBoxes = (boxes: ReadonlyArray<SealedBox>): unknown[] =>
  boxes.map((b) => [b.ref, b.category, b.paths, b.payload]);

/** The event's data holds sealed format 2 (its own member `SEALED_MEMBER`). */
export const holdsBoxes = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' &&
  data !== null &&
  !Array.isArray(data) &&
  Object.hasOwn(data, SEALED_MEMBER);

const isPath = (p: unknown): p is DataPath =>
  Array.isArray(p) &&
  p.length > 0 &&
  p.every((s) => typeof s === 'string' || (Number.isSafeInteger(s) && (s as number) >= 0));

/**
 * The boxes of data that `holdsBoxes`, parsed strictly: each a subject reference, a known
 * category, at least one path, each path holding its category's withheld marker in the stored
 * data, and a payload long enough for an IV and a tag. Anything else is a string saying what is
 * wrong (the event then reads as unreadable data). The payloads are not decoded here.
 */
export const parseBoxes = (data: Record<string, unknown>): ReadonlyArray<SealedBox> | string => {
  const stored = data[SEALED_MEMBER];
  if (!Array.isArray(stored) || stored.length === 0)
    return `${SEALED_MEMBER} is not a list of sealed boxes`;
  const boxes: SealedBox[] = [];
  for (let i = 0; i < stored.length; i++) {
    const box: unknown = stored[i];
    if (!Array.isArray(box) || box.length !== 4)
      return `sealed box ${i} is not [ref, category, paths, payload]`;
    const [ref, category, paths, payload] = box as unknown[];
    if (typeof ref !== 'string' || !SUBJECT_REF.test(ref))
      return `sealed box ${i} does not name a subject reference`;
    if (typeof category !== 'string' || !CATEGORIES.has(category))
      return `sealed box ${i} does not name a personal-data category`;
    if (!Array.isArray(paths) || paths.length === 0 || !paths.every(isPath))
      return `sealed box ${i} does not list the paths of its fields`;
    if (typeof payload !== 'string' || payload.length < MIN_PAYLOAD_CHARS)
      return `sealed box ${i} has no payload`;
    const marker = withheldPersonalData(category as PersonalDataCategory);
    for (const path of paths)
      if (valueAt(data, path) !== marker)
        return `personal field ${path.join('.')} does not hold the ${marker} its sealed box ${i} stands for`;
    boxes.push({ ref, category: category as PersonalDataCategory, paths, payload });
  }
  return boxes;
};

/**
 * The values of a box of the event `eventId` in `stream`, in the order of its paths; throws when
 * the key, the place or the bytes are not those sealed (nothing is returned before the tag checks).
 */
export const openBox = (
  key: Buffer,
  box: SealedBox,
  eventId: string,
  stream: string,
): ReadonlyArray<unknown> => {
  const payload = Buffer.from(box.payload, 'base64url');
  if (payload.length < IV_BYTES + TAG_BYTES) throw new Error('the payload is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  })
    .setAAD(aad(eventId, stream, box.ref, box.category, box.paths))
    .setAuthTag(payload.subarray(payload.length - TAG_BYTES));
  const plain = decipher.update(payload.subarray(IV_BYTES, payload.length - TAG_BYTES));
  decipher.final(); // checks the tag: throws before anything is returned
  const values = JSON.parse(plain.toString('utf8')) as unknown;
  if (!Array.isArray(values) || values.length !== box.paths.length)
    throw new Error('the box does not hold one value per path');
  return values;
};
