/**
 * One event through one process manager: its reactions sent as commands with ids derived from
 * the event, each refusal recorded in the manager's log, then the checkpoint moved past it.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  describeCommandFailure,
  fold,
  inputRejection,
  type CommandFailure,
  type CommandHandler,
  type EventStore,
  type RecordedEvent,
  type Rejection,
} from '@aimline/kernel';
import { processLogModule } from './process-log.js';
import { processActor, type ProcessManager, type ReactionContext } from './process-manager.js';
import { reactionCommandId } from './reaction-ids.js';

/** What became of one reaction. */
export type ReactionOutcome =
  | {
      readonly kind: 'accepted';
      readonly manager: string;
      readonly cause: RecordedEvent;
      readonly commandType: string;
      readonly stream: string;
      /** Events recorded (0 when the command changed nothing, or was already handled). */
      readonly events: number;
      readonly alreadyHandled: boolean;
    }
  | {
      readonly kind: 'refused';
      readonly manager: string;
      readonly cause: RecordedEvent;
      readonly commandType: string;
      readonly stream: string;
      readonly rejection: Rejection;
    };

/** A failure that stops a process manager (its checkpoint stays before the event). */
export class ProcessManagerError extends Error {
  constructor(
    readonly manager: string,
    readonly causedBy: RecordedEvent,
    readonly failure: CommandFailure | { readonly kind: 'ReactionFailed'; readonly error: unknown },
  ) {
    super(
      `process manager ${manager} stopped at ${causedBy.stream}@${causedBy.revision} (${causedBy.type}): ${
        failure.kind === 'ReactionFailed'
          ? failure.error instanceof Error
            ? failure.error.message
            : String(failure.error)
          : describeCommandFailure(failure)
      }`,
    );
    this.name = 'ProcessManagerError';
  }
}

export const checkpointName = (manager: string): string => `process:${manager}`;

/** The source stream as it stood at the event: deterministic, whenever the reaction runs. */
export const reactionContext = (store: EventStore): ReactionContext => ({
  stateAt: async (module, event) => {
    const events = [];
    for await (const e of store.readStream(event.stream, { maxCount: event.revision + 1 })) {
      const decoded = module.events.decode(e);
      if (E.isLeft(decoded)) throw new Error(decoded.left.message);
      events.push(decoded.right);
    }
    return fold(module.decider)(events);
  },
});

const asRejection = (failure: CommandFailure): Rejection | undefined => {
  if (failure.kind === 'Rejected') return failure.rejection;
  if (failure.kind === 'InvalidCommand') return inputRejection(failure);
  return undefined;
};

export const reactOnce = async (
  store: EventStore,
  handler: CommandHandler,
  manager: ProcessManager,
  event: RecordedEvent,
): Promise<ReadonlyArray<ReactionOutcome>> => {
  let reactions;
  try {
    reactions = await manager.react(event, reactionContext(store));
  } catch (error) {
    throw new ProcessManagerError(manager.name, event, { kind: 'ReactionFailed', error });
  }
  const log = processLogModule();
  const ids = {
    correlationId: event.metadata.correlationId,
    causationId: event.id,
  };
  const outcomes: ReactionOutcome[] = [];
  for (const [i, reaction] of reactions.entries()) {
    const commandId = reactionCommandId(manager.name, event.id, i);
    let commandType: string;
    let stream: string;
    let rejection: Rejection | undefined;
    if (reaction.kind === 'unmappable') {
      ({ commandType, stream, rejection } = reaction);
    } else {
      commandType = reaction.command.type;
      stream = reaction.module.streamOf(reaction.command);
      const result = await handler.handle(reaction.module, {
        commandId,
        command: reaction.command,
        ...ids,
      });
      if (E.isRight(result)) {
        outcomes.push({
          kind: 'accepted',
          manager: manager.name,
          cause: event,
          commandType,
          stream,
          events: result.right.events.length,
          alreadyHandled: result.right.alreadyHandled,
        });
        continue;
      }
      rejection = asRejection(result.left);
      if (rejection === undefined) throw new ProcessManagerError(manager.name, event, result.left);
    }
    const logged = await handler.handle(log, {
      commandId: reactionCommandId(`${manager.name}/refused`, event.id, i),
      command: {
        type: 'RecordReactionRefused',
        at: event.metadata.occurredAt,
        actor: processActor(manager.name),
        data: {
          manager: manager.name,
          cause: {
            eventId: event.id,
            stream: event.stream,
            revision: event.revision,
            type: event.type,
          },
          commandType,
          targetStream: stream,
          ruleId: rejection.ruleId,
          reason: rejection.reason,
          ...(rejection.field === undefined ? {} : { field: rejection.field }),
        },
      },
      ...ids,
    });
    if (E.isLeft(logged)) throw new ProcessManagerError(manager.name, event, logged.left);
    outcomes.push({
      kind: 'refused',
      manager: manager.name,
      cause: event,
      commandType,
      stream,
      rejection,
    });
  }
  await store.checkpoints.save(checkpointName(manager.name), event.position);
  return outcomes;
};
