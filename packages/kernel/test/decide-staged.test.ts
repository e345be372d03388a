import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  accept,
  eachItem,
  found,
  guard,
  reject,
  stagedDecide,
  type CommandOfType,
  type Decision,
} from '../src/index.js';

// An invented domain, a library card: OpenCard starts the stream; CARD-1 and CARD-2 are this
// test's own rule ids.
type CardCommand =
  | { readonly type: 'OpenCard'; readonly data: { readonly cardId: string } }
  | { readonly type: 'Borrow'; readonly data: { readonly cardId: string; readonly copy: string } }
  | { readonly type: 'CloseCard'; readonly data: { readonly cardId: string } };
type CardEvent =
  | { readonly type: 'CardOpened'; readonly data: { readonly cardId: string } }
  | { readonly type: 'Borrowed'; readonly data: { readonly copy: string } }
  | { readonly type: 'CardClosed'; readonly data: { readonly cardId: string } };
type CardState =
  { readonly status: 'none' } | { readonly status: 'open' | 'closed'; readonly cardId: string };
type Started = Extract<CardState, { readonly cardId: string }>;
type Rest = Exclude<CardCommand, { readonly type: 'OpenCard' }>;

let handled = 0;
const makeDecideCard = stagedDecide<CardCommand, 'OpenCard', CardState, Started, number, CardEvent>(
  {
    starts: 'OpenCard',
    start: (c: CommandOfType<CardCommand, 'OpenCard'>, s): Decision<CardEvent> =>
      s.status === 'none'
        ? accept({ type: 'CardOpened', data: c.data })
        : E.left(reject('STATE', 'the card is already open')),
    started: (_, s) =>
      found(s.status === 'none' ? undefined : s, 'STATE', 'no card has been opened'),
    stage: (c: Rest, s) => [
      guard('STATE', 'the card is closed', () => s.status === 'closed'),
      guard('INPUT', 'another card', 'data.cardId', () => s.cardId !== c.data.cardId),
    ],
    handlers: {
      Borrow: (c, _, limit) => {
        handled++;
        return c.data.copy.length > limit
          ? E.left(reject('CARD-1', 'copy number too long', 'data.copy'))
          : accept({ type: 'Borrowed', data: { copy: c.data.copy } });
      },
      CloseCard: (c) => accept({ type: 'CardClosed', data: { cardId: c.data.cardId } }),
    },
  },
);
const open: CardState = { status: 'open', cardId: 'k1' };
/** The card's decide under a copy-number limit (the context). */
const decideCard = (command: CardCommand, state: CardState, limit: number) =>
  makeDecideCard(limit)(command, state);

describe('stagedDecide: the starting command, the stage, then the handler', () => {
  it('the starting command is decided on the state as it is', () => {
    expect(decideCard({ type: 'OpenCard', data: { cardId: 'k1' } }, { status: 'none' }, 9)).toEqual(
      E.right([{ type: 'CardOpened', data: { cardId: 'k1' } }]),
    );
    expect(decideCard({ type: 'OpenCard', data: { cardId: 'k1' } }, open, 9)).toEqual(
      E.left(reject('STATE', 'the card is already open')),
    );
  });

  it("every other command is refused by the stage's first broken row, before any handler runs", () => {
    handled = 0;
    const borrow = (cardId: string): CardCommand => ({
      type: 'Borrow',
      data: { cardId, copy: 'c1' },
    });
    expect(decideCard(borrow('k1'), { status: 'none' }, 9)).toEqual(
      E.left(reject('STATE', 'no card has been opened')),
    );
    expect(decideCard(borrow('k1'), { status: 'closed', cardId: 'k1' }, 9)).toEqual(
      E.left(reject('STATE', 'the card is closed')),
    );
    expect(decideCard(borrow('k2'), open, 9)).toEqual(
      E.left(reject('INPUT', 'another card', 'data.cardId')),
    );
    expect(handled).toBe(0);
  });

  it('past the stage, the handler for its type decides on the started stream, with the context', () => {
    const borrow: CardCommand = { type: 'Borrow', data: { cardId: 'k1', copy: 'c12' } };
    expect(decideCard(borrow, open, 9)).toEqual(
      E.right([{ type: 'Borrowed', data: { copy: 'c12' } }]),
    );
    expect(decideCard(borrow, open, 2)).toEqual(
      E.left(reject('CARD-1', 'copy number too long', 'data.copy')),
    );
  });

  it('a stream not started is refused by the started guard, before the stage rows, never handed to a handler', () => {
    handled = 0;
    const staged: string[] = [];
    const watched = stagedDecide<CardCommand, 'OpenCard', CardState, Started, number, CardEvent>({
      starts: 'OpenCard',
      start: () => accept(),
      started: (_, s) =>
        found(s.status === 'none' ? undefined : s, 'STATE', 'no card has been opened'),
      stage: (c) => (staged.push(c.type), []),
      handlers: {
        Borrow: () => (handled++, accept()),
        CloseCard: () => (handled++, accept()),
      },
    });
    expect(watched(9)({ type: 'CloseCard', data: { cardId: 'k1' } }, { status: 'none' })).toEqual(
      E.left(reject('STATE', 'no card has been opened')),
    );
    expect(staged).toEqual([]);
    expect(handled).toBe(0);
    expect(watched(9)({ type: 'CloseCard', data: { cardId: 'k1' } }, open)).toEqual(E.right([]));
    expect(staged).toEqual(['CloseCard']);
    expect(handled).toBe(1);
  });
});

describe('eachItem: a list guarded item by item', () => {
  const steps = ['2026-01-05', '2027-03-01', '2028-01-01'];
  const today = '2026-11-26';

  it('the first failure of the first item that breaks a row, naming its index; later items not judged', () => {
    const judged: number[] = [];
    const failure = eachItem(steps, (on, i) => [
      guard('CARD-2', 'not a date', `data.steps.${i}`, () => (judged.push(i), on.length !== 10)),
      guard('INPUT', 'starts in the future', `data.steps.${i}`, () => on > today),
    ])();
    expect(failure).toEqual(reject('INPUT', 'starts in the future', 'data.steps.1'));
    expect(judged).toEqual([0, 1]);
  });

  it('an item is judged row by row: its earlier rows come first', () => {
    const failure = eachItem(['2030-1-1'], (on, i) => [
      guard('CARD-2', 'not a date', `data.steps.${i}`, () => on.length !== 10),
      guard('INPUT', 'starts in the future', `data.steps.${i}`, () => on > today),
    ])();
    expect(failure).toEqual(reject('CARD-2', 'not a date', 'data.steps.0'));
  });

  it('passes when every item passes, and for no items', () => {
    const past = (on: string) => [guard('INPUT', 'future', () => on > today)];
    expect(eachItem(['2025-01-01', '2026-01-01'], past)()).toBeUndefined();
    expect(eachItem([], past)()).toBeUndefined();
  });
});
