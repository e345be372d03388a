import 'reflect-metadata';
import {
  container as rootContainer,
  instanceCachingFactory,
  type DependencyContainer,
} from 'tsyringe';
import { englandAndWales, type Calendar } from '@aimline/calendar';
import { defaultHsbPolicy, hsbCaseModule, type HsbPolicy } from '@aimline/hsb-aim';
import { commandHandler, type EventStore } from '@aimline/kernel';
import { eventDecoder } from '@aimline/projections';
import { Tokens } from './tokens.js';

export interface CompositionOptions {
  readonly store: EventStore;
  /** When the system records events (`recordedAt`); the only clock the app reads. */
  readonly clock: () => string;
  /** The council's HSB timescales (default: the source documents' values). */
  readonly policy?: HsbPolicy;
  /** The council's working-day calendar (default: England and Wales). */
  readonly calendar?: Calendar;
}

/**
 * The composition root of the council's app: a child container of tsyringe's root, so two
 * apps in one process (or two tests) never share a store. Values are registered with
 * `useValue`; everything built from them with a cached `useFactory`, so the module, the
 * command handler (with its state cache) and the decoder are made once per app.
 */
export const compose = (options: CompositionOptions): DependencyContainer => {
  const c = rootContainer.createChildContainer();
  c.register(Tokens.Store, { useValue: options.store });
  c.register(Tokens.Clock, { useValue: options.clock });
  c.register(Tokens.HsbPolicy, { useValue: options.policy ?? defaultHsbPolicy });
  c.register(Tokens.Calendar, { useValue: options.calendar ?? englandAndWales });
  c.register(Tokens.HsbModule, {
    useFactory: instanceCachingFactory((d) =>
      hsbCaseModule(d.resolve(Tokens.HsbPolicy), d.resolve(Tokens.Calendar)),
    ),
  });
  c.register(Tokens.CommandHandler, {
    useFactory: instanceCachingFactory((d) =>
      commandHandler({ store: d.resolve(Tokens.Store), clock: d.resolve(Tokens.Clock) }),
    ),
  });
  c.register(Tokens.Decoder, {
    useFactory: instanceCachingFactory((d) => eventDecoder([d.resolve(Tokens.HsbModule)])),
  });
  return c;
};
