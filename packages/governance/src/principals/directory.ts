import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  fieldProblems,
  unknownFields,
  type AnyDomainModule,
  type FieldProblem,
} from '@aimline/kernel';
import type { AccessPolicy } from '../access/access-policy.js';
import { accessPolicyOf, ReadRules, readRulesProblems } from '../access/read-rules.js';
import { CommandPolicy } from './command-policy.js';
import { defaultCommandPolicy } from './default-command-policy.js';
import { invalidDirectory, type GovernanceError } from './errors.js';
import { DirectoryEntry, Principal, PRINCIPAL_ID_PATTERN } from './principal.js';

/**
 * The council's governance policy file (`principals.json`): who its principals are and, when
 * the council departs from the defaults, who may issue which command (`commands`) and who may
 * read what (`reads`, see `ReadRules`).
 */
export const DirectoryFile = t.intersection(
  [
    t.type({ council: t.string, principals: t.readonlyArray(DirectoryEntry) }),
    t.partial({ commands: CommandPolicy, reads: ReadRules }),
  ],
  'DirectoryFile',
);
export type DirectoryFile = t.TypeOf<typeof DirectoryFile>;

/** A parsed directory: its entries by id and the command policy in force. */
export interface Directory {
  readonly council: string;
  readonly entries: ReadonlyMap<string, DirectoryEntry>;
  readonly commands: CommandPolicy;
  /**
   * Who reads what (need to know): `defaultAccessPolicy` (or nothing, with `reads.base: "none"`)
   * with the `reads` section's replaced and extended grants.
   */
  readonly reads: AccessPolicy;
}

const entryProblems = (entries: ReadonlyArray<DirectoryEntry>): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const at = `principals.${i}`;
    const first = seen.get(e.id);
    if (first !== undefined)
      problems.push({ path: `${at}.id`, message: `"${e.id}" is already principals.${first}` });
    else seen.set(e.id, i);
    if (e.role === 'school-representative' && e.school === undefined)
      problems.push({ path: `${at}.school`, message: 'a school representative needs a school' });
    if (e.pupils !== undefined && e.school === undefined)
      problems.push({ path: `${at}.pupils`, message: 'pupils need a school' });
  });
  return problems;
};

/**
 * Parses a directory (the policy file's JSON, already parsed) strictly: a missing or wrong
 * field, an unknown field at any depth, an unknown role, a duplicate id, a school
 * representative without a school: each refused, naming the field. Without a `commands`
 * section, `defaultCommandPolicy` applies; without `reads`, `defaultAccessPolicy`. Given the
 * modules in use, a read grant naming a module or event that does not exist is refused too
 * (`readRulesProblems`).
 */
export const parseDirectory = (
  input: unknown,
  modules?: ReadonlyArray<AnyDomainModule>,
): E.Either<GovernanceError, Directory> => {
  const decoded = DirectoryFile.decode(input);
  if (E.isLeft(decoded)) return E.left(invalidDirectory(fieldProblems(decoded.left)));
  const extra = unknownFields(DirectoryFile, input);
  if (extra.length > 0) return E.left(invalidDirectory(extra));
  const file = decoded.right;
  const problems = [
    ...entryProblems(file.principals),
    ...(modules === undefined ? [] : readRulesProblems(file.reads, modules)),
  ];
  if (problems.length > 0) return E.left(invalidDirectory(problems));
  return E.right({
    council: file.council,
    entries: new Map(file.principals.map((e) => [e.id, e])),
    commands: file.commands ?? defaultCommandPolicy,
    reads: accessPolicyOf(file.reads),
  });
};

const describeId = (id: unknown): string => {
  const s = typeof id === 'string' ? id : (JSON.stringify(id) ?? typeof id);
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s);
};

/**
 * The principal a directory holds under `id`: `ForgedPrincipal` when the id could not be a
 * directory id (not a string, empty, spaces, control or look-alike characters),
 * `UnknownPrincipal` when the directory does not hold it, `NoRole` when it holds it without a
 * role.
 */
export const resolvePrincipal = (
  directory: Directory,
  id: unknown,
): E.Either<GovernanceError, Principal> => {
  if (typeof id !== 'string' || !PRINCIPAL_ID_PATTERN.test(id))
    return E.left({
      kind: 'ForgedPrincipal',
      principal: typeof id === 'string' ? id : String(id),
      field: 'id',
      message: `principal id ${describeId(id)} is not a directory id (ASCII letters, digits and . _ @ -, at most 128)`,
    });
  const entry = directory.entries.get(id);
  if (entry === undefined)
    return E.left({
      kind: 'UnknownPrincipal',
      principal: id,
      message: `principal "${id}" is not in the ${directory.council} directory`,
    });
  if (entry.role === undefined)
    return E.left({
      kind: 'NoRole',
      principal: id,
      message: `principal "${id}" has no role in the ${directory.council} directory, so may do and see nothing`,
    });
  return E.right({ ...entry, role: entry.role });
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks a principal an application presents (for example from a token's claims) against the
 * directory: it must decode strictly as a `Principal` and equal the directory's entry field by
 * field. A difference is `ForgedPrincipal` naming the first differing field; the directory's
 * entry is what the library acts on.
 */
export const verifyPrincipal = (
  directory: Directory,
  claimed: unknown,
): E.Either<GovernanceError, Principal> => {
  const id = (claimed as { id?: unknown } | null)?.id;
  const resolved = resolvePrincipal(directory, id);
  if (E.isLeft(resolved)) return resolved;
  const held = resolved.right;
  const decoded = Principal.decode(claimed);
  const extra = E.isRight(decoded) ? unknownFields(Principal, claimed) : [];
  const problem = E.isLeft(decoded) ? fieldProblems(decoded.left)[0] : extra[0];
  const keys = [...new Set([...Object.keys(held), ...Object.keys(claimed as object)])];
  const differing =
    problem?.path ??
    keys.find(
      (k) => !same((held as Record<string, unknown>)[k], (claimed as Record<string, unknown>)[k]),
    );
  if (differing === undefined) return E.right(held);
  return E.left({
    kind: 'ForgedPrincipal',
    principal: held.id,
    field: differing,
    message: `principal "${held.id}" presented with ${differing} that the directory does not give them`,
  });
};
