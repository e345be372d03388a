/**
 * Range-shaped values (an age band's `from`/`to`, a term's `start`/`end`, a policy's
 * `min`/`max`): the one way a codec refuses a range written backwards. The refusal names the
 * upper field (`modelAgeBands.AIM2.to`) and both ends; a range whose ends are both absent (an
 * optional bound) is not compared. Numbers compare by size, ISO dates as text (`YYYY-MM-DD`
 * sorts as it dates). The codec stays an io-ts refinement, so whatever walks codecs (the
 * kernel's exact fields, JSON Schema) sees the object codec inside.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

type Bound = number | string;

const inOrder = (value: unknown, low: string, high: string): boolean => {
  const v = value as Readonly<Record<string, Bound | undefined>>;
  const from = v[low];
  const to = v[high];
  return from === undefined || to === undefined || from <= to;
};

/**
 * `codec` (an object codec with the bounds `low` and `high`), named `name`, refusing a value
 * whose `low` is above its `high`, e.g.
 * `orderedRange(t.type({ from: Age, to: Age }), 'from', 'to', 'AgeBand')`.
 */
export const orderedRange = <C extends t.Mixed>(
  codec: C,
  low: string,
  high: string,
  name: string,
): t.RefinementC<C> =>
  new t.RefinementType(
    name,
    (u): u is t.TypeOf<C> => codec.is(u) && inOrder(u, low, high),
    (u, c) =>
      E.chain((a: t.TypeOf<C>) => {
        if (inOrder(a, low, high)) return t.success(a);
        const v = a as Readonly<Record<string, Bound>>;
        const below = typeof v[high] === 'number' ? 'is below' : 'is before';
        return t.failure(
          v[high],
          t.appendContext(c, high, t.unknown, v[high]),
          `${v[high]} ${below} ${low} (${v[low]}): a range is written lower end first`,
        );
      })(codec.validate(u, c)),
    codec.encode,
    codec,
    (a: t.TypeOf<C>) => inOrder(a, low, high),
  );
