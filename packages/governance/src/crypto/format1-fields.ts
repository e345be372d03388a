/**
 * Finding format 1's sealed fields in stored data: each an `aimline:enc:1:` envelope stored in its
 * field's place (`field-cipher.ts`). Format 2 lists its boxes in a member of its own
 * (`sealed-boxes.ts`); `open-fields.ts` opens either.
 */
import {
  STORED_JSON,
  unreadableStoredDataWhy,
  valueAt,
  type RecordedEvent,
  type StoredJson,
} from '@aimline/kernel';
import { ENVELOPE_PREFIX, isEnvelope, parseEnvelope, type Envelope } from './field-cipher.js';
import type { Path } from './opens.js';

/**
 * Every envelope in a value, with its path (stored data is JSON: strings, arrays, objects). The
 * walk stops once `out` holds `most` envelopes (when the stored text says how many there can be).
 */
export const envelopesIn = (
  value: unknown,
  path: Array<string | number>,
  out: Array<[Path, string]>,
  most = Infinity,
): void => {
  if (typeof value === 'string') {
    if (isEnvelope(value)) out.push([[...path], value]);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length && out.length < most; i++) {
      path.push(i);
      envelopesIn(value[i], path, out, most);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    // Stored data is parsed JSON: plain objects, whose keys are all their own.
    for (const k in node) {
      if (out.length >= most) return;
      path.push(k);
      envelopesIn(node[k], path, out, most);
      path.pop();
    }
  }
};

/** How many times `part` occurs in `text` (an upper bound on the envelopes stored text holds). */
const occurrences = (text: string, part: string): number => {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) n++;
  return n;
};

/** One encrypted field of a stored event: where it is, and its envelope (undefined: malformed). */
export interface SealedField {
  readonly path: Path;
  readonly envelope: Envelope | undefined;
}

const NONE: ReadonlyArray<SealedField> = [];

/** The stored text a store kept with the event, if it did. */
export const storedJsonOf = (event: RecordedEvent): StoredJson | undefined =>
  (event as { [STORED_JSON]?: StoredJson })[STORED_JSON];

/**
 * Where the envelopes of the last event of each type were: a hint tried before walking the data.
 * It is only ever a hint: see `sealedFields`.
 */
const lastPaths = new Map<string, ReadonlyArray<Path>>();

/** The envelopes at `paths` in `data` (the places the hint names that hold one). */
const envelopesAt = (data: unknown, paths: ReadonlyArray<Path>): Array<[Path, string]> => {
  const found: Array<[Path, string]> = [];
  for (const path of paths) {
    const value = valueAt(data, path);
    if (isEnvelope(value)) found.push([path, value]);
  }
  return found;
};

/**
 * The encrypted fields of a stored event. When the store kept the stored text, an event whose
 * text holds no envelope is not walked at all; and as every envelope's text is in the stored
 * text, the number of times the envelope prefix occurs there bounds how many the data holds (the
 * prefix found elsewhere, inside a longer string or in a key, only raises the bound). So when
 * the places where the last event of the same type had its envelopes hold that many, they are
 * all of them and the data is not walked; otherwise the walk stops at the bound.
 */
export const sealedFields = (event: RecordedEvent): ReadonlyArray<SealedField> => {
  if (unreadableStoredDataWhy(event.data) !== undefined) return NONE;
  const stored = storedJsonOf(event);
  const most = stored === undefined ? Infinity : occurrences(stored.data, ENVELOPE_PREFIX);
  if (most === 0) return NONE;
  const hint = lastPaths.get(event.type);
  let found = hint === undefined ? undefined : envelopesAt(event.data, hint);
  if (found?.length !== most) {
    found = [];
    envelopesIn(event.data, [], found, most);
    lastPaths.set(
      event.type,
      found.map(([path]) => path),
    );
  }
  return found.length === 0
    ? NONE
    : found.map(([path, text]) => ({ path, envelope: parseEnvelope(text) }));
};
