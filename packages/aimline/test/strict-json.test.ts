/**
 * JSON from outside is read strictly once: what `JSON.parse` would take silently (a member said
 * twice, of which it keeps the last; a `__proto__` member; `1e309` as Infinity) is refused naming
 * the member's path, and no refusal quotes the text.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { parseStrictJson } from '../src/strict-json.js';

describe('parseStrictJson', () => {
  it('gives the value of strict JSON', () => {
    expect(parseStrictJson('{"a":[1,{"b":null}],"c":"x"}')).toEqual(
      E.right({ a: [1, { b: null }], c: 'x' }),
    );
  });

  it('refuses a member given twice, naming its path (JSON.parse would keep the last)', () => {
    expect(
      parseStrictJson('{"data":{"child":{"name":"Ash Invented","name":"Bo Madeup"}}}'),
    ).toEqual(E.left({ kind: 'member', path: 'data.child.name', message: 'given more than once' }));
    expect(parseStrictJson('[{"a":1},{"a":1,"a":2}]')).toEqual(
      E.left({ kind: 'member', path: '1.a', message: 'given more than once' }),
    );
  });

  it('refuses a __proto__ member and a number too large for a double, naming the path', () => {
    expect(parseStrictJson('{"x":{"__proto__":{"admin":true}}}')).toEqual(
      E.left({
        kind: 'member',
        path: 'x.__proto__',
        message: 'a prototype key (a name every object inherits): refused',
      }),
    );
    expect(parseStrictJson('{"limit":-1e309}')).toEqual(
      E.left({ kind: 'member', path: 'limit', message: 'a number too large to read exactly' }),
    );
  });

  it('refuses text that is not JSON saying where, never quoting it', () => {
    for (const text of [
      '{"name":Ash Invented}',
      '{"name":"Ash Invented"',
      '{"a":1}{"name":"Ash"}',
    ]) {
      const refused = parseStrictJson(text);
      expect(refused).toMatchObject(E.left({ kind: 'not-json', path: '(root)' }));
      expect(JSON.stringify(refused)).not.toContain('Ash');
    }
  });

  it('refuses nesting deeper than the limit before building anything more from it', () => {
    expect(parseStrictJson(`${'['.repeat(20000)}${']'.repeat(20000)}`, 32)).toEqual(
      E.left({ kind: 'too-deep', path: '(root)', message: 'nests deeper than 32 levels' }),
    );
    expect(E.isRight(parseStrictJson('[[[1]]]', 3))).toBe(true);
  });

  it('refuses a deep value hidden by a later member of the same name as too deep, not a crash', () => {
    // JSON.parse keeps the last `a`, so a depth measured on its value missed the first one, and
    // a syntax tree built afterwards recursed 20,000 deep (Maximum call stack size exceeded).
    const hidden = `{"a":${'['.repeat(20000)}${']'.repeat(20000)},"a":1}`;
    expect(parseStrictJson(hidden, 32)).toEqual(
      E.left({ kind: 'too-deep', path: '(root)', message: 'nests deeper than 32 levels' }),
    );
    expect(parseStrictJson('{"a":[[[1]]],"a":1}', 3)).toEqual(
      E.left({ kind: 'too-deep', path: '(root)', message: 'nests deeper than 3 levels' }),
    );
  });

  it('names a member under an empty name by its place, never as a member of its parent', () => {
    // `{"a":1,"":{"a":1,"a":2}}` was refused as `a: given more than once`, the root's `a`.
    expect(parseStrictJson('{"a":1,"":{"a":1,"a":2}}')).toEqual(
      E.left({ kind: 'member', path: '"".a', message: 'given more than once' }),
    );
  });

  it('names a member whose name is empty as "", at the root too, never as the root itself', () => {
    // `{"":1,"":2}` was refused as `(root): given more than once`, as if the whole text were.
    expect(parseStrictJson('{"":1,"":2}')).toEqual(
      E.left({ kind: 'member', path: '""', message: 'given more than once' }),
    );
    expect(parseStrictJson('{"":1e400}')).toEqual(
      E.left({ kind: 'member', path: '""', message: 'a number too large to read exactly' }),
    );
    expect(parseStrictJson('1e400')).toEqual(
      E.left({ kind: 'member', path: '(root)', message: 'a number too large to read exactly' }),
    );
  });

  it('compares names as they read: an escaped name is the same name', () => {
    expect(parseStrictJson('{"caseId":"c-1","\\u0063aseId":"c-2"}')).toEqual(
      E.left({ kind: 'member', path: 'caseId', message: 'given more than once' }),
    );
    expect(parseStrictJson('{"a\\"b":1,"a\\\\":{"x":"\\"{[,","x":2}}')).toEqual(
      E.left({ kind: 'member', path: 'a\\.x', message: 'given more than once' }),
    );
  });

  test.prop([
    fc.jsonValue({ maxDepth: 6 }).filter((v) => !JSON.stringify(v).includes('"__proto__"')),
  ])(
    'reads any JSON with each member once, no __proto__ and within the depth as JSON.parse does',
    (value) => {
      for (const text of [JSON.stringify(value), JSON.stringify(value, null, 2)])
        expect(parseStrictJson(text, 8)).toEqual(E.right(JSON.parse(text)));
    },
  );
});
