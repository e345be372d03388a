/**
 * A staged decide: the one way a domain writes the `decide` of a stream that one command starts.
 *
 * The starting command (OpenAttendanceCase, ScheduleMeeting) is decided on the state as it is;
 * every other command first passes the `started` guard (a `found`: the stream has started, with
 * its STATE refusal when it has not), then the stage's guard rows on the started stream (it is not
 * closed, it is the command's own: STATE or INPUT refusals), then goes to the handler for its
 * type on the started stream.
 */
import type { Rejection } from './rejection.js';
import {
  decideWhen,
  decideWith,
  dispatch,
  type Check,
  type CommandOfType,
  type Decision,
  type Found,
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
  /**
   * The guard every other command passes first: the started stream, narrowed, or the refusal of
   * a stream that has not started (`found(…, 'STATE', reason)`).
   */
  readonly started: (command: Exclude<C, { readonly type: K }>, state: S) => Found<Started, R>;
  /** The guard rows every other command passes next, in order, on the started stream. */
  readonly stage: (
    command: Exclude<C, { readonly type: K }>,
    state: Started,
  ) => ReadonlyArray<Check<R>>;
  /** A handler for each other command type, on the started stream. */
  readonly handlers: Handlers<Exclude<C, { readonly type: K }>, Started, Ctx, Ev, R>;
}

/**
 * A domain's `makeDecide(ctx)`, giving the decider's `decide(command, state)`, from its stages:
 *
 *   export const makeDecide = stagedDecide({
 *     starts: 'OpenAttendanceCase',
 *     start: phases.openAttendanceCase,
 *     started: (_, s) => found(s.status === 'none' ? undefined : s, 'STATE', 'no attendance case has been opened'),
 *     stage: (_, s) => [guard('STATE', 'the attendance case is closed', () => s.status === 'closed')],
 *     handlers: handlersNamed<CaseCommand, OpenCase, AttendancePolicy, AttendanceAimEvent>(phases),
 *   })
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
    return decideWith(stages.started(rest, state), (started) =>
      decideWhen(stages.stage(rest, started), () => onStarted(rest, started, ctx)),
    );
  };
};
