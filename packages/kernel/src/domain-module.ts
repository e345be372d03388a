import { deadlinesAt, type Deadline, type InstantInput } from '@aimline/calendar';
import type { CommandCatalogue } from './codec/command-catalogue.js';
import type { EventCatalogue } from './codec/event-catalogue.js';
import { undeclaredPersonalFields, type PersonalDataUse } from './codec/personal-data-use.js';
import type { Command } from './command.js';
import type { Decision } from './decide.js';
import { validatingDecider, type Decider } from './decider.js';
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

/**
 * A module's timeline phases from the phase of every event type, written once: the phases show
 * in the order they first appear in the map, e.g. `timelinePhases({ MeetingScheduled:
 * 'arrangements', AttendanceRecorded: 'meeting' })` has the lanes `arrangements`, `meeting`.
 */
export const timelinePhases = <Ev extends DomainEvent, P extends string = string>(byType: {
  readonly [K in Ev['type']]: P;
}): TimelinePhases<Ev, P> => ({
  phases: [...new Set(Object.values<P>(byType))],
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
  /**
   * The personal data `deadlines` are worked out from (through `evolve`): a read for deadlines
   * opens only these fields, and every other personal field, withheld, changes no deadline.
   * Empty when no deadline depends on personal data.
   */
  readonly deadlinePersonalData: PersonalDataUse;
  readonly timeline: TimelinePhases<Ev>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDomainModule = DomainModule<any, any, any, any>;

/**
 * A module's streams, `{name}-{id}`: for the module `meeting`, the `prefix` is `meeting-` and
 * `of('m-1')` is `meeting-m-1`. Every module built here carries them as `streams`, so its
 * package exports them from the module, never by writing the name again.
 */
export interface ModuleStreams {
  readonly prefix: string;
  readonly of: (id: string) => string;
}

/** A module as `domainModule` builds it: a `DomainModule` that carries its `streams`. */
export type NamedModule<
  C extends Command,
  Ev extends DomainEvent,
  S,
  R extends Rejection = Rejection,
> = DomainModule<C, Ev, S, R> & { readonly streams: ModuleStreams };

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
  /** The personal fields those deadlines are worked out from (`DomainModule.deadlinePersonalData`); none when omitted. */
  readonly deadlinePersonalData?: PersonalDataUse;
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
  { deadlines, deadlinePersonalData = [], ...parts }: ModuleParts<C, Ev, S, R>,
): NamedModule<C, Ev, S, R> => {
  const streams = moduleStreams(name);
  // A field its events do not declare personal would open nothing: its deadlines would be
  // worked out from a withheld value. A mistake in the module's own code, so it fails here.
  const undeclared = undeclaredPersonalFields(parts.events, deadlinePersonalData);
  if (undeclared.length > 0)
    throw new Error(
      `module ${name}: its deadlines' personal data names fields its events do not declare personal: ${undeclared.join(', ')}`,
    );
  return {
    ...parts,
    deadlinePersonalData,
    name,
    streams,
    streamPrefix: streams.prefix,
    streamOf: (command) => streams.of(command.data[streamId]),
    deadlines:
      deadlines === undefined ? () => [] : (state, asOf) => deadlinesAt(deadlines(state), asOf),
  };
};

const moduleStreams = (name: string): ModuleStreams => ({
  prefix: `${name}-`,
  of: (id) => `${name}-${id}`,
});

/**
 * The parts of a module a council configures, under the names `configuredModule` reads: what it
 * is configured with (its policy, and a calendar or a source of calendars), its decider's parts
 * (`decide` over the policy and calendar) and its catalogues, deadlines and timeline. A domain
 * exports them from one file under these names and passes that file whole
 * (`import * as meetingParts from './module-parts.js'`).
 */
export interface ConfiguredModuleParts<C extends Command, Ev extends DomainEvent, S, P, K> {
  /** The policy and calendar a module built without them uses. */
  readonly defaults: readonly [policy: P, calendar: K];
  readonly initialState: S;
  readonly decide: (policy: P, calendar: K) => (command: C, state: S) => Decision<Ev>;
  readonly evolve: (state: S, event: Ev) => S;
  readonly deadlines: (state: S, policy: P, calendar: K) => ReadonlyArray<Deadline>;
  /** The personal fields `deadlines` are worked out from (`DomainModule.deadlinePersonalData`); none when omitted. */
  readonly deadlinePersonalData?: PersonalDataUse;
  readonly commands: CommandCatalogue<C>;
  readonly events: EventCatalogue<Ev>;
  readonly timeline: TimelinePhases<Ev>;
}

/** What `configuredModule` gives: the module factory, its decider factory and its streams. */
export type ConfiguredModule<C extends Command, Ev extends DomainEvent, S, P, K> = ((
  policy?: P,
  calendar?: K,
) => NamedModule<C, Ev, S>) & {
  /**
   * The module's decider for a policy and calendar (or the defaults): its `decide` validates the
   * command with the command catalogue first (`validatingDecider`).
   */
  readonly decider: (policy?: P, calendar?: K) => Decider<C, Ev, S>;
  readonly streams: ModuleStreams;
};

/**
 * The factory of a module a council configures: `(policy?, calendar?) => DomainModule`, its
 * decider (`validatingDecider` over the command catalogue) and deadlines bound to the policy and
 * calendar given (or the defaults), e.g. `configuredModule('meeting', 'meetingId', meetingParts)`
 * with `meetingParts` the meeting's `module-parts.ts` imported whole. The factory carries the
 * module's `decider` factory and its `streams`.
 */
export const configuredModule = <
  C extends Command<string, { readonly [K in F]: string }>,
  Ev extends DomainEvent,
  S,
  P,
  K,
  F extends string,
>(
  name: string,
  streamId: F,
  parts: ConfiguredModuleParts<C, Ev, S, P, K>,
): ConfiguredModule<C, Ev, S, P, K> => {
  const { defaults, initialState, decide, evolve, deadlines, commands, events, timeline } = parts;
  const deadlinePersonalData = parts.deadlinePersonalData ?? [];
  const decider = (policy: P = defaults[0], calendar: K = defaults[1]): Decider<C, Ev, S> =>
    validatingDecider({ initialState, decide: decide(policy, calendar), evolve }, commands);
  return Object.assign(
    (policy: P = defaults[0], calendar: K = defaults[1]) =>
      domainModule(name, streamId, {
        decider: decider(policy, calendar),
        deadlines: (state) => deadlines(state, policy, calendar),
        deadlinePersonalData,
        commands,
        events,
        timeline,
      }),
    { decider, streams: moduleStreams(name) },
  );
};
