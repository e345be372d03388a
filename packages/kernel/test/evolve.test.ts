import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  appended,
  evolveBy,
  onceOpened,
  type DomainEvent,
  type EvolveTable,
} from '../src/index.js';

type TallyEvent =
  | DomainEvent<'TallyOpened', { readonly tallyId: string }>
  | DomainEvent<'Counted', { readonly by: number }>
  | DomainEvent<'Noted', { readonly note: string }>;

interface OpenTally {
  readonly status: 'open';
  readonly tallyId: string;
  readonly count: number;
  readonly notes: ReadonlyArray<string>;
}
type TallyState = { readonly status: 'none' } | OpenTally;

const isOpen = (s: TallyState): s is OpenTally => s.status === 'open';

const onOpenTally: EvolveTable<
  Exclude<TallyEvent, { type: 'TallyOpened' }>,
  OpenTally,
  TallyState
> = {
  Counted: (s, d) => ({ ...s, count: s.count + d.by }),
  Noted: (s, d) => appended(s, 'notes', d.note),
};

const evolve = evolveBy<TallyEvent, TallyState>({
  TallyOpened: (_s, d) => ({ status: 'open', tallyId: d.tallyId, count: 0, notes: [] }),
  ...onceOpened(isOpen, onOpenTally),
});

const opened: TallyEvent = { type: 'TallyOpened', data: { tallyId: 't-1' } };
const counted: TallyEvent = { type: 'Counted', data: { by: 2 } };
const noted: TallyEvent = { type: 'Noted', data: { note: 'checked' } };

describe('evolveBy: one fold per event type', () => {
  it('folds each event with the entry for its type, given the state and the event data', () => {
    const state = [opened, counted, counted, noted].reduce(evolve, { status: 'none' });
    expect(state).toEqual({ status: 'open', tallyId: 't-1', count: 4, notes: ['checked'] });
  });

  it('leaves the state it is given as it was', () => {
    const before: TallyState = { status: 'open', tallyId: 't-1', count: 1, notes: [] };
    evolve(before, counted);
    expect(before).toEqual({ status: 'open', tallyId: 't-1', count: 1, notes: [] });
  });
});

describe('onceOpened: the folds of a stream one event opens', () => {
  it('an event before the opening leaves the state as it is', () => {
    const none: TallyState = { status: 'none' };
    expect(evolve(none, counted)).toBe(none);
    expect(evolve(none, noted)).toBe(none);
  });

  it('after the opening, each event is folded into the opened state', () => {
    expect(evolve(evolve({ status: 'none' }, opened), counted)).toEqual({
      status: 'open',
      tallyId: 't-1',
      count: 2,
      notes: [],
    });
  });
});

describe('onceOpened: the states come from isOpened, not from the table', () => {
  type AfterOpening = Exclude<TallyEvent, { type: 'TallyOpened' }>;
  /** A table typed without its full state type: each fold gives back the opened state. */
  const onOpenOnly: EvolveTable<AfterOpening, OpenTally> = {
    Counted: (s, d) => ({ ...s, count: s.count + d.by }),
    Noted: (s, d) => appended(s, 'notes', d.note),
  };

  it('a table whose folds give back the opened state folds over the whole state', () => {
    // Type level: the table's own state does not narrow the stream's state to the opened one.
    expectTypeOf(onceOpened(isOpen, onOpenOnly)).toEqualTypeOf<
      EvolveTable<AfterOpening, TallyState>
    >();
    const evolveOpenOnly = evolveBy<TallyEvent, TallyState>({
      TallyOpened: (_s, d) => ({ status: 'open', tallyId: d.tallyId, count: 0, notes: [] }),
      ...onceOpened(isOpen, onOpenOnly),
    });
    const none: TallyState = { status: 'none' };
    expect(evolveOpenOnly(none, counted)).toBe(none);
    expect([opened, counted, noted].reduce(evolveOpenOnly, none)).toEqual(
      [opened, counted, noted].reduce(evolve, none),
    );
  });
});
