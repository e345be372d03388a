import { personalDataCategories, type PersonalDataCategory } from '@aimline/kernel';
import { MIN_PAYLOAD_CHARS, openPayload } from './aes-gcm.js';

/**
 * Sealed format 1, read only (new history is sealed in format 2, `sealed-boxes.ts`): one
 * encrypted personal field, as stored in place of its value: a string
 * `aimline:enc:1:<subject ref>:<category>:<base64url of IV ‖ ciphertext ‖ tag>`.
 * AES-256-GCM with the subject's data key and a random 96-bit IV; the additional data binds the
 * event id, the stream, the field's path, the subject and the category, so a ciphertext moved
 * to another field, event, stream or subject does not decrypt.
 */
export const ENVELOPE_PREFIX = 'aimline:enc:1:';

export interface Envelope {
  readonly ref: string;
  readonly category: PersonalDataCategory;
  /** IV ‖ ciphertext ‖ tag, base64url: decoded only when the field is opened. */
  readonly payload: string;
}

export interface FieldPlace {
  readonly eventId: string;
  readonly stream: string;
  /** Keys and indexes joined with dots: `child.name`, `parents.0.contact.phone`. */
  readonly path: string;
}

/**
 * The part of the additional data every field of one event shares: the additional data is the
 * JSON of `['aimline:enc:1', eventId, stream, path, ref, category]`, built from this prefix so
 * a read of many fields of one event serialises the event's part once.
 */
export const eventAadPrefix = (eventId: string, stream: string): string =>
  `["aimline:enc:1",${JSON.stringify(eventId)},${JSON.stringify(stream)},`;

const aadText = (prefix: string, path: string, ref: string, category: string): string =>
  `${prefix}${JSON.stringify(path)},${JSON.stringify(ref)},${JSON.stringify(category)}]`;

/** The additional data of a field, as text: the JSON of `['aimline:enc:1', eventId, stream, path, ref, category]`. */
export const fieldAadText = (place: FieldPlace, ref: string, category: string): string =>
  aadText(eventAadPrefix(place.eventId, place.stream), place.path, ref, category);

export const isEnvelope = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);

const CATEGORIES: ReadonlySet<string> = new Set(personalDataCategories);

/**
 * The parts of an envelope, or undefined when the string is not a well-formed one (its subject
 * reference, a known category and a payload long enough for an IV and a tag). The payload is
 * not decoded here: a read that does not open the field never pays for it.
 */
export const parseEnvelope = (text: string): Envelope | undefined => {
  const start = ENVELOPE_PREFIX.length;
  const afterRef = text.indexOf(':', start);
  const afterCategory = afterRef < 0 ? -1 : text.indexOf(':', afterRef + 1);
  if (afterCategory < 0 || text.includes(':', afterCategory + 1)) return undefined;
  const category = text.slice(afterRef + 1, afterCategory);
  if (!CATEGORIES.has(category)) return undefined;
  if (text.length - afterCategory - 1 < MIN_PAYLOAD_CHARS) return undefined;
  return {
    ref: text.slice(start, afterRef),
    category: category as PersonalDataCategory,
    payload: text.slice(afterCategory + 1),
  };
};

/**
 * Decrypts an envelope of the event whose `eventAadPrefix` is given, at `path`; throws when the
 * key, the place or the bytes are not those sealed (nothing is returned before the tag checks).
 */
export const openFieldOf = (
  key: Buffer,
  envelope: Envelope,
  eventPrefix: string,
  path: string,
): unknown => {
  const aad = aadText(eventPrefix, path, envelope.ref, envelope.category);
  return JSON.parse(openPayload(key, envelope.payload, aad)) as unknown;
};
