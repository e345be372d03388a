/**
 * JSON from outside, parsed strictly once: the text must be JSON, nest no deeper than a limit,
 * and say each member once. `JSON.parse` alone keeps the last of two members of the same name
 * (`{"commandId":"a","commandId":"b"}` reads as `b`), so what a sender meant is ambiguous; a
 * member named `__proto__` and a number too large for a double (`1e309` reads as Infinity) are
 * refused as well. Each refusal names the path of the member at fault and never quotes the text
 * (a command may hold a child's name).
 *
 * `JSON.parse` builds the value (natively, without recursing on the stack); one scan of the
 * accepted text, which builds nothing but the names of the objects still open, finds what it
 * would take silently. It runs on every HTTP body and every `exec` line, so it is one pass.
 */
import * as E from 'fp-ts/lib/Either.js';
import { whereJsonStops } from './policy-file.js';

/** Why text is not strict JSON, and where: `(root)` or the member's path (`data.child.name`). */
export interface JsonRefusal {
  readonly kind: 'not-json' | 'too-deep' | 'member';
  readonly path: string;
  readonly message: string;
}

/**
 * A refusal in a policy file's words: `it is not JSON (at character 12)`, `it nests deeper than
 * 32 levels`, or the member and why (`retention.rules: given more than once`).
 */
export const describeJsonRefusal = (r: JsonRefusal): string =>
  r.kind === 'not-json'
    ? `it is not JSON${r.message.replace(/^malformed JSON/, '')}`
    : r.kind === 'too-deep'
      ? `it ${r.message}`
      : `${r.path}: ${r.message}`;

/** The default deepest nesting of objects and arrays accepted. */
export const DEFAULT_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** A character a JSON number may hold after its first: a digit, `.`, `e`, `E`, `+` or `-`. */
const inNumber = (c: number): boolean =>
  isDigit(c) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === MINUS;
/** The most digits a number may have and still be sure to fit a double without an exponent. */
const SAFE_NUMBER_LENGTH = 308;

/** Where the string opened by the quote at `open` closes, in text known to be JSON. */
const closingQuote = (text: string, open: number): number => {
  let close = text.indexOf('"', open + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
};

/** An object or an array the scan is inside. */
interface Open {
  /** Where it sits in its parent: a member's name or an element's index (none at the root). */
  readonly key: string | number | undefined;
  readonly isObject: boolean;
  /** An object's names given so far. */
  readonly names: Set<string> | undefined;
  /** An object's member whose value comes next, and whether a name comes next instead. */
  name: string;
  expectName: boolean;
  /** An array's element being read. */
  index: number;
}

/** A place in a path: an index, or a member's name (an empty name shows as `""`). */
const segment = (key: string | number | undefined): string => (key === '' ? '""' : String(key));

/** The refusal of the value at `last` (undefined: the root value itself) inside `open`. */
const memberRefusal = (open: readonly Open[], last: string | number | undefined): JsonRefusal => {
  const parts = [...open.slice(1).map((o) => o.key), ...(last === undefined ? [] : [last])];
  return {
    kind: 'member',
    path: parts.length === 0 ? '(root)' : parts.map(segment).join('.'),
    message: '',
  };
};

/** Where the value read next sits in the innermost open object or array. */
const keyHere = (inner: Open): string | number => (inner.isObject ? inner.name : inner.index);

/**
 * One scan of text `JSON.parse` accepted: the nesting deeper than `maxDepth` if any, else the
 * first member said twice, named `__proto__`, or number out of range, in document order.
 */
const scanFaults = (text: string, maxDepth: number): JsonRefusal | undefined => {
  const open: Open[] = [];
  let first: JsonRefusal | undefined;
  const refuse = (last: string | number | undefined, message: string): void => {
    first = { ...memberRefusal(open, last), message };
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const inner = open[open.length - 1];
    if (c === QUOTE) {
      const close = closingQuote(text, i);
      if (inner?.names !== undefined && inner.expectName) {
        inner.expectName = false;
        if (first === undefined) {
          const raw = text.slice(i + 1, close);
          // A name with an escape is compared as it reads (`"\u0061"` is `"a"`).
          const name = raw.includes('\\') ? (JSON.parse(text.slice(i, close + 1)) as string) : raw;
          if (inner.names.has(name)) refuse(name, 'given more than once');
          else if (name === '__proto__')
            refuse(name, 'a prototype key (a name every object inherits): refused');
          inner.names.add(name);
          inner.name = name;
        }
      }
      i = close;
    } else if (c === COMMA) {
      if (inner === undefined) continue;
      if (inner.isObject) inner.expectName = true;
      else inner.index++;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (open.length >= maxDepth)
        return {
          kind: 'too-deep',
          path: '(root)',
          message: `nests deeper than ${maxDepth} levels`,
        };
      const isObject = c === OPEN_BRACE;
      open.push({
        key: inner === undefined ? undefined : keyHere(inner),
        isObject,
        names: isObject ? new Set() : undefined,
        name: '',
        expectName: isObject,
        index: 0,
      });
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) open.pop();
    else if (c === MINUS || isDigit(c)) {
      let end = i + 1;
      let exponent = false;
      for (; end < text.length && inNumber(text.charCodeAt(end)); end++)
        exponent ||= (text.charCodeAt(end) | 0x20) === 0x65;
      // Only a number with an exponent or very many digits can be out of a double's range.
      if (
        first === undefined &&
        (exponent || end - i > SAFE_NUMBER_LENGTH) &&
        !Number.isFinite(Number(text.slice(i, end)))
      )
        refuse(
          inner === undefined ? undefined : keyHere(inner),
          'a number too large to read exactly',
        );
      i = end - 1;
    }
    // Anything else is whitespace, a colon or a letter of true, false or null: nothing to see.
  }
  return first;
};

/**
 * Parses `text` as strict JSON: Right(value), or Left naming where it is not (syntax: the
 * character; too deep: the limit; a member twice, `__proto__` or a number out of range: its path).
 */
export const parseStrictJson = (
  text: string,
  maxDepth: number = DEFAULT_JSON_DEPTH,
): E.Either<JsonRefusal, unknown> => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return E.left({
      kind: 'not-json',
      path: '(root)',
      message: `malformed JSON${whereJsonStops(e)}`,
    });
  }
  const fault = scanFaults(text, maxDepth);
  return fault === undefined ? E.right(value) : E.left(fault);
};
