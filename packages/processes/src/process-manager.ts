/**
 * What a process manager is: a named reactor over some streams. For each stored event it is
 * given, it answers with the commands to send to other processes (or with a refusal it
 * cannot turn into a command). It decides from the event and from its own stream as it stood
 * at that event only, never from the time it runs, so a replay decides the same again.
 */
import type {
  AnyDomainModule,
  Command,
  DomainEvent,
  DomainModule,
  RecordedEvent,
  Rejection,
} from '@aimline/kernel';

/** One command a process manager sends because of an event. */
export interface Reaction {
  readonly kind: 'command';
  readonly module: AnyDomainModule;
  readonly command: Command;
}

/** A reaction that could not be made into a command (the event lacks what the command needs). */
export interface Unmappable {
  readonly kind: 'unmappable';
  /** The command type it would have sent, and where. */
  readonly commandType: string;
  readonly stream: string;
  readonly rejection: Rejection;
}

export type ReactionOf = Reaction | Unmappable;

/** What a reaction may read besides the event: its stream's state as of that event. */
export interface ReactionContext {
  /** The event's stream folded by `module` up to and including the event (not later events). */
  stateAt<C extends Command, Ev extends DomainEvent, S>(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    module: DomainModule<C, Ev, S, any>,
    event: RecordedEvent,
  ): Promise<S>;
}

export interface ProcessManager {
  /** Names its checkpoint (`process:{name}`), its command ids and its refusal log. */
  readonly name: string;
  /** The streams it listens to, by prefix. */
  readonly streamPrefixes: ReadonlyArray<string>;
  react(event: RecordedEvent, context: ReactionContext): Promise<ReadonlyArray<ReactionOf>>;
}

/** The actor of every command a process manager sends. */
export const processActor = (name: string) =>
  ({ id: `process:${name}`, role: 'process manager', agency: 'aimline' }) as const;

/** How manager `name` sends commands to `module`: each a `Reaction`, signed as the manager. */
export const commandSender =
  (name: string, module: AnyDomainModule) =>
  (command: Omit<Command, 'actor'>): Reaction => ({
    kind: 'command',
    module,
    command: { ...command, actor: processActor(name) },
  });
