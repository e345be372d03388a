import type { Actor } from '@aimline/kernel';

/**
 * Who is asking: a professional the embedding app has authenticated. The actor recorded in
 * every event's metadata is taken from the principal, never from the command.
 *
 * The shape `@aimline/governance` defines (id, role, agency and what the principal is
 * allocated to); only `id`, `role` and `agency` are read here.
 */
export interface Principal {
  readonly id: string;
  readonly role: string;
  readonly agency: string;
}

/** What a principal asks to do, as the access policy sees it (after the command is decoded). */
export interface CommandRequest {
  /** The module, e.g. `hsb-case`. */
  readonly module: string;
  readonly commandType: string;
  readonly stream: string;
}

/**
 * The council's command authorisation: `undefined` when the principal may issue the command,
 * otherwise why not. `@aimline/governance` provides one from the council directory.
 */
export interface CommandAuthority {
  readonly authorise: (principal: Principal, request: CommandRequest) => string | undefined;
}

/** Without a directory every principal with an id, a role and an agency may issue commands. */
export const anyNamedPrincipal: CommandAuthority = {
  authorise: (p) =>
    [p.id, p.role, p.agency].every((s) => typeof s === 'string' && s.trim().length > 0)
      ? undefined
      : 'a principal needs an id, a role and an agency',
};

/** The actor recorded for a principal's commands. */
export const actorOf = (p: Principal): Actor => ({ id: p.id, role: p.role, agency: p.agency });
