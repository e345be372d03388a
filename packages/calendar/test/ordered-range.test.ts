/**
 * Range-shaped values are never written backwards: an age band's `from` above its `to`, or a
 * standing rule's `fromYear` after its `untilYear`, is refused naming the upper end.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { formatDecodeErrors } from '../src/decode-errors.js';
import { AgeBandCodec, orderedRange, StandingRuleCodec } from '../src/index.js';

const refusal = (codec: t.Mixed, value: unknown): string[] => {
  const r = codec.decode(value);
  return E.isLeft(r) ? formatDecodeErrors(r.left) : [];
};

describe('an age band (HSB-8, PNL-3, NAT-9) runs from its lower age up to its upper', () => {
  it('given from above to, then it is refused naming to and both ends', () => {
    expect(refusal(AgeBandCodec, { from: 18, to: 8 })).toEqual([
      'to: 8 is below from (18): a range is written lower end first (got 8)',
    ]);
    expect(AgeBandCodec.is({ from: 18, to: 8 })).toBe(false);
  });

  it('given a band of one age, or in order, then it is a band', () => {
    expect(refusal(AgeBandCodec, { from: 9, to: 9 })).toEqual([]);
    expect(refusal(AgeBandCodec, { from: 8, to: 18 })).toEqual([]);
  });
});

describe('a standing rule applies from its first year up to its last', () => {
  const stAndrew = {
    kind: 'fixedDate',
    name: "St Andrew's Day",
    month: 11,
    day: 30,
    substitute: true,
  };

  it('given fromYear after untilYear, then it is refused naming untilYear', () => {
    // The path holds the union's member index (0.1.untilYear): the calendar's plain error format.
    expect(refusal(StandingRuleCodec, { ...stAndrew, fromYear: 2030, untilYear: 2007 })).toEqual([
      expect.stringMatching(
        /\buntilYear: 2007 is below fromYear \(2030\): a range is written lower end first/,
      ),
    ]);
  });

  it('given one bound alone, then there is nothing to compare', () => {
    expect(refusal(StandingRuleCodec, { ...stAndrew, fromYear: 2007 })).toEqual([]);
    expect(refusal(StandingRuleCodec, { ...stAndrew, untilYear: 2007 })).toEqual([]);
  });
});

describe('orderedRange compares ISO dates as they date', () => {
  const Term = orderedRange(t.type({ start: t.string, end: t.string }), 'start', 'end', 'Term');
  it('refuses a term that ends before it starts, and takes one of a single day', () => {
    expect(refusal(Term, { start: '2026-12-18', end: '2026-09-03' })).toEqual([
      'end: 2026-09-03 is before start (2026-12-18): a range is written lower end first (got "2026-09-03")',
    ]);
    expect(refusal(Term, { start: '2026-09-03', end: '2026-09-03' })).toEqual([]);
  });
});
