import * as t from 'io-ts';
import { grantsPerRole } from './grants.js';
import { roles } from './roles.js';

/**
 * Which streams of a module a grant covers:
 * - `allocated`: only streams the principal is allocated to (`principal.streams`);
 * - `panel`: any stream of the module, if the principal sits on a panel (`principal.panels`);
 * - `any`: any stream of the module (roles that serve every case: business support, managers).
 */
export const GrantScope = t.keyof({ allocated: null, panel: null, any: null }, 'GrantScope');
export type GrantScope = t.TypeOf<typeof GrantScope>;

/** One grant: these command types of this module, on these streams. */
export const CommandGrant = t.type(
  { module: t.string, commands: t.readonlyArray(t.string), streams: GrantScope },
  'CommandGrant',
);
export type CommandGrant = t.TypeOf<typeof CommandGrant>;

/**
 * Who may issue which command: for each role, its grants. A role without grants, a module
 * without a grant, a command not listed: refused (`FORBIDDEN`). There is no wildcard.
 */
export const CommandPolicy = grantsPerRole(CommandGrant, 'CommandPolicy');
export type CommandPolicy = t.TypeOf<typeof CommandPolicy>;

/** The names of a module's commands, to check a policy against the modules it governs. */
export interface GovernedModule {
  readonly name: string;
  readonly commands: { readonly types: ReadonlyArray<string> };
}

/**
 * The problems of a policy against the modules of this deployment: a grant naming a module or
 * command that does not exist would silently grant nothing, so it is refused, naming the field.
 */
export const commandPolicyProblems = (
  policy: CommandPolicy,
  modules: ReadonlyArray<GovernedModule>,
  at = 'commands',
): Array<{ path: string; message: string }> => {
  const byName = new Map(modules.map((m) => [m.name, new Set(m.commands.types)]));
  const problems: Array<{ path: string; message: string }> = [];
  for (const role of roles)
    (policy[role] ?? []).forEach((grant, i) => {
      const known = byName.get(grant.module);
      if (known === undefined) {
        problems.push({
          path: `${at}.${role}.${i}.module`,
          message: `unknown module "${grant.module}"; known: ${[...byName.keys()].join(', ')}`,
        });
        return;
      }
      grant.commands.forEach((c, j) => {
        if (!known.has(c))
          problems.push({
            path: `${at}.${role}.${i}.commands.${j}`,
            message: `module ${grant.module} has no command "${c}"`,
          });
      });
    });
  return problems;
};
