/**
 * The refusal log of the process managers, one stream per manager (`process-log-{name}`):
 * a reaction the receiving process refused, or one the event could not be made into, is
 * recorded here with its cause and the rule id, so a hand-off that did not happen is
 * evidence in the store (and shows in audits), never only a line in a log file.
 */
import * as t from 'io-ts';
import {
  accept,
  defineEvent,
  smallModule,
  IsoInstant,
  NonEmptyString,
  type CommandOf,
  type EventOf,
} from '@aimline/kernel';

const refusal = {
  manager: NonEmptyString,
  /** The event the reaction was to. */
  cause: t.strict({
    eventId: NonEmptyString,
    stream: NonEmptyString,
    revision: t.number,
    type: NonEmptyString,
  }),
  /** The command that was refused, and where it was sent. */
  commandType: NonEmptyString,
  targetStream: NonEmptyString,
  ruleId: NonEmptyString,
  reason: NonEmptyString,
};
const RefusalData = t.intersection([
  t.strict(refusal),
  t.exact(t.partial({ field: NonEmptyString })),
]);

const processLogEventDefinitions = {
  ReactionRefused: defineEvent(
    t.intersection([
      t.strict({ ...refusal, at: IsoInstant }),
      t.exact(t.partial({ field: NonEmptyString })),
    ]),
  ),
};
const processLogCommandDefinitions = { RecordReactionRefused: RefusalData };

export type ProcessLogEvent = EventOf<typeof processLogEventDefinitions>;
export type ProcessLogCommand = CommandOf<typeof processLogCommandDefinitions>;
export interface ProcessLogState {
  readonly refusals: number;
}
const module = smallModule('process-log', 'manager', {
  commands: processLogCommandDefinitions,
  events: processLogEventDefinitions,
  initialState: { refusals: 0 },
  decide: (command) =>
    accept<ProcessLogEvent>({ type: 'ReactionRefused', data: { ...command.data, at: command.at } }),
  evolve: (state: ProcessLogState) => ({ refusals: state.refusals + 1 }),
  phases: { ReactionRefused: 'refusals' },
});
export type ProcessLogModule = typeof module;

/** The kernel module of the refusal log (register it where modules decode streams: the CLI, projections). */
export const processLogModule = (): ProcessLogModule => module;

export const { prefix: PROCESS_LOG_STREAM_PREFIX, of: processLogStream } = module.streams;
