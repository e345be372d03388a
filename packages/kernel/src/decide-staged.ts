/**
 * A staged decide: the one way a domain writes the `decide` of a stream that one command starts.
 *
 * The starting command (OpenAttendanceCase, ScheduleMeeting) is decided on the state as it is;
 * every other command first passes the stage's guard rows (the stream is started, not closed, is
 * the command's own: STATE or INPUT refusals), then goes to the handler for its type on the
 * started stream.
 */
import type { Rejection } from './rejection.js';
import {
  decideWhen,
  dispatch,
  refuse,
  type Check,
  type CommandOfType,
  type Decision,
  type Handlers,
} from './decide.js';

/** What a staged decide is made of; see `stagedDecide`. */
export interface Stages<
  C extends { readonly type: string },
  K extends C['type'],
  S,
  Started extends S,
  Ctx,
  Ev,
  R extends Rejection = Rejection,
> {
  /** The command that starts the stream, and its handler (which may refuse a started stream). */
  readonly starts: K;
  readonly start: (command: CommandOfType<C, K>, state: S, ctx: Ctx) => Decision<Ev, R>;
  /** The guard rows every other command passes first, in order. */
  readonly stage: (command: Exclude<C, { readonly type: K }>, state: S) => ReadonlyArray<Check<R>>;
  /** The state the stage guarantees once its guards pass (a type guard). */
  readonly started: (state: S) => state is Started;
  /** A handler for each other command type, on the started stream. */
  readonly handlers: Handlers<Exclude<C, { readonly type: K }>, Started, Ctx, Ev, R>;
}

/**
 * A domain's `makeDecide(ctx)`, giving the decider's `decide(command, state)`, from its stages:
 *
 *   export const makeDecide = stagedDecide({
 *     starts: 'OpenAttendanceCase',
 *     start: phases.openAttendanceCase,
 *     stage: (_, s) => [guard('STATE', 'no attendance case has been opened', () => s.status === 'none')],
 *     started: (s): s is OpenCase => s.status !== 'none',
 *     handlers: handlersNamed<CaseCommand, OpenCase, AttendancePolicy, AttendanceAimEvent>(phases),
 *   })
 *
 * The stage's guards are meant to imply `started`; should they not, the command is refused with
 * STATE rather than handed to a handler on a stream that has not started.
 */
export const stagedDecide = <
  C extends { readonly type: string },
  K extends C['type'],
  S,
  Started extends S,
  Ctx,
  Ev,
>(
  stages: Stages<C, K, S, Started, Ctx, Ev>,
): ((ctx: Ctx) => (command: C, state: S) => Decision<Ev>) => {
  type Rest = Exclude<C, { readonly type: K }>;
  const onStarted = dispatch<Rest, Started, Ctx, Ev>(stages.handlers);
  const isStart = (command: C): command is CommandOfType<C, K> => command.type === stages.starts;
  return (ctx) => (command, state) => {
    if (isStart(command)) return stages.start(command, state, ctx);
    const rest = command as Rest;
    return decideWhen(stages.stage(rest, state), () =>
      stages.started(state)
        ? onStarted(rest, state, ctx)
        : refuse('STATE', `the stream has not started: ${stages.starts} comes first`),
    );
  };
};
