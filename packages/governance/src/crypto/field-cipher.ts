import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PersonalDataCategory } from '@aimline/kernel';

/**
 * One encrypted personal field, as stored in place of its value: a string
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
  readonly payload: Buffer;
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

const aad = (place: FieldPlace, ref: string, category: string): Buffer =>
  aadBytes(fieldAadText(place, ref, category));

export const isEnvelope = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);

/** Encrypts a field's value (its JSON, so numbers and booleans keep their type). */
export const sealField = (
  key: Buffer,
  ref: string,
  category: PersonalDataCategory,
  place: FieldPlace,
  value: unknown,
): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(place, ref, category));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  const payload = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  return `${ENVELOPE_PREFIX}${ref}:${category}:${payload}`;
};

/** The parts of an envelope, or undefined when the string is not a well-formed one. */
export const parseEnvelope = (text: string): Envelope | undefined => {
  const [ref, category, payload, ...rest] = text.slice(ENVELOPE_PREFIX.length).split(':');
  if (ref === undefined || category === undefined || payload === undefined || rest.length > 0)
    return undefined;
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  return { ref, category: category as PersonalDataCategory, payload: bytes };
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
  const { payload } = envelope;
  const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  })
    .setAAD(aadBytes(aadText(eventPrefix, path, envelope.ref, envelope.category)))
    .setAuthTag(payload.subarray(payload.length - TAG_BYTES));
  const plain = decipher.update(payload.subarray(IV_BYTES, payload.length - TAG_BYTES));
  decipher.final(); // checks the tag: throws before anything is returned
  return JSON.parse(plain.toString('utf8')) as unknown;
};

/** Decrypts an envelope at its place; throws when the key, the place or the bytes are not those sealed. */
export const openField = (key: Buffer, envelope: Envelope, place: FieldPlace): unknown =>
  openFieldOf(key, envelope, eventAadPrefix(place.eventId, place.stream), place.path);
