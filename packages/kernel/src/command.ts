import type { Actor } from './actor.js';

/**
 * A command as a decider receives it: what is asked (`type`, `data`), when (`at`, the
 * "now" of T-7: domain code never reads a clock) and by whom.
 */
export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly at: string;
  readonly actor: Actor;
}

/** A command with the ids that make it idempotent and traceable. */
export interface CommandEnvelope<C extends Command = Command> {
  /** A UUID. Retrying a command with the same id never appends twice. */
  readonly commandId: string;
  readonly command: C;
  /** Defaults to the command id. */
  readonly correlationId?: string;
  /** Defaults to the command id. */
  readonly causationId?: string;
}
