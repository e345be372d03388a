import type { CommandCatalogue } from './codec/command-catalogue.js';
import type { EventCatalogue } from './codec/event-catalogue.js';
import type { Command } from './command.js';
import type { Decider } from './decider.js';
import type { DomainEvent } from './event.js';
import type { Rejection } from './rejection.js';

/**
 * Everything the command handler, the CLI and the projections need to know about one
 * kind of event-sourced entity (an HSB case, a panel referral, a meeting): its decider,
 * its command and event catalogues, and which stream a command goes to.
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
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDomainModule = DomainModule<any, any, any, any>;
