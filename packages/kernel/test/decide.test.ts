import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  accept,
  check,
  decideWhen,
  dispatch,
  noneTwice,
  firstFailure,
  guard,
  handlersNamed,
  refuse,
  reject,
  type Decision,
  type Handlers,
  type Rejection,
} from '../src/index.js';

// An invented domain, a library loan: rule ids LOAN-1 and LOAN-2 are this test's own.
type LoanCommand =
  | { readonly type: 'Borrow'; readonly data: { readonly copies: ReadonlyArray<string> } }
  | { readonly type: 'Return'; readonly data: { readonly copy: string } };
type LoanEvent =
  | { readonly type: 'Borrowed'; readonly data: { readonly copy: string } }
  | { readonly type: 'Returned'; readonly data: { readonly copy: string } };
interface LoanState {
  readonly onLoan: ReadonlyArray<string>;
}
interface LoanPolicy {
  readonly maxCopies: number;
}

const decideLoan = dispatch<LoanCommand, LoanState, LoanPolicy, LoanEvent>({
  Borrow: (command, state, policy) => {
    const d = command.data;
    const failure = firstFailure(
      () => check(d.copies.length === 0, 'INPUT', 'no copies named', 'data.copies'),
      noneTwice(
        d.copies,
        (c) => c,
        (_, i, twice) => [
          guard('LOAN-1', 'a copy is already on loan', `data.copies.${i}`, () => twice),
        ],
        (c) => state.onLoan.includes(c),
      ),
      () =>
        check(
          state.onLoan.length + d.copies.length > policy.maxCopies,
          'LOAN-2',
          `at most ${policy.maxCopies} copies on loan`,
          'data.copies',
        ),
    );
    if (failure) return refuse(failure);
    return accept(...d.copies.map((copy) => ({ type: 'Borrowed' as const, data: { copy } })));
  },
  Return: (command, state) =>
    state.onLoan.includes(command.data.copy)
      ? accept({ type: 'Returned', data: { copy: command.data.copy } })
      : accept(),
});
const policy: LoanPolicy = { maxCopies: 2 };

describe('decide toolkit: a decider written with it', () => {
  it('accept: the events a command records, in order', () => {
    const decision = decideLoan(
      { type: 'Borrow', data: { copies: ['c1', 'c2'] } },
      { onLoan: [] },
      policy,
    );
    expect(decision).toEqual(
      E.right([
        { type: 'Borrowed', data: { copy: 'c1' } },
        { type: 'Borrowed', data: { copy: 'c2' } },
      ]),
    );
  });

  it('accept(): a command that changes nothing records no event', () => {
    expect(decideLoan({ type: 'Return', data: { copy: 'c9' } }, { onLoan: [] }, policy)).toEqual(
      E.right([]),
    );
  });

  it('LOAN-1: a duplicate, within the command or against the state, is refused naming its index', () => {
    expect(
      decideLoan({ type: 'Borrow', data: { copies: ['c1', 'c1'] } }, { onLoan: [] }, policy),
    ).toEqual(E.left(reject('LOAN-1', 'a copy is already on loan', 'data.copies.1')));
    expect(
      decideLoan({ type: 'Borrow', data: { copies: ['c1'] } }, { onLoan: ['c1'] }, policy),
    ).toEqual(E.left(reject('LOAN-1', 'a copy is already on loan', 'data.copies.0')));
  });

  it('firstFailure: the first broken rule wins; the rules after it are not judged', () => {
    expect(decideLoan({ type: 'Borrow', data: { copies: [] } }, { onLoan: [] }, policy)).toEqual(
      E.left(reject('INPUT', 'no copies named', 'data.copies')),
    );
    expect(
      decideLoan(
        { type: 'Borrow', data: { copies: ['c3', 'c3'] } },
        { onLoan: ['c1', 'c2'] },
        policy,
      ),
    ).toEqual(E.left(reject('LOAN-1', 'a copy is already on loan', 'data.copies.1')));
  });

  it('LOAN-2: the context (here a policy) reaches the handler', () => {
    const decision = decideLoan(
      { type: 'Borrow', data: { copies: ['c3'] } },
      { onLoan: ['c1', 'c2'] },
      policy,
    );
    expect(decision).toEqual(E.left(reject('LOAN-2', 'at most 2 copies on loan', 'data.copies')));
    expect(
      decideLoan(
        { type: 'Borrow', data: { copies: ['c3'] } },
        { onLoan: ['c1', 'c2'] },
        { maxCopies: 3 },
      ),
    ).toEqual(E.right([{ type: 'Borrowed', data: { copy: 'c3' } }]));
  });
});

