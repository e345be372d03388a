/**
 * JSON from outside, parsed strictly once: the text must be JSON, nest no deeper than a limit,
 * and say each member once. `JSON.parse` alone keeps the last of two members of the same name
 * (`{"commandId":"a","commandId":"b"}` reads as `b`), so what a sender meant is ambiguous; a
 * member named `__proto__` and a number too large for a double (`1e309` reads as Infinity) are
 * refused as well. Each refusal names the path of the member at fault and never quotes the text
 * (a command may hold a child's name).
 */
import { parse, type ValueNode } from '@humanwhocodes/momoa';
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

/**
 * How deeply a parsed JSON value nests (objects and arrays), counting no further than `limit + 1`,
 * so a hostile value costs no more than the limit to measure.
 */
export const depthOf = (value: unknown, limit: number): number => {
  const walk = (v: unknown, depth: number): number => {
    if (typeof v !== 'object' || v === null) return depth;
    if (depth > limit) return depth + 1;
    let deepest = depth + 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      deepest = Math.max(deepest, walk(child, depth + 1));
      if (deepest > limit) return deepest;
    }
    return deepest;
  };
  return walk(value, 0);
};

const pathOf = (parent: string, key: string | number): string =>
  parent === '' ? String(key) : `${parent}.${key}`;

/** The first member said twice, named `__proto__`, or a number out of range, in document order. */
const firstFault = (node: ValueNode, path: string): JsonRefusal | undefined => {
  const at = (p: string, message: string): JsonRefusal => ({
    kind: 'member',
    path: p === '' ? '(root)' : p,
    message,
  });
  switch (node.type) {
    case 'Number':
      return Number.isFinite(node.value)
        ? undefined
        : at(path, 'a number too large to read exactly');
    case 'Array':
      for (const [i, element] of node.elements.entries()) {
        const fault = firstFault(element.value, pathOf(path, i));
        if (fault !== undefined) return fault;
      }
      return undefined;
    case 'Object': {
      const names = new Set<string>();
      for (const member of node.members) {
        const name = member.name.type === 'String' ? member.name.value : member.name.name;
        const memberPath = pathOf(path, name);
        if (names.has(name)) return at(memberPath, 'given more than once');
        if (name === '__proto__')
          return at(memberPath, 'a prototype key (a name every object inherits): refused');
        names.add(name);
        const fault = firstFault(member.value, memberPath);
        if (fault !== undefined) return fault;
      }
      return undefined;
    }
    default:
      return undefined;
  }
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
  // Measured on the parsed value first, so the syntax tree below is never built for a hostile
  // nesting (its parser recurses).
  if (depthOf(value, maxDepth) > maxDepth)
    return E.left({
      kind: 'too-deep',
      path: '(root)',
      message: `nests deeper than ${maxDepth} levels`,
    });
  const fault = firstFault(parse(text, { mode: 'json' }).body, '');
  return fault === undefined ? E.right(value) : E.left(fault);
};
