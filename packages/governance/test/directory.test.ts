import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  defaultCommandPolicy,
  parseDirectory,
  resolvePrincipal,
  verifyPrincipal,
  type Directory,
  type GovernanceError,
} from '../src/index.js';
import { directoryFile } from './fixtures.js';

const directory = (): Directory => {
  const d = parseDirectory(directoryFile);
  if (E.isLeft(d)) throw new Error(d.left.message);
  return d.right;
};

type InvalidDirectory = Extract<GovernanceError, { kind: 'InvalidDirectory' }>;
const refusal = (input: unknown): InvalidDirectory => {
  const d = parseDirectory(input);
  if (E.isRight(d) || d.left.kind !== 'InvalidDirectory')
    throw new Error('expected the directory to be refused as InvalidDirectory');
  return d.left;
};

const withEntry = (changes: Record<string, unknown>, index = 0) => ({
  ...directoryFile,
  principals: directoryFile.principals.map((p, i) => (i === index ? { ...p, ...changes } : p)),
});

describe('the council directory (principals.json) is parsed strictly', () => {
  it('a valid directory gives every principal by id and, without a commands section, the default policy', () => {
    const d = directory();
    expect(d.council).toBe('Invented Borough Council');
    expect([...d.entries.keys()]).toContain('sw-ada');
    expect(d.commands).toBe(defaultCommandPolicy);
  });

  it('an unknown field is refused, naming it, at the top and inside a principal', () => {
    expect(refusal({ ...directoryFile, admins: [] })).toMatchObject({
      kind: 'InvalidDirectory',
      problems: [{ path: 'admins', message: expect.stringContaining('unknown') as string }],
    });
    expect(refusal(withEntry({ clearance: 'top' }, 2))).toMatchObject({
      problems: [{ path: 'principals.2.clearance' }],
    });
  });

  it('an unknown role, a missing agency and a malformed id are refused, each naming its field', () => {
    expect(refusal(withEntry({ role: 'janitor' })).problems).toEqual([
      { path: 'principals.0.role', message: expect.stringContaining('janitor') as string },
    ]);
    const { agency: _a, ...noAgency } = directoryFile.principals[0]!;
    expect(refusal({ ...directoryFile, principals: [noAgency] }).problems).toMatchObject([
      { path: 'principals.0.agency' },
    ]);
    expect(refusal(withEntry({ id: 'sw ada' })).problems).toMatchObject([
      { path: 'principals.0.id' },
    ]);
  });

  it('a duplicate id and a school representative without a school are refused', () => {
    const dup = {
      ...directoryFile,
      principals: [...directoryFile.principals, directoryFile.principals[0]],
    };
    expect(refusal(dup).problems).toEqual([
      {
        path: `principals.${directoryFile.principals.length}.id`,
        message: '"sw-ada" is already principals.0',
      },
    ]);
    const { school: _s, pupils: _p, ...noSchool } = directoryFile.principals[6]!;
    expect(refusal({ ...directoryFile, principals: [noSchool] }).problems).toEqual([
      { path: 'principals.0.school', message: 'a school representative needs a school' },
    ]);
  });

  it('a commands section replaces the defaults and is itself strict', () => {
    const own = {
      'team-manager': [{ module: 'hsb-case', commands: ['CloseCase'], streams: 'any' }],
    };
    const d = parseDirectory({ ...directoryFile, commands: own });
    expect(E.isRight(d) && d.right.commands).toEqual(own);
    expect(
      refusal({ ...directoryFile, commands: { janitor: [] } }).problems.map((p) => p.path),
    ).toEqual(['commands.janitor']);
    expect(
      refusal({
        ...directoryFile,
        commands: { police: [{ module: 'hsb-case', commands: [], streams: 'everywhere' }] },
      }).problems.map((p) => p.path),
    ).toEqual(['commands.police.0.streams']);
  });
});

describe('resolvePrincipal: the library acts only for principals the directory holds', () => {
  it('a known principal resolves to its directory entry', () => {
    expect(resolvePrincipal(directory(), 'sw-ada')).toEqual(E.right(directoryFile.principals[0]));
  });

  it('an unknown principal is UnknownPrincipal, naming the id and the council', () => {
    expect(resolvePrincipal(directory(), 'sw-zed')).toEqual(
      E.left({
        kind: 'UnknownPrincipal',
        principal: 'sw-zed',
        message: 'principal "sw-zed" is not in the Invented Borough Council directory',
      }),
    );
  });

  it.each([
    ['empty', ''],
    ['a space inside', 'sw ada'],
    ['a control character', 'sw-ada\u0000'],
    ['a Cyrillic look-alike letter', 'sw-\u0430da'],
    ['not a string', 42],
    ['an object', { id: 'sw-ada' }],
  ])('an id that could not be a directory id (%s) is ForgedPrincipal on id', (_why, id) => {
    const r = resolvePrincipal(directory(), id);
    expect(r).toMatchObject(E.left({ kind: 'ForgedPrincipal', field: 'id' }));
  });

  it('a principal the directory gives no role is NoRole: they may do and see nothing', () => {
    expect(resolvePrincipal(directory(), 'new-ivy')).toMatchObject(
      E.left({ kind: 'NoRole', principal: 'new-ivy' }),
    );
  });
});

describe('verifyPrincipal: a presented principal must be the directory entry exactly', () => {
  it('the same principal verifies', () => {
    expect(E.isRight(verifyPrincipal(directory(), directoryFile.principals[0]))).toBe(true);
  });

  it.each([
    ['role', { role: 'team-manager' }],
    ['agency', { agency: 'nasa' }],
    ['streams', { streams: ['hsb-case-C-0001', 'hsb-case-C-0002'] }],
    ['clearance', { clearance: 'top' }],
  ])('a claim with a different %s is ForgedPrincipal naming it', (field, change) => {
    const claim = { ...directoryFile.principals[0], ...change };
    expect(verifyPrincipal(directory(), claim)).toMatchObject(
      E.left({ kind: 'ForgedPrincipal', principal: 'sw-ada', field }),
    );
  });
});
