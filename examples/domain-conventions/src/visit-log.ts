/**
 * A tiny invented domain (a log of home visits to a child) written the way every Aimline domain
 * is: the code of docs/domain-conventions.md, compiled by the type-check and run by the tests.
 * Rule ids VL-1 … VL-3 are this example's own.
 */
import * as t from 'io-ts';
import { deadline, meet, type Calendar, englandAndWales } from '@aimline/calendar';
import {
  accept,
  commandCatalogue,
  configuredModule,
  decideWhen,
  decideWith,
  defineEvent,
  dispatch,
  eventCatalogue,
  evolveBy,
  found,
  guard,
  handlersNamed,
  IsoInstant,
  personal,
  timelinePhases,
  type CommandOf,
  type EventOf,
  type HandlersNamed,
} from '@aimline/kernel';

// #region events
/** VisitBooked, schema version 1: what is on disk. Written once, field by field. */
export const VisitBooked = t.strict({
  logId: t.string,
  at: IsoInstant,
  visitId: t.string,
  start: IsoInstant,
  /** Personal data is declared in the codec, so it can be listed, redacted and erased. */
  childName: personal(t.string, 'name'),
});
export const VisitCompleted = t.strict({ logId: t.string, at: IsoInstant, visitId: t.string });

export const visitEventDefinitions = {
  VisitBooked: defineEvent(VisitBooked),
  VisitCompleted: defineEvent(VisitCompleted),
};
export const visitEvents = eventCatalogue(visitEventDefinitions);
export type VisitEvent = EventOf<typeof visitEventDefinitions>;
// #endregion events

// #region commands
/** A command's data is its event's data less `at` (the command's own `at` says when). */
const { at: _bookedAt, ...bookVisit } = VisitBooked.type.props;
const { at: _completedAt, ...completeVisit } = VisitCompleted.type.props;
export const visitCommandDefinitions = {
  BookVisit: t.strict(bookVisit),
  CompleteVisit: t.strict(completeVisit),
};
export const visitCommands = commandCatalogue(visitCommandDefinitions);
export type VisitCommand = CommandOf<typeof visitCommandDefinitions>;
// #endregion commands

// #region state
export interface VisitState {
  readonly visits: Readonly<Record<string, { readonly start: string; done: string | null }>>;
}
export const initialVisitState: VisitState = { visits: {} };

/**
 * Folds one event into the state: never fails, never validates (events are facts). One fold per
 * event type, given the state and the event's data; the table does not compile without them all.
 */
export const evolveVisits = evolveBy<VisitEvent, VisitState>({
  VisitBooked: (s, d) => ({ visits: { ...s.visits, [d.visitId]: { start: d.start, done: null } } }),
  VisitCompleted: (s, d) => {
    const visit = s.visits[d.visitId];
    return visit === undefined
      ? s
      : { visits: { ...s.visits, [d.visitId]: { ...visit, done: d.at } } };
  },
});
// #endregion state

// #region decide
/**
 * One handler per command type, named after it (`bookVisit` handles BookVisit), as a domain's
 * phase modules export them; `handlersNamed` derives the map `dispatch` routes through, and does
 * not compile without all of them. A guard is one row: rule, reason, field, what breaks it;
 * `found` is a guard that gives what it checks, narrowed, to `decideWith`.
 */
const visitHandlers: HandlersNamed<VisitCommand, VisitState, VisitPolicy, VisitEvent> = {
  bookVisit: ({ data: d, at }, state, policy) =>
    decideWhen(
      [
        guard('STATE', `visit ${d.visitId} is booked`, 'data.visitId', () => {
          return d.visitId in state.visits;
        }),
        guard('VL-1', `a log holds at most ${policy.maxVisits} visits`, () => {
          return Object.keys(state.visits).length >= policy.maxVisits;
        }),
      ],
      () => accept({ type: 'VisitBooked', data: { ...d, at } }),
    ),
  completeVisit: ({ data: d, at }, state) =>
    decideWith(
      found(state.visits[d.visitId], 'VL-2', 'only a booked visit is completed', 'data.visitId'),
      // already recorded: a retry changes nothing
      (visit) => (visit.done ? accept() : accept({ type: 'VisitCompleted', data: { ...d, at } })),
    ),
};
const decideVisit = dispatch(
  handlersNamed<VisitCommand, VisitState, VisitPolicy, VisitEvent>(visitHandlers),
);
const decide = (policy: VisitPolicy) => (command: VisitCommand, state: VisitState) =>
  decideVisit(command, state, policy);

export interface VisitPolicy {
  readonly maxVisits: number;
  /** VL-3: a visit is written up within this many working days of its start. */
  readonly writeUpWorkingDays: number;
}
export const defaultVisitPolicy: VisitPolicy = { maxVisits: 10, writeUpWorkingDays: 2 };

// #endregion decide

// #region module
/** VL-3: every visit is written up within the policy's working days of its start. */
export const visitDeadlines = (s: VisitState, policy: VisitPolicy, calendar: Calendar) =>
  Object.entries(s.visits).map(([visitId, v]) => {
    const due = deadline({
      ruleId: 'VL-3',
      label: `Visit ${visitId} written up`,
      trigger: { event: 'VisitBooked', at: v.start },
      unit: 'workingDays',
      amount: policy.writeUpWorkingDays,
      calendar,
    });
    return v.done === null ? due : meet(due, v.done);
  });

/**
 * The module's parts under the names `configuredModule` reads (a domain spread over files exports
 * them from its `module-parts.ts` and passes that file whole: `import * as visitParts`). The
 * factory binds policy and calendar into the decider (which validates each command first) and
 * the deadlines (judged at the read side's `asOf`); its commands go to `visit-log-{logId}`.
 */
export const visitLogModule = configuredModule('visit-log', 'logId', {
  defaults: [defaultVisitPolicy, englandAndWales],
  initialState: initialVisitState,
  decide,
  evolve: evolveVisits,
  deadlines: visitDeadlines,
  commands: visitCommands,
  events: visitEvents,
  timeline: timelinePhases<VisitEvent>({ VisitBooked: 'visits', VisitCompleted: 'visits' }),
});
export const makeVisitDecider = visitLogModule.decider;
// #endregion module
