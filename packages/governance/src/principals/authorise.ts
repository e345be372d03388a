import * as E from 'fp-ts/lib/Either.js';
import type { CommandGrant, CommandPolicy } from './command-policy.js';
import type { GovernanceError } from './errors.js';
import { scopeCovers } from './grants.js';
import type { Principal } from './principal.js';

/**
 * Whether `principal` may issue `command` of `module` on `stream` under `policy`: the grant
 * that allows it, or `Forbidden` (safe default: no grant, no command). `label` is how the
 * refusal's message names what is refused when `stream` is a stand-in that names no record
 * (an erasure of no one person in particular: `erasureGrant`); the `Forbidden` still holds
 * `stream`.
 */
export const authorise = (
  policy: CommandPolicy,
  principal: Principal,
  module: string,
  command: string,
  stream: string,
  label?: string,
): E.Either<GovernanceError, CommandGrant> => {
  const grants = (policy[principal.role] ?? []).filter(
    (g) => g.module === module && g.commands.includes(command),
  );
  const allowed = grants.find((g) => scopeCovers(g.streams, principal, stream));
  if (allowed !== undefined) return E.right(allowed);
  const why =
    grants.length === 0
      ? `the ${principal.role} role has no grant for it`
      : grants.some((g) => g.streams === 'panel')
        ? 'they sit on no panel'
        : `they are not allocated to ${label === undefined ? stream : 'every record it covers'}`;
  return E.left({
    kind: 'Forbidden',
    code: 'FORBIDDEN',
    principal: principal.id,
    role: principal.role,
    module,
    command,
    stream,
    message: `FORBIDDEN: principal "${principal.id}" (${principal.role}) may not issue ${command} in ${module} (${label ?? stream}): ${why}`,
  });
};
