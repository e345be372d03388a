import * as t from 'io-ts';
import type { AnyDomainModule, FieldProblem } from '@aimline/kernel';
import { roles, type Role } from '../principals/roles.js';
import { AccessPolicy, type ReadGrant } from './access-policy.js';
import { defaultAccessPolicy } from './default-access-policy.js';

/**
 * The `reads` section of the council's policy file: how the council departs from the default
 * read rules. `base` is what it starts from (`defaults`, the default: `defaultAccessPolicy`;
 * `none`: no role reads anything). `replace` gives a role exactly these grants (`[]`: the role
 * reads nothing); `extend` adds grants to a role's. A role named in neither keeps its base grants.
 */
export const ReadRules = t.partial(
  {
    base: t.keyof({ defaults: null, none: null }, 'ReadBase'),
    replace: AccessPolicy,
    extend: AccessPolicy,
  },
  'ReadRules',
);
export type ReadRules = t.TypeOf<typeof ReadRules>;

/**
 * The access policy a `reads` section gives (none: `defaultAccessPolicy`). Check it with
 * `readRulesProblems` first: a role both replaced and extended is refused there.
 */
export const accessPolicyOf = (rules: ReadRules | undefined): AccessPolicy => {
  const base: AccessPolicy = rules?.base === 'none' ? {} : defaultAccessPolicy;
  const out: Partial<Record<Role, ReadonlyArray<ReadGrant>>> = {};
  for (const role of roles) {
    const grants = [
      ...(rules?.replace?.[role] ?? base[role] ?? []),
      ...(rules?.extend?.[role] ?? []),
    ];
    if (grants.length > 0) out[role] = grants;
  }
  return out;
};

const grantProblems = (
  policy: AccessPolicy,
  modules: ReadonlyArray<AnyDomainModule>,
  at: string,
): FieldProblem[] => {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const problems: FieldProblem[] = [];
  for (const role of roles)
    (policy[role] ?? []).forEach((grant, i) => {
      const path = `${at}.${role}.${i}`;
      const module = byName.get(grant.module);
      if (module === undefined) {
        problems.push({
          path: `${path}.module`,
          message: `unknown module "${grant.module}"; known: ${[...byName.keys()].join(', ')}`,
        });
        return;
      }
      if (grant.events !== 'all')
        grant.events.forEach((type, j) => {
          if (module.events.definition(type) === undefined)
            problems.push({
              path: `${path}.events.${j}`,
              message: `module ${grant.module} has no event "${type}"`,
            });
        });
      if (grant.subjects === 'pupils' && role !== 'school-representative')
        problems.push({
          path: `${path}.subjects`,
          message: 'only a school representative has pupils',
        });
    });
  return problems;
};

/**
 * What is wrong with a `reads` section against the modules in use, each problem naming its
 * field (`reads.extend.health.0.events.2`): a grant naming a module or event that does not
 * exist (it would silently show nothing), `pupils` for a role without pupils, and a role both
 * replaced and extended (say all its grants in `replace`).
 */
export const readRulesProblems = (
  rules: ReadRules | undefined,
  modules: ReadonlyArray<AnyDomainModule>,
  at = 'reads',
): FieldProblem[] => [
  ...grantProblems(rules?.replace ?? {}, modules, `${at}.replace`),
  ...grantProblems(rules?.extend ?? {}, modules, `${at}.extend`),
  ...roles
    .filter((r) => rules?.replace?.[r] !== undefined && rules.extend?.[r] !== undefined)
    .map((r) => ({
      path: `${at}.extend.${r}`,
      message: `${r} is also in ${at}.replace: give all its grants there`,
    })),
];
