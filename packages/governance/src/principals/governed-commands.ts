import * as E from 'fp-ts/lib/Either.js';
import {
  describeCommandFailure,
  type AnyDomainModule,
  type Command,
  type CommandFailure,
  type CommandHandler,
  type CommandSuccess,
} from '@aimline/kernel';
import { authorise } from './authorise.js';
import { resolvePrincipal, type Directory } from './directory.js';
import type { GovernanceError } from './errors.js';
import { actorOf } from './principal.js';

/** Why a governed command did not run: the principal or its authority, or the command itself. */
export type GovernedFailure = GovernanceError | CommandFailure;

const governanceKinds = new Set<string>([
  'UnknownPrincipal',
  'ForgedPrincipal',
  'NoRole',
  'InvalidDirectory',
  'Forbidden',
]);

export const isGovernanceError = (f: GovernedFailure): f is GovernanceError =>
  governanceKinds.has(f.kind);

/** One line for a person about a governed failure. */
export const describeGovernedFailure = (f: GovernedFailure): string =>
  isGovernanceError(f) ? f.message : describeCommandFailure(f);

/** A command written in code for a principal: no actor (it is the principal), no ids beyond these. */
export interface GovernedEnvelope {
  readonly commandId: string;
  readonly command: { readonly type: string; readonly at: string; readonly data: unknown };
  readonly correlationId?: string;
  readonly causationId?: string;
}

export interface GovernedCommands {
  /**
   * Runs a wire command (parsed JSON: `{ commandId, type, at, data, correlationId?,
   * causationId? }`) as principal `as`. A wire `actor` is refused (`InvalidCommand` at
   * `actor`): the actor recorded is always the principal's id, role and agency.
   */
  execute(
    as: string,
    module: AnyDomainModule,
    input: unknown,
  ): Promise<E.Either<GovernedFailure, CommandSuccess>>;
  /** Runs a command built in code as principal `as` (the demo, process managers). */
  handle(
    as: string,
    module: AnyDomainModule,
    envelope: GovernedEnvelope,
  ): Promise<E.Either<GovernedFailure, CommandSuccess>>;
}

const wireActorRefused: CommandFailure = {
  kind: 'InvalidCommand',
  problems: [
    {
      path: 'actor',
      message: 'not accepted on the wire: the actor is the principal the command runs as (--as)',
    },
  ],
  message:
    'Invalid command: actor: not accepted on the wire: the actor is the principal the command runs as (--as)',
};

/**
 * The governed command path: resolve the principal in the directory, decode the command with
 * the principal as its actor, authorise it (role, module, command type, stream), then hand it
 * to the command handler. Every refusal before the handler appends nothing.
 */
export const governedCommands = (
  handler: CommandHandler,
  directory: Directory,
): GovernedCommands => {
  const run = async (
    as: string,
    module: AnyDomainModule,
    input: unknown,
  ): Promise<E.Either<GovernedFailure, CommandSuccess>> => {
    const principal = resolvePrincipal(directory, as);
    if (E.isLeft(principal)) return principal;
    const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
    if (isObject && Object.prototype.hasOwnProperty.call(input, 'actor'))
      return E.left(wireActorRefused);
    const decoded = module.commands.decode(
      isObject ? { ...input, actor: actorOf(principal.right) } : input,
    );
    if (E.isLeft(decoded)) return decoded;
    const envelope = decoded.right;
    const command = envelope.command as Command;
    const stream = module.streamOf(command);
    const allowed = authorise(
      directory.commands,
      principal.right,
      module.name,
      command.type,
      stream,
    );
    if (E.isLeft(allowed)) return allowed;
    return handler.handle(module, envelope);
  };

  return {
    execute: run,
    handle: (as, module, envelope) =>
      run(as, module, {
        commandId: envelope.commandId,
        type: envelope.command.type,
        at: envelope.command.at,
        data: envelope.command.data,
        ...(envelope.correlationId === undefined ? {} : { correlationId: envelope.correlationId }),
        ...(envelope.causationId === undefined ? {} : { causationId: envelope.causationId }),
      }),
  };
};
