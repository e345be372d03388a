/**
 * `toldTo`, the one rule for what a reader is told of damage: an event their view shows is
 * located; one it does not show is the stream alone. Events missing from a stream's end are
 * their own kind of damage (`missing: true`, no type), located only for a reader whose view
 * shows every type of the stream: a stored event's type, whatever it is, is never taken for them.
 */
import { describe, expect, it } from 'vitest';
import {
  DAMAGE_OUT_OF_VIEW,
  MISSING_OUT_OF_VIEW,
  describeUnreadable,
  toldTo,
  type DamageReader,
  type MissingEvents,
  type UnreadableEvent,
} from '../src/index.js';

const STREAM = 'referral-log-7';

/** A reader whose view shows events of `types` (and every type when `every`). */
const reader = (types: ReadonlyArray<string>, every = false): DamageReader => ({
  shows: (event) => every || types.includes(event.type),
  showsEveryType: () => every,
});

const unreadable = (type: string): UnreadableEvent => ({
  stream: STREAM,
  revision: 3,
  position: '12',
  type,
  why: 'the stored data is not valid JSON',
});

const missing: MissingEvents = {
  stream: STREAM,
  revision: 3,
  position: '12',
  missing: true,
  why: 'events are missing from the end of the stream: …',
};

describe('toldTo', () => {
  it('given an unreadable event of a type the reader sees, then it is located', () => {
    expect(toldTo(reader(['LogOpened']), unreadable('LogOpened'))).toEqual(unreadable('LogOpened'));
  });

  it('given an unreadable event of a type the reader does not see, then the stream alone, damaged at an event they may not see', () => {
    expect(toldTo(reader(['LogOpened']), unreadable('LogClosed'))).toEqual({
      stream: STREAM,
      outOfView: true,
      why: DAMAGE_OUT_OF_VIEW,
    });
  });

  it("given a stored event whose type reads '(missing)' (the name the old sentinel used), then it is an unreadable event like any other, not events missing from the end", () => {
    expect(toldTo(reader(['LogOpened']), unreadable('(missing)'))).toEqual({
      stream: STREAM,
      outOfView: true,
      why: DAMAGE_OUT_OF_VIEW,
    });
  });

  it('given events missing from the end, when the reader sees every type of the stream, then they are located', () => {
    const told = toldTo(reader([], true), missing);
    expect(told).toEqual(missing);
    expect(describeUnreadable(told)).toBe(
      `${STREAM}@3 (missing from the end; recorded to position 12): ${missing.why}`,
    );
  });

  it('given events missing from the end, when the reader sees only some types (even every type stored so far), then the stream alone, of types not known', () => {
    expect(toldTo(reader(['LogOpened', 'LogClosed']), missing)).toEqual({
      stream: STREAM,
      outOfView: true,
      why: MISSING_OUT_OF_VIEW,
    });
  });
});
