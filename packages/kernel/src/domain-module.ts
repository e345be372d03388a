import { deadlinesAt, type Deadline, type InstantInput } from '@aimline/calendar';
import type { CommandCatalogue } from './codec/command-catalogue.js';
import type { EventCatalogue } from './codec/event-catalogue.js';
import type { Command } from './command.js';
import type { Decider } from './decider.js';
import type { DomainEvent } from './event.js';
import type { Rejection } from './rejection.js';

/**
 * How a module's events appear on a case timeline: its phases in display order (the lanes of
 * the timeline) and the phase of each event. Build it with `timelinePhases`, whose map is
 * total over the module's event types: a new event type does not compile until it has a phase.
 */
export interface TimelinePhases<Ev extends DomainEvent, P extends string = string> {
  readonly phases: ReadonlyArray<P>;
  readonly phaseOf: (event: Ev) => P;
}

/** A module's timeline phases from its phases in display order and the phase of every event type. */
export const timelinePhases = <Ev extends DomainEvent, P extends string>(
  phases: ReadonlyArray<P>,
  byType: { readonly [K in Ev['type']]: P },
): TimelinePhases<Ev, P> => ({
  phases,
  phaseOf: (event: Ev) => byType[event.type as Ev['type']],
});

/**
 * Everything the command handler, the CLI and the projections need to know about one
 * kind of event-sourced entity (an HSB case, a panel referral, a meeting): its decider,
 * its command and event catalogues, which stream a command goes to, and for the read side
 * its deadlines and timeline phases. The module's policy and calendar are bound in when it is
 * built, so no caller needs to know the type of its state.
 */
export interface DomainModule<
  C extends Command,
  Ev extends DomainEvent,
  S,
  R extends Rejection = Rejection,
> {
  /** e.g. `hsb-case` */
  readonly name: string;
  /** Stream names of this module start with this prefix, e.g. `hsb-case-`. */
  readonly streamPrefix: string;
  readonly decider: Decider<C, Ev, S, R>;
  readonly commands: CommandCatalogue<C>;
  readonly events: EventCatalogue<Ev>;
  readonly streamOf: (command: C) => string;
  /**
   * The deadlines of one stream's state as they stand at `asOf`: those started by then, each
   * with its status at `asOf` (open, met, breached with how late, waived). The read side passes
   * the `Instant` it parsed at its edge, which the calendar does not parse again.
   */
  readonly deadlines: (state: S, asOf: InstantInput) => ReadonlyArray<Deadline>;
  readonly timeline: TimelinePhases<Ev>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDomainModule = DomainModule<any, any, any, any>;

/** The stream names under `prefix`: `prefixedStream('meeting-')('m-1')` is `meeting-m-1`. */
export const prefixedStream =
  (prefix: string) =>
  (id: string): string =>
    `${prefix}${id}`;

/** What a module is made of besides its name and its streams (see `domainModule`). */
export interface ModuleParts<C extends Command, Ev extends DomainEvent, S, R extends Rejection> {
  readonly decider: Decider<C, Ev, S, R>;
  readonly commands: CommandCatalogue<C>;
  readonly events: EventCatalogue<Ev>;
  /**
   * Every deadline of one stream's state, with the module's policy and calendar bound in; the
   * module keeps those started by `asOf`, each with its status then. None when omitted.
   */
  readonly deadlines?: (state: S) => ReadonlyArray<Deadline>;
  readonly timeline: TimelinePhases<Ev>;
}

/**
 * The `DomainModule` named `name`: its streams are `{name}-{id}`, the id being the `streamId`
 * field of each command's data, e.g. `domainModule('meeting', 'meetingId', parts)` puts
 * `ScheduleMeeting { meetingId: 'm-1' }` in stream `meeting-m-1`.
 */
export const domainModule = <
  C extends Command<string, { readonly [K in F]: string }>,
  Ev extends DomainEvent,
  S,
  R extends Rejection,
  F extends string,
>(
  name: string,
  streamId: F,
  { deadlines, ...parts }: ModuleParts<C, Ev, S, R>,
): DomainModule<C, Ev, S, R> => {
  const streamOf = prefixedStream(`${name}-`);
  return {
    ...parts,
    name,
    streamPrefix: `${name}-`,
    streamOf: (command) => streamOf(command.data[streamId]),
    deadlines:
      deadlines === undefined ? () => [] : (state, asOf) => deadlinesAt(deadlines(state), asOf),
  };
};
