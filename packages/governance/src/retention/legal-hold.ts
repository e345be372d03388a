/**
 * Legal holds (issue 13 item 5): a hold keeps a record (a case's stream) from being erased,
 * for example while criminal or care proceedings are open. Placing and lifting a hold are
 * events in a stream of their own, `legal-hold-{holdId}`, recorded through the command handler
 * like every domain command: who placed or lifted it is the principal on the command (metadata
 * actor), why is the reason, when is the command's instant. Nothing is ever edited.
 *
 * The reason names the ground ("criminal proceedings open"), not the people: it is a
 * governance record and is not encrypted, so it must hold no personal data.
 */
import * as t from 'io-ts';
import {
  IsoInstant,
  NonEmptyString,
  accept,
  defineEvent,
  dispatch,
  decideWhen,
  evolveBy,
  guard,
  smallModule,
  type CommandOf,
  type EventOf,
} from '@aimline/kernel';

/** A hold id: letters, digits, `.`, `_`, `-` (it is part of a stream name). */
const HoldId = t.refinement(t.string, (s) => /^[A-Za-z0-9._-]{1,64}$/.test(s), 'HoldId');

export const PlaceLegalHold = t.strict({
  holdId: HoldId,
  /** The record held: a stream name, e.g. `hsb-case-C-1001`. */
  record: NonEmptyString,
  reason: NonEmptyString,
});
export const LiftLegalHold = t.strict({ holdId: HoldId, reason: NonEmptyString });

const legalHoldCommandDefinitions = {
  PlaceLegalHold,
  LiftLegalHold,
} as const;
export type LegalHoldCommand = CommandOf<typeof legalHoldCommandDefinitions>;

export const LegalHoldPlaced = t.strict({
  holdId: HoldId,
  record: NonEmptyString,
  reason: NonEmptyString,
  at: IsoInstant,
});
export const LegalHoldLifted = t.strict({ holdId: HoldId, reason: NonEmptyString, at: IsoInstant });

const legalHoldEventDefinitions = {
  LegalHoldPlaced: defineEvent(LegalHoldPlaced),
  LegalHoldLifted: defineEvent(LegalHoldLifted),
} as const;
export type LegalHoldEvent = EventOf<typeof legalHoldEventDefinitions>;

/** A hold's state: none yet, in force on a record, or lifted. */
export type LegalHoldState =
  | { readonly status: 'none' }
  | { readonly status: 'in-force'; readonly record: string; readonly placedAt: string }
  | { readonly status: 'lifted'; readonly record: string; readonly liftedAt: string };

const evolve = evolveBy<LegalHoldEvent, LegalHoldState>({
  LegalHoldPlaced: (_, d) => ({ status: 'in-force', record: d.record, placedAt: d.at }),
  LegalHoldLifted: (s, d) =>
    s.status === 'in-force' ? { status: 'lifted', record: s.record, liftedAt: d.at } : s,
});

const decide = dispatch<LegalHoldCommand, LegalHoldState, undefined, LegalHoldEvent>({
  PlaceLegalHold: ({ data, at }, s) =>
    decideWhen(
      [
        guard(
          'HOLD-1',
          `hold ${data.holdId} was already placed`,
          'data.holdId',
          () => s.status !== 'none',
        ),
      ],
      () => accept({ type: 'LegalHoldPlaced', data: { ...data, at } }),
    ),
  LiftLegalHold: ({ data, at }, s) =>
    decideWhen(
      [
        guard(
          'HOLD-2',
          s.status === 'none'
            ? `hold ${data.holdId} was never placed`
            : `hold ${data.holdId} was already lifted`,
          'data.holdId',
          () => s.status !== 'in-force',
        ),
      ],
      () => accept({ type: 'LegalHoldLifted', data: { ...data, at } }),
    ),
});

const module = smallModule('legal-hold', 'holdId', {
  commands: legalHoldCommandDefinitions,
  events: legalHoldEventDefinitions,
  initialState: { status: 'none' },
  decide: (command, state) => decide(command, state, undefined),
  evolve,
  phases: { LegalHoldPlaced: 'hold', LegalHoldLifted: 'hold' },
});
export type LegalHoldModule = typeof module;
export const legalHoldCommands = module.commands;
export const legalHoldEvents = module.events;

/** The legal-hold module: registered beside the domain modules so holds are commands and events. */
export const legalHoldModule = (): LegalHoldModule => module;

/** The stream of a hold: `legal-hold-{holdId}`. */
export const { prefix: LEGAL_HOLD_STREAM_PREFIX, of: legalHoldStream } = module.streams;
