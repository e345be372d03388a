import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  accept,
  decideWhen,
  decideWith,
  failureOf,
  found,
  foundWhen,
  guard,
  reject,
  type Decision,
} from '../src/index.js';

// An invented domain, a reading room: a reader renews a book they hold; rule ROOM-1 is this test's own.
interface Hold {
  readonly reader: string;
  readonly renewals: number;
}
interface Room {
  readonly open: boolean;
  readonly holds: Readonly<Record<string, Hold>>;
}
type Renewed = {
  readonly type: 'Renewed';
  readonly data: { readonly book: string; readonly count: number };
};

const renew = (room: Room, book: string, reader: string): Decision<Renewed> =>
  decideWhen([guard('STATE', 'the room is closed', () => !room.open)], () =>
    decideWith(found(room.holds[book], 'STATE', `${book} is not held`, 'data.book'), (hold) =>
      decideWhen(
        [
          guard(
            'ROOM-1',
            `${book} is held by another reader`,
            'data.reader',
            () => hold.reader !== reader,
          ),
        ],
        () => accept({ type: 'Renewed', data: { book, count: hold.renewals + 1 } }),
      ),
    ),
  );

const room: Room = { open: true, holds: { b1: { reader: 'r1', renewals: 1 } } };

describe('found and decideWith: a guard that gives the value it checks', () => {
  it('found: the value when present, the rejection (rule, reason, field) when undefined or null', () => {
    expect(found(0, 'STATE', 'missing')).toEqual(E.right(0));
    expect(found(undefined, 'STATE', 'missing', 'data.book')).toEqual(
      E.left(reject('STATE', 'missing', 'data.book')),
    );
    expect(found(null, 'STATE', 'missing')).toEqual(E.left(reject('STATE', 'missing')));
  });

  it('decideWith: guards before it refuse first, then its own rejection, then the guards inside', () => {
    expect(renew({ ...room, open: false }, 'b9', 'r1')).toEqual(
      E.left(reject('STATE', 'the room is closed')),
    );
    expect(renew(room, 'b9', 'r1')).toEqual(E.left(reject('STATE', 'b9 is not held', 'data.book')));
    expect(renew(room, 'b1', 'r2')).toEqual(
      E.left(reject('ROOM-1', 'b1 is held by another reader', 'data.reader')),
    );
  });

  it('decideWith: the decision is made with the value found', () => {
    expect(renew(room, 'b1', 'r1')).toEqual(
      E.right([{ type: 'Renewed', data: { book: 'b1', count: 2 } }]),
    );
  });
});

describe('foundWhen and failureOf: a Found with the guards after it, and as one row of a list', () => {
  /** The hold of a book, once the room is open and the hold is the reader's (ROOM-1). */
  const heldBy = (r: Room, book: string, reader: string) =>
    foundWhen(found(r.holds[book], 'STATE', `${book} is not held`, 'data.book'), (hold) => [
      guard('STATE', 'the room is closed', () => !r.open),
      guard('ROOM-1', `${book} is held by another reader`, 'data.reader', () => {
        return hold.reader !== reader;
      }),
    ]);

  it('foundWhen: its own rejection first, then the first failing guard after it, given the value', () => {
    expect(heldBy(room, 'b9', 'r1')).toEqual(
      E.left(reject('STATE', 'b9 is not held', 'data.book')),
    );
    expect(heldBy({ ...room, open: false }, 'b1', 'r2')).toEqual(
      E.left(reject('STATE', 'the room is closed')),
    );
    expect(heldBy(room, 'b1', 'r2')).toEqual(
      E.left(reject('ROOM-1', 'b1 is held by another reader', 'data.reader')),
    );
  });

  it('foundWhen: the value, as found, when every guard after it passes', () => {
    expect(heldBy(room, 'b1', 'r1')).toEqual(E.right({ reader: 'r1', renewals: 1 }));
  });

  it('failureOf: the rejection a Found holds, or undefined when it found its value', () => {
    expect(failureOf(heldBy(room, 'b1', 'r2'))).toEqual(
      reject('ROOM-1', 'b1 is held by another reader', 'data.reader'),
    );
    expect(failureOf(heldBy(room, 'b1', 'r1'))).toBeUndefined();
    expect(
      decideWhen([() => failureOf(heldBy(room, 'b9', 'r1'))], () => accept<Renewed>()),
    ).toEqual(E.left(reject('STATE', 'b9 is not held', 'data.book')));
  });
});
