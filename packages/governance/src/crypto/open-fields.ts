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
  withheldPersonalData,
  type PersonalDataCategory,
  type RecordedEvent,
  type StoredJson,
} from '@aimline/kernel';
import { eventAadPrefix, openFieldOf, type Envelope } from './field-cipher.js';
import { sealedFields, storedJsonOf } from './format1-fields.js';
import {
  boxPaths,
  holdsBoxes,
  openBox,
  parseBoxes,
  SEALED_MEMBER,
  type SealedBox,
} from './sealed-boxes.js';
import { opensAll, type Opens, type Path } from './opens.js';

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
 * The sealed parts of a stored event a read opens (`parts`), those it does not open whose fields
 * must still be marked withheld (`closed`: format 1, whose envelopes sit in their fields' places),
 * and the format that sealed them. `damage` says why the stored sealed data is malformed (the
 * event then reads as unreadable data).
 */
export interface Sealed {
  readonly format: SealedFormat<SealedPart>;
  readonly parts: ReadonlyArray<SealedPart>;
  readonly closed: ReadonlyArray<SealedPart>;
  readonly damage: string | undefined;
}

const NONE_CLOSED: ReadonlyArray<SealedPart> = [];
const NOT_SEALED: Sealed = {
  format: fieldFormat,
  parts: [],
  closed: NONE_CLOSED,
  damage: undefined,
};
/** Boxes none of which the read opens (most boxed events of most reads): nothing to decrypt. */
const BOXES_CLOSED: Sealed = {
  format: boxFormat,
  parts: [],
  closed: NONE_CLOSED,
  damage: undefined,
};

const damaged = (format: SealedFormat<SealedPart>, damage: string): Sealed => ({
  format,
  parts: [],
  closed: NONE_CLOSED,
  damage,
});

/**
 * Whether a read that opens fields one by one (`Opens.byCategory` false) opens a box of an event
 * of type `type`: when it opens a field at one of the box's paths. The answer for a box's paths as
 * stored is kept per read (the boxes of one field of one event type are stored alike). Paths that
 * are not well-formed open the box, so that `boxPaths` reports them.
 */
const boxOpened = (opens: Opens, type: string, box: SealedBox): boolean => {
  let known = boxAnswers.get(opens);
  if (known === undefined) {
    known = new Map();
    boxAnswers.set(opens, known);
  }
  const key = `${type}\u0000${box.category}\u0000${box.pathsJson}`;
  let answer = known.get(key);
  if (answer === undefined) {
    answer = boxPathsOpened(opens, type, box);
    known.set(key, answer);
  }
  return answer;
};
const boxAnswers = new WeakMap<Opens, Map<string, boolean>>();

const boxPathsOpened = (opens: Opens, type: string, box: SealedBox): boolean => {
  let paths: unknown;
  try {
    paths = JSON.parse(box.pathsJson);
  } catch {
    return true;
  }
  if (!Array.isArray(paths) || paths.length === 0) return true;
  return (paths as unknown[]).some(
    (path) => !Array.isArray(path) || opens.field(type, box.category, path as Path),
  );
};

/**
 * The sealed parts of a stored event a read that `opens` those fields needs: format 2's boxes
 * that hold a field it opens (the others' fields are withheld as stored), or format 1's envelopes,
 * split into those it opens and those it marks withheld (each stored in its field's place).
 */
export const sealedParts = (event: RecordedEvent, opens: Opens): Sealed => {
  const type = event.type;
  if (holdsBoxes(event.data)) {
    const boxes = parseBoxes(event.data, type, opens);
    if (typeof boxes === 'string') return damaged(boxFormat, boxes);
    const opened = opens.byCategory ? boxes : boxes.filter((b) => boxOpened(opens, type, b));
    return opened.length === 0
      ? BOXES_CLOSED
      : { format: boxFormat, parts: opened, closed: NONE_CLOSED, damage: undefined };
  }
  const fields = sealedFields(event);
  if (fields.length === 0) return NOT_SEALED;
  const parts: FieldPart[] = [];
  const closed: FieldPart[] = [];
  for (const { path, envelope } of fields) {
    if (envelope === undefined)
      return damaged(fieldFormat, `personal field ${path.join('.')} is not a well-formed envelope`);
    const part = { ...envelope, path };
    if (opens.category(type, part.category) && opens.field(type, part.category, path))
      parts.push(part);
    else closed.push(part);
  }
  return { format: fieldFormat, parts, closed, damage: undefined };
};

/** A key a read can use: the subject's data key, 'erased', or undefined when not held yet. */
export type HeldKey = (ref: string) => Buffer | 'erased' | undefined;

/** The subjects whose keys opening `sealed` needs. */
export const keysNeeded = (sealed: Sealed, into: Set<string>): void => {
  const parts = sealed.parts;
  for (let i = 0; i < parts.length; i++) into.add(parts[i]!.ref);
};

/** Whether every part the read opens has its key held (so `openSealed` can open the event now). */
export const allKeysHeld = (sealed: Sealed, held: HeldKey): boolean => {
  const parts = sealed.parts;
  for (let i = 0; i < parts.length; i++) if (held(parts[i]!.ref) === undefined) return false;
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
 * `replacements`, but only the fields it opens of a part that also holds others (those stay
 * withheld), and the withheld markers of the closed parts (format 1's, stored in their fields'
 * places). Gives why the event is unreadable, if it is.
 */
const openParts = (
  event: RecordedEvent,
  { format, parts, closed }: Sealed,
  held: HeldKey,
  opens: Opens,
  replacements: Array<[Path, unknown]>,
): string | undefined => {
  for (const part of closed) {
    const paths = format.paths(part, event.data);
    if (typeof paths === 'string') return paths;
    put(replacements, paths, withheldPersonalData(part.category));
  }
  for (const part of parts) {
    const key = held(part.ref);
    if (key === undefined) throw new Error(`no key held for subject ${part.ref}`);
    const paths = format.paths(part, event.data);
    if (typeof paths === 'string') return paths;
    const shown = (path: Path): boolean =>
      opens.byCategory || opens.field(event.type, part.category, path);
    if (key === 'erased') {
      put(replacements, paths.filter(shown), erasedPersonalData(part.category));
      continue;
    }
    let values: ReadonlyArray<unknown>;
    try {
      values = format.open(key, part, paths, event);
    } catch {
      return `${fieldsNamed(paths)} ${NOT_DECRYPTED}`;
    }
    for (let i = 0; i < values.length; i++)
      if (shown(paths[i]!)) replacements.push([paths[i]!, values[i]]);
      else if (!format.withheldAsStored)
        replacements.push([paths[i]!, withheldPersonalData(part.category)]);
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
  if (
    sealed.parts.length === 0 &&
    sealed.closed.length === 0 &&
    sealed.format.listedIn === undefined
  )
    return event;
  const replacements: Array<[Path, unknown]> = [];
  if (sealed.parts.length > 0 || sealed.closed.length > 0) {
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
