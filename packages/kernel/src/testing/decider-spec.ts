import { deepStrictEqual, fail } from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '../decider.js';
import type { Rejection } from '../rejection.js';

export interface WhenClause<E, R extends Rejection> {
  /** Asserts the command records exactly these events. */
  then(expected: ReadonlyArray<E>): void;
  /** Asserts the command is rejected under this rule id (and, optionally, with this field or a reason matching). */
  thenRejects(ruleId: string, match?: { readonly field?: string; readonly reason?: RegExp }): R;
  /** Asserts the command is accepted and records nothing. */
  thenNothingHappens(): void;
  /** The events recorded (failing the test on a rejection), for assertions of your own. */
  events(): ReadonlyArray<E>;
}

const show = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x), 2);

/**
 * Given / when / then for deciders (after Emmett's DeciderSpecification):
 *
 * ```ts
 * const spec = deciderSpec(hsbCase);
 * spec.given([concernReported]).when(holdStrategy).then([strategyHeld]);
 * spec.given([]).when(allocate).thenRejects('HSB-10', { field: 'data.assessors' });
 * ```
 * Throws `AssertionError`, so it works in any test runner.
 */
export const deciderSpec = <C, E, S, R extends Rejection>(decider: Decider<C, E, S, R>) => ({
  given: (events: ReadonlyArray<E>) => ({
    when: (command: C): WhenClause<E, R> => {
      const state = events.reduce(decider.evolve, decider.initialState);
      const decision = decider.decide(command, state);
      const accepted = (): ReadonlyArray<E> => {
        if (E.isLeft(decision))
          fail(`Expected the command to be accepted, but it was rejected: ${show(decision.left)}`);
        return decision.right;
      };
      return {
        then: (expected) => deepStrictEqual(accepted(), expected),
        thenNothingHappens: () => deepStrictEqual(accepted(), []),
        events: accepted,
        thenRejects: (ruleId, match) => {
          if (E.isRight(decision))
            fail(
              `Expected a rejection under ${ruleId}, but the command recorded: ${show(decision.right)}`,
            );
          const r = decision.left;
          if (r.ruleId !== ruleId)
            fail(`Expected a rejection under ${ruleId}, got ${r.ruleId}: ${r.reason}`);
          if (match?.field !== undefined && r.field !== match.field)
            fail(
              `Expected the rejection to name field ${match.field}, got ${r.field ?? '(none)'}: ${r.reason}`,
            );
          if (match?.reason !== undefined && !match.reason.test(r.reason))
            fail(`Expected the reason to match ${String(match.reason)}, got: ${r.reason}`);
          return r;
        },
      };
    },
  }),
});
