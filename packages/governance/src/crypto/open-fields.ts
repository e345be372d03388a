/**
 * The read side of the encrypting store: finding an event's sealed parts (format 2's boxes, or
 * format 1's field envelopes) and opening them with keys this process already holds. Finding is
 * separate from opening so a read can look at a batch of events, load every key the batch needs
 * at once (`KeyVault.loadReadingKeys`), then open each event without waiting
 * (`opening-reads.ts`).
 */
import {
  attachStoredJson,
  canonicalJson,
  erasedPersonalData,
  STORED_JSON,
  unreadableStoredData,
  unreadableStoredDataWhy,
  valueAt,
  withheldPersonalData,
  type PersonalDataCategory,
  type RecordedEvent,
  type StoredJson,
} from '@aimline/kernel';
import {
  ENVELOPE_PREFIX,
  eventAadPrefix,
  isEnvelope,
  openFieldOf,
  parseEnvelope,
  type Envelope,
} from './field-cipher.js';
import {
  boxPaths,
  holdsBoxes,
  openBox,
  parseBoxes,
  SEALED_MEMBER,
  type SealedBox,
} from './sealed-boxes.js';

export type Path = ReadonlyArray<string | number>;

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

const copy = (node: unknown): unknown =>
  Array.isArray(node) ? (node as unknown[]).slice() : { ...(node as Record<string, unknown>) };

/**
 * A copy of `value` with the values at the given paths replaced (only the nodes on those paths
 * are copied) and, when `dropped` is given, without that member of the top object.
 */
const replaced = (
  value: unknown,
  replacements: ReadonlyArray<[Path, unknown]>,
  dropped?: string,
): unknown => {
  let root: unknown;
  if (dropped === undefined) root = copy(value);
  else {
    const { [dropped]: _, ...rest } = value as Record<string, unknown>;
    root = rest;
  }
  if (replacements.length === 0) return root;
  // Each node on a path is copied once, however many replaced fields lie under it.
  const copied: unknown[] = [root];
  for (const [path, v] of replacements) {
    let at = root as Record<string | number, unknown>;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i]!;
      let next = at[key];
      if (!copied.includes(next)) {
        next = copy(next);
        copied.push(next);
        at[key] = next;
      }
      at = next as Record<string | number, unknown>;
    }
    at[path[path.length - 1]!] = v;
  }
  return root;
};

/** One encrypted field of a stored event: where it is, and its envelope (undefined: malformed). */
export interface SealedField {
  readonly path: Path;
  readonly envelope: Envelope | undefined;
}

const NONE: ReadonlyArray<SealedField> = [];

const storedJsonOf = (event: RecordedEvent): StoredJson | undefined =>
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

/** One sealed part of a stored event, whichever format sealed it: whose key opens it, and its category. */
export interface SealedPart {
  readonly ref: string;
  readonly category: PersonalDataCategory;
}

/**
 * How the parts of one sealed format are opened. Format 2's part is a box (one per subject and
 * category, its fields' stored values already withheld markers, the boxes listed in a member of
 * the data); format 1's part is one field's envelope, stored in the field's place.
 */
interface SealedFormat<P extends SealedPart> {
  /** The member of the data that lists the parts, left out of the opened data. */
  readonly listedIn: string | undefined;
  /** Whether the fields of a part the read does not open already hold their withheld marker as stored. */
  readonly withheldAsStored: boolean;
  /** The paths of the part's fields in the stored data, or why they cannot be (the event is then unreadable). */
  paths(part: P, data: unknown): ReadonlyArray<Path> | string;
  /** The part's values, one per path; throws when they do not decrypt with `key` at this place. */
  open(
    key: Buffer,
    part: P,
    paths: ReadonlyArray<Path>,
    event: RecordedEvent,
  ): ReadonlyArray<unknown>;
}

const boxFormat: SealedFormat<SealedBox> = {
  listedIn: SEALED_MEMBER,
  withheldAsStored: true,
  paths: boxPaths,
  open: (key, box, paths, event) => openBox(key, box, paths, event.id, event.stream),
};

/** A format-1 field envelope and where it is. */
export interface FieldPart extends Envelope {
  readonly path: Path;
}

const fieldFormat: SealedFormat<FieldPart> = {
  listedIn: undefined,
  withheldAsStored: false,
  paths: (field) => [field.path],
  open: (key, field, _paths, event) => [
    openFieldOf(key, field, eventAadPrefix(event.id, event.stream), field.path.join('.')),
  ],
};

/**
 * The sealed parts of a stored event and the format that sealed them. `damage` says why the
 * stored sealed data is malformed (the event then reads as unreadable data).
 */
export interface Sealed {
  readonly format: SealedFormat<SealedPart>;
  readonly parts: ReadonlyArray<SealedPart>;
  readonly damage: string | undefined;
}

const NOT_SEALED: Sealed = { format: fieldFormat, parts: [], damage: undefined };
/** Boxes none of which the read opens (most boxed events of most reads): nothing to decrypt. */
const BOXES_CLOSED: Sealed = { format: boxFormat, parts: [], damage: undefined };

const damaged = (format: SealedFormat<SealedPart>, damage: string): Sealed => ({
  format,
  parts: [],
  damage,
});

/**
 * The sealed parts of a stored event a read that `opens` those categories needs: format 2's boxes
 * of those categories (the others' fields are withheld as stored), or every format-1 envelope
 * (each stored in its field's place).
 */
