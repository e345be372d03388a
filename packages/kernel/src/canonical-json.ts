/**
 * Canonical JSON: object keys sorted by code point, no whitespace, `undefined` members
 * dropped. Two values that are equal as JSON have the same canonical text, so its hash
 * identifies the content whatever the key order of the bytes stored.
 * Bigints are written as decimal strings.
 *
 * Hashing every stored and every new event makes this a hot path. A value that is already
 * canonical in shape — plain objects (no prototype but Object's) whose keys are in order,
 * arrays, strings, finite numbers, booleans and null — is written by V8's own `JSON.stringify`,
 * which gives exactly these bytes for it; anything else (keys out of order, a bigint, a class
 * instance, a non-finite number) is written by hand below, with one string built by `+=`.
 */
export const canonicalJson = (value: unknown): string =>
  value !== undefined && alreadyCanonical(value, 0) ? JSON.stringify(value) : write(value);

/** Deeper than this, a value is written by hand (which fails on a cycle as JSON.stringify would). */
const MAX_DEPTH = 256;

/** Whether `JSON.stringify(value)` is its canonical JSON (see `canonicalJson`). */
const alreadyCanonical = (value: unknown, depth: number): boolean => {
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (depth > MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++)
          if (!alreadyCanonical(value[i], depth + 1)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      const record = value as Record<string, unknown>;
      let previous: string | undefined;
      for (const k in record) {
        if (previous !== undefined && previous > k) return false;
        previous = k;
        if (!alreadyCanonical(record[k], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
};

const write = (value: unknown): string => {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString()}"`;
    case 'object':
      return Array.isArray(value)
        ? writeArray(value)
        : writeObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
};

const writeArray = (items: ReadonlyArray<unknown>): string => {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    const item = items[i];
    out += item === undefined ? 'null' : write(item);
  }
  return `${out}]`;
};

const writeObject = (record: Record<string, unknown>): string => {
  const keys = Object.keys(record);
  let sorted = true;
  for (let i = 1; i < keys.length; i++)
    if (keys[i - 1]! > keys[i]!) {
      sorted = false;
      break;
    }
  if (!sorted) keys.sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(k)}:${write(v)}`;
  }
  return `${out}}`;
};