describe('decide toolkit: each helper', () => {
  it('check: a rejection exactly when the condition that breaks the rule holds', () => {
    expect(check(true, 'R-1', 'broken', 'data.x')).toEqual(reject('R-1', 'broken', 'data.x'));
    expect(check(true, 'R-1', 'broken')).toEqual({
      kind: 'Rejected',
      ruleId: 'R-1',
      reason: 'broken',
    });
    expect(check(false, 'R-1', 'broken', 'data.x')).toBeUndefined();
  });

  it('firstFailure: runs the checks in order and stops at the first failure', () => {
    const ran: string[] = [];
    const step = (name: string, failure?: Rejection) => () => {
      ran.push(name);
      return failure;
    };
    expect(firstFailure(step('a'), step('b', reject('R-2', 'b fails')), step('c'))).toEqual(
      reject('R-2', 'b fails'),
    );
    expect(ran).toEqual(['a', 'b']);
    expect(firstFailure(step('d'), step('e'))).toBeUndefined();
    expect(firstFailure()).toBeUndefined();
  });

  it('decideWhen: the first failure refused; otherwise what onAccept decides, run only then', () => {
    let decided = 0;
    const onAccept = (): Decision<LoanEvent> => {
      decided++;
      return accept({ type: 'Returned', data: { copy: 'c1' } });
    };
    expect(
      decideWhen([() => undefined, () => reject('R-4', 'broken', 'data.copy')], onAccept),
    ).toEqual(E.left(reject('R-4', 'broken', 'data.copy')));
    expect(decided).toBe(0);
    expect(decideWhen([() => undefined], onAccept)).toEqual(
      E.right([{ type: 'Returned', data: { copy: 'c1' } }]),
    );
    expect(decideWhen([], onAccept)).toEqual(E.right([{ type: 'Returned', data: { copy: 'c1' } }]));
    expect(decided).toBe(2);
  });

  it('noneTwice: the first item whose key an earlier item has, or the state holds, is told so', () => {
    const people = [{ id: 'p1' }, { id: 'p2' }, { id: 'p1' }, { id: 'p2' }];
    const once = (items: ReadonlyArray<{ id: string }>, held?: (id: string) => boolean) =>
      noneTwice(
        items,
        (p) => p.id,
        (p, i, twice) => [
          guard('INPUT', `${p.id} is listed twice`, `data.people.${i}.id`, () => twice),
        ],
        held,
      )();
    expect(once(people)).toEqual(reject('INPUT', 'p1 is listed twice', 'data.people.2.id'));
    expect(once(people.slice(0, 2))).toBeUndefined();
    expect(once([])).toBeUndefined();
    expect(once([{ id: 'p3' }, { id: 'p2' }], (id) => id === 'p2')).toEqual(
      reject('INPUT', 'p2 is listed twice', 'data.people.1.id'),
    );
    expect(once([{ id: 'p3' }, { id: 'p4' }], (id) => id === 'p1')).toBeUndefined();
  });

  it("noneTwice: an item's guards run in their order, the repeat among them, as a loop would meet them", () => {
    const judged: number[] = [];
    const codes = ['A', 'B', 'A', '?'];
    const failure = noneTwice(
      codes,
      (c) => c,
      (c, i, twice) => [
        guard('R-5', 'not a code', `data.codes.${i}`, () => (judged.push(i), c === '?')),
        guard('INPUT', 'listed twice', `data.codes.${i}`, () => twice),
      ],
    )();
    expect(failure).toEqual(reject('INPUT', 'listed twice', 'data.codes.2'));
    expect(judged).toEqual([0, 1, 2]);
    expect(
      noneTwice(
        ['A', '?', 'A'],
        (c) => c,
        (c, i, twice) => [
          guard('R-5', 'not a code', `data.codes.${i}`, () => c === '?'),
          guard('INPUT', 'listed twice', `data.codes.${i}`, () => twice),
        ],
      )(),
    ).toEqual(reject('R-5', 'not a code', 'data.codes.1'));
  });

  it('refuse: from the rule, reason and field, or from a rejection already built', () => {
    const built = reject('R-3', 'not allowed', 'data.y');
    expect(refuse('R-3', 'not allowed', 'data.y')).toEqual(E.left(built));
    expect(refuse(built)).toEqual(E.left(built));
    expect(refuse('R-4', 'no field')).toEqual(
      E.left({ kind: 'Rejected', ruleId: 'R-4', reason: 'no field' }),
    );
  });
});

describe('decide toolkit: events are object literals', () => {
  it('accept: an event built ahead of it, annotated with the union, is recorded as built', () => {
    const returned: LoanEvent = { type: 'Returned', data: { copy: 'c1' } };
    const decision: Decision<LoanEvent> = accept(returned, {
      type: 'Borrowed',
      data: { copy: 'c2' },
    });
    expect(decision).toEqual(E.right([returned, { type: 'Borrowed', data: { copy: 'c2' } }]));
  });
});

describe('decide toolkit: what does not compile', () => {
  it('dispatch: a command type without a handler, or a handler for no command type', () => {
    // @ts-expect-error: the map has no handler for Return
    const missing: Handlers<LoanCommand, LoanState, LoanPolicy, LoanEvent> = {
      Borrow: () => accept(),
    };
    const unknownType: Handlers<LoanCommand, LoanState, LoanPolicy, LoanEvent> = {
      Borrow: () => accept(),
      Return: () => accept(),
      // @ts-expect-error: there is no Renew command
      Renew: () => accept(),
    };
    expect(Object.keys(missing)).toEqual(['Borrow']);
    expect(Object.keys(unknownType)).toHaveLength(3);
  });

  it('accept: an event literal is checked against the union, unknown fields too', () => {
    const handlers: Handlers<LoanCommand, LoanState, LoanPolicy, LoanEvent> = {
      // @ts-expect-error: Lent is not a loan event
      Borrow: () => accept({ type: 'Lent', data: { copy: 'c1' } }),
      // @ts-expect-error: a Returned event has no `when`
      Return: () => accept({ type: 'Returned', data: { copy: 'c1', when: 'today' } }),
    };
    expect(Object.keys(handlers)).toEqual(['Borrow', 'Return']);
  });
});

