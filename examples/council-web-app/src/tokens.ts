import type { InjectionToken } from 'tsyringe';
import type { Calendar } from '@aimline/calendar';
import type { HsbCaseModule, HsbPolicy } from '@aimline/hsb-aim';
import type { CommandHandler, EventStore } from '@aimline/kernel';
import type { EventDecoder } from '@aimline/projections';

/**
 * Explicit injection tokens. tsx and vitest strip types without emitting decorator metadata,
 * so nothing here relies on `@injectable()` constructor types: every registration names its
 * token and is a `useValue` or a `useFactory`.
 */
export const Tokens = {
  Store: Symbol('EventStore') as InjectionToken<EventStore>,
  Clock: Symbol('Clock') as InjectionToken<() => string>,
  HsbPolicy: Symbol('HsbPolicy') as InjectionToken<HsbPolicy>,
  Calendar: Symbol('Calendar') as InjectionToken<Calendar>,
  HsbModule: Symbol('HsbCaseModule') as InjectionToken<HsbCaseModule>,
  CommandHandler: Symbol('CommandHandler') as InjectionToken<CommandHandler>,
  Decoder: Symbol('EventDecoder') as InjectionToken<EventDecoder>,
} as const;
