import { createDecipheriv } from 'node:crypto';
import { personalDataCategories, type PersonalDataCategory } from '@aimline/kernel';

/**
 * Sealed format 1, read only (new history is sealed in format 2, `sealed-boxes.ts`): one
 * encrypted personal field, as stored in place of its value: a string
 * `aimline:enc:1:<subject ref>:<category>:<base64url of IV ‖ ciphertext ‖ tag>`.
 * AES-256-GCM with the subject's data key and a random 96-bit IV; the additional data binds the
 * event id, the stream, the field's path, the subject and the category, so a ciphertext moved
 * to another field, event, stream or subject does not decrypt.
 */
export const ENVELOPE_PREFIX = 'aimline:enc:1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

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

// The additional data is handed to OpenSSL at once (setAAD copies it), so one buffer serves
// every field; longer text than it holds gets a buffer of its own.
const scratch = Buffer.allocUnsafe(2048);
const aadBytes = (text: string): Buffer =>
  text.length * 3 <= scratch.length
    ? scratch.subarray(0, scratch.write(text, 0, 'utf8'))
    : Buffer.from(text, 'utf8');

/** The additional data of a field, as text: the JSON of `['aimline:enc:1', eventId, stream, path, ref, category]`. */
export const fieldAadText = (place: FieldPlace, ref: string, category: string): string =>
  aadText(eventAadPrefix(place.eventId, place.stream), place.path, ref, category);

export const isEnvelope = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);

const CATEGORIES: ReadonlySet<string> = new Set(personalDataCategories);
/** The fewest base64url characters that can hold an IV and a tag. */
const MIN_PAYLOAD_CHARS = Math.ceil(((IV_BYTES + TAG_BYTES) * 4) / 3);

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
  const payload = Buffer.from(envelope.payload, 'base64url');
  if (payload.length < IV_BYTES + TAG_BYTES) throw new Error('the payload is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  })
    .setAAD(aadBytes(aadText(eventPrefix, path, envelope.ref, envelope.category)))
    .setAuthTag(payload.subarray(payload.length - TAG_BYTES));
  const plain = decipher.update(payload.subarray(IV_BYTES, payload.length - TAG_BYTES));
  decipher.final(); // checks the tag: throws before anything is returned
  return JSON.parse(plain.toString('utf8')) as unknown;
};
