/**
 * Canonical JSON: object keys sorted by code point, no whitespace, `undefined` members
 * dropped. Two values that are equal as JSON have the same canonical text, so its hash
 * identifies the content whatever the key order of the bytes stored.
 * Bigints are written as decimal strings.
 *
 * Hashing every stored event makes this a hot path of replay: it builds one string with
 * `+=` and plain loops, and sorts an object's keys only when they are not already in order.
 */
export const canonicalJson = (value: unknown): string => write(value);

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