export const sealedParts = (event: RecordedEvent, opens: Opens): Sealed => {
  if (holdsBoxes(event.data)) {
    const boxes = parseBoxes(event.data, opens);
    if (typeof boxes === 'string') return damaged(boxFormat, boxes);
    return boxes.length === 0
      ? BOXES_CLOSED
      : { format: boxFormat, parts: boxes, damage: undefined };
  }
  const fields = sealedFields(event);
  if (fields.length === 0) return NOT_SEALED;
  const parts: FieldPart[] = [];
  for (const { path, envelope } of fields) {
    if (envelope === undefined)
      return damaged(fieldFormat, `personal field ${path.join('.')} is not a well-formed envelope`);
    parts.push({ ...envelope, path });
  }
  return { format: fieldFormat, parts, damage: undefined };
};

/** A key a read can use: the subject's data key, 'erased', or undefined when not held yet. */
export type HeldKey = (ref: string) => Buffer | 'erased' | undefined;

/**
 * Which fields a read opens, by category (`ReadAllOptions.personalData`): the others read as
 * `[withheld:<category>]` without their key being loaded or their bytes decrypted.
 */
export type Opens = (category: PersonalDataCategory) => boolean;

export const opensAll: Opens = () => true;

/** The `Opens` of a read's `personalData` option (undefined: every category). */
export const opensOf = (use: ReadonlyArray<PersonalDataCategory> | undefined): Opens => {
  if (use === undefined) return opensAll;
  const wanted = new Set(use);
  return (category) => wanted.has(category);
};

/** The subjects whose keys opening `sealed` needs, given what the read opens. */
export const keysNeeded = (sealed: Sealed, opens: Opens, into: Set<string>): void => {
  const parts = sealed.parts;
  for (let i = 0; i < parts.length; i++) if (opens(parts[i]!.category)) into.add(parts[i]!.ref);
};

/** Whether every part the read opens has its key held (so `openSealed` can open the event now). */
export const allKeysHeld = (sealed: Sealed, held: HeldKey, opens: Opens): boolean => {
  const parts = sealed.parts;
  for (let i = 0; i < parts.length; i++)
    if (opens(parts[i]!.category) && held(parts[i]!.ref) === undefined) return false;
  return true;
};

/**
 * The event with other data. A literal in the order the stores build recorded events, so the
 * opened events share one hidden class with the events of a plain read and the code that
 * decodes and folds them stays monomorphic (a spread would make another).
 */
const withData = (event: RecordedEvent, data: unknown): RecordedEvent => ({
  id: event.id,
  stream: event.stream,
  revision: event.revision,
  position: event.position,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data,
  metadata: event.metadata,
});

const unreadable = (event: RecordedEvent, why: string): RecordedEvent =>
  withData(event, unreadableStoredData(why));

const fieldsNamed = (paths: ReadonlyArray<Path>): string =>
  `personal field${paths.length === 1 ? '' : 's'} ${paths.map((p) => p.join('.')).join(', ')}`;

const NOT_DECRYPTED =
  "does not decrypt with its subject's key (altered, or moved from another field or event)";

const put = (into: Array<[Path, unknown]>, paths: ReadonlyArray<Path>, value: unknown): void => {
  for (const path of paths) into.push([path, value]);
};

/**
 * The values of the parts the read opens (erased markers for an erased subject) go to
 * `replacements`, and the withheld markers of the parts it does not open, unless they are stored
 * so already (format 2: then nothing of that part is read). Gives why the event is unreadable,
 * if it is.
 */
const openParts = (
  event: RecordedEvent,
  { format, parts }: Sealed,
  held: HeldKey,
  opens: Opens,
  replacements: Array<[Path, unknown]>,
): string | undefined => {
  for (const part of parts) {
    if (!opens(part.category)) {
      const paths = format.withheldAsStored ? [] : format.paths(part, event.data);
      if (typeof paths === 'string') return paths;
      put(replacements, paths, withheldPersonalData(part.category));
      continue;
    }
    const key = held(part.ref);
    if (key === undefined) throw new Error(`no key held for subject ${part.ref}`);
    const paths = format.paths(part, event.data);
    if (typeof paths === 'string') return paths;
    if (key === 'erased') {
      put(replacements, paths, erasedPersonalData(part.category));
      continue;
    }
    let values: ReadonlyArray<unknown>;
    try {
      values = format.open(key, part, paths, event);
    } catch {
      return `${fieldsNamed(paths)} ${NOT_DECRYPTED}`;
    }
    for (let i = 0; i < values.length; i++) replacements.push([paths[i]!, values[i]]);
  }
  return undefined;
};

/**
 * The event with its sealed parts opened, using keys already held (`allKeysHeld`). An erased
 * subject's field reads `[erased:<category>]`; a field of a category the read does not open reads
 * `[withheld:<category>]` (not decrypted: its bytes are covered by the hash chains, which hash
 * what is stored); sealed data that is malformed or does not decrypt at its place (altered,
 * moved) makes the event unreadable data.
 */
export const openSealed = (
  event: RecordedEvent,
  sealed: Sealed,
  held: HeldKey,
  opens: Opens = opensAll,
): RecordedEvent => {
  if (sealed.damage !== undefined) return unreadable(event, sealed.damage);
  if (sealed.parts.length === 0 && sealed.format.listedIn === undefined) return event;
  const replacements: Array<[Path, unknown]> = [];
  if (sealed.parts.length > 0) {
    const why = openParts(event, sealed, held, opens, replacements);
    if (why !== undefined) return unreadable(event, why);
  }
  const opened = withData(event, replaced(event.data, replacements, sealed.format.listedIn));
  // Verification hashes what is stored (the ciphertext), never the decrypted values.
  const stored = storedJsonOf(event);
  if (stored !== undefined) return attachStoredJson(opened, stored);
  let lazy: StoredJson | undefined;
  return Object.defineProperty(opened, STORED_JSON, {
    enumerable: false,
    get: () =>
      (lazy ??= { data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) }),
  });
};
