/**
 * The one way to declare a small module (a governance record, a refusal log, a hand-over record):
 * its command codecs and event definitions, its decider's three parts and the timeline phase
 * of each event, in one declaration. `smallModule` builds the catalogues, the decider and the
 * timeline; what is left in the module's file is what is its own.
 */
import type * as t from 'io-ts';
import {
  commandCatalogue,
  type CommandDefinitions,
  type CommandOf,
} from './codec/command-catalogue.js';
import { eventCatalogue, type Definitions, type EventOf } from './codec/event-catalogue.js';
import type { Decision } from './decide.js';
import { domainModule, timelinePhases, type NamedModule } from './domain-module.js';

/** Command codecs whose data all carry the stream id field `F`. */
export type StreamCommandDefinitions<F extends string> = Readonly<
  Record<string, t.Mixed & { readonly _A: { readonly [K in F]: string } }>
>;

export interface SmallModuleSpec<
  CD extends CommandDefinitions,
  ED extends Definitions,
  S,
  P extends string,
> {
  /** The command data codecs by command type. */
  readonly commands: CD;
  /** The event definitions (`defineEvent`) by event type. */
  readonly events: ED;
  readonly initialState: S;
  readonly decide: (command: CommandOf<CD>, state: S) => Decision<EventOf<ED>>;
  readonly evolve: (state: S, event: EventOf<ED>) => S;
  /** The timeline phase of each event type; the phases show in the order they first appear. */
  readonly phases: { readonly [K in keyof ED & string]: P };
}

/** The module `name` declared by `spec` (its commands go to `{name}-{data[streamId]}`). */
export const smallModule = <
  F extends string,
  CD extends StreamCommandDefinitions<F>,
  ED extends Definitions,
  S,
  P extends string,
>(
  name: string,
  streamId: F,
  { commands, events, initialState, decide, evolve, phases }: SmallModuleSpec<CD, ED, S, P>,
): NamedModule<CommandOf<CD>, EventOf<ED>, S> =>
  domainModule(name, streamId, {
    decider: { initialState, decide, evolve },
    commands: commandCatalogue(commands),
    events: eventCatalogue(events),
    timeline: timelinePhases<EventOf<ED>, P>(phases as { readonly [K in EventOf<ED>['type']]: P }),
  });