// The same loan, written the one way a domain writes it: guard rows, handlers named after their
// command types (as a phase module exports them), the map derived.
const loanPhase = {
  borrow: (command: Extract<LoanCommand, { type: 'Borrow' }>, state: LoanState, p: LoanPolicy) => {
    const d = command.data;
    return decideWhen<LoanEvent>(
      [
        guard('INPUT', 'no copies named', 'data.copies', () => d.copies.length === 0),
        noneTwice(
          d.copies,
          (c) => c,
          (_, i, twice) => [
            guard('LOAN-1', 'a copy is already on loan', `data.copies.${i}`, () => twice),
          ],
          (c) => state.onLoan.includes(c),
        ),
        guard('LOAN-2', `at most ${p.maxCopies} copies on loan`, 'data.copies', () => {
          return state.onLoan.length + d.copies.length > p.maxCopies;
        }),
      ],
      () => accept(...d.copies.map((copy) => ({ type: 'Borrowed' as const, data: { copy } }))),
    );
  },
};
const returnPhase = {
  return: (command: Extract<LoanCommand, { type: 'Return' }>, state: LoanState) =>
    state.onLoan.includes(command.data.copy)
      ? accept<LoanEvent>({ type: 'Returned', data: { copy: command.data.copy } })
      : accept<LoanEvent>(),
  /**
   * A shared guard exported beside the handlers: it handles no command, so it is not routed to
   * (a domain's phase modules export none: `strayHandlerNames` sees to it).
   */
  onLoan: (state: LoanState): boolean => state.onLoan.length > 0,
};
const decideNamed = dispatch(
  handlersNamed<LoanCommand, LoanState, LoanPolicy, LoanEvent>({ ...loanPhase, ...returnPhase }),
);

describe('decide toolkit: guard rows and handlers named after their commands', () => {
  it('guard: the first broken row refuses with its rule, reason and field; later rows are not run', () => {
    let ran = false;
    const failure = firstFailure(
      guard('LOAN-1', 'first', () => false),
      guard('LOAN-2', 'second', 'data.copies', () => true),
      guard('LOAN-3', 'third', () => (ran = true)),
    );
    expect(failure).toEqual(reject('LOAN-2', 'second', 'data.copies'));
    expect(ran).toBe(false);
    expect(guard('LOAN-1', 'no field', () => true)()).toEqual(reject('LOAN-1', 'no field'));
  });

  it('handlersNamed: decides as the listed map does, command for command', () => {
    const cases: ReadonlyArray<readonly [LoanCommand, LoanState]> = [
      [{ type: 'Borrow', data: { copies: ['c1', 'c2'] } }, { onLoan: [] }],
      [{ type: 'Borrow', data: { copies: [] } }, { onLoan: [] }],
      [{ type: 'Borrow', data: { copies: ['c1', 'c1'] } }, { onLoan: [] }],
      [{ type: 'Borrow', data: { copies: ['c2'] } }, { onLoan: ['c1', 'c3'] }],
      [{ type: 'Return', data: { copy: 'c1' } }, { onLoan: ['c1'] }],
      [{ type: 'Return', data: { copy: 'c1' } }, { onLoan: [] }],
    ];
    for (const [command, state] of cases)
      expect(decideNamed(command, state, policy)).toEqual(decideLoan(command, state, policy));
  });

  it('handlersNamed: a command without its handler, or a handler of another command, does not compile', () => {
    // @ts-expect-error: no handler is named after Return
    const missing = handlersNamed<LoanCommand, LoanState, LoanPolicy, LoanEvent>({ ...loanPhase });
    const swapped = handlersNamed<LoanCommand, LoanState, LoanPolicy, LoanEvent>({
      // @ts-expect-error: borrow is given Return's handler
      borrow: returnPhase.return,
      return: returnPhase.return,
    });
    expect(Object.keys(missing)).toEqual(['Borrow']);
    expect(Object.keys(swapped)).toEqual(['Borrow', 'Return']);
  });
});

describe('guard: a field its caller may or may not name', () => {
  it('guard: an undefined field refuses as a row without one; a named field is reported', () => {
    const fieldOf = (field: string | undefined) => guard('LOAN-1', 'on loan', field, () => true)();
    expect(fieldOf(undefined)).toEqual(reject('LOAN-1', 'on loan'));
    expect(fieldOf(undefined)).not.toHaveProperty('field');
    expect(fieldOf('data.copies')).toEqual(reject('LOAN-1', 'on loan', 'data.copies'));
    expect(guard('LOAN-1', 'on loan', undefined, () => false)()).toBeUndefined();
  });
});
