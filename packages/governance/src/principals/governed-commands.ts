import * as E from 'fp-ts/lib/Either.js';
import {
  describeCommandFailure,
  type AnyDomainModule,
  type CommandFailure,
  type CommandEnvelope,
  type CommandHandler,
  type CommandItem,
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
  /**
   * `execute` for many wire commands at once, as one group commit (`CommandHandler.handleMany`):
   * each command is decoded and authorised on its own, and every one that passes is handled in
   * one durable commit. Results in the order given, only once the group is durable.
   */
  executeMany(
    as: string,
    items: ReadonlyArray<{ readonly module: AnyDomainModule; readonly input: unknown }>,
  ): Promise<Array<E.Either<GovernedFailure, CommandSuccess>>>;
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
  /** Decodes a wire command with the principal as its actor and authorises it. */
  const admit = (
    as: string,
    module: AnyDomainModule,
    input: unknown,
  ): E.Either<GovernedFailure, CommandEnvelope> => {
    const principal = resolvePrincipal(directory, as);
    if (E.isLeft(principal)) return principal;
    const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
    if (isObject && Object.hasOwn(input, 'actor')) return E.left(wireActorRefused);
    const decoded = module.commands.decode(
      isObject ? { ...input, actor: actorOf(principal.right) } : input,
    ) as E.Either<CommandFailure, CommandEnvelope>;
    if (E.isLeft(decoded)) return decoded;
    const envelope = decoded.right;
    const command = envelope.command;
    const stream = module.streamOf(command);
    const allowed = authorise(
      directory.commands,
      principal.right,
      module.name,
      command.type,
      stream,
    );
    return E.isLeft(allowed) ? allowed : E.right(envelope);
  };

  const run = async (
    as: string,
    module: AnyDomainModule,
    input: unknown,
  ): Promise<E.Either<GovernedFailure, CommandSuccess>> => {
    const admitted = admit(as, module, input);
    return E.isLeft(admitted) ? admitted : handler.handle(module, admitted.right);
  };

  const executeMany: GovernedCommands['executeMany'] = async (as, items) => {
    const results: Array<E.Either<GovernedFailure, CommandSuccess>> = [];
    const group: CommandItem[] = [];
    const places: number[] = [];
    items.forEach(({ module, input }, i) => {
      const admitted = admit(as, module, input);
      if (E.isLeft(admitted)) results[i] = admitted;
      else {
        group.push({ module, envelope: admitted.right });
        places.push(i);
      }
    });
    (await handler.handleMany(group)).forEach((r, k) => (results[places[k]!] = r));
    return results;
  };

  return {
    execute: run,
    executeMany,
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
