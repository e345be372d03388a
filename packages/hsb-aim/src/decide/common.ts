/** What every phase of decide shares: its context, results and the guards used everywhere. */
import * as E from 'fp-ts/lib/Either.js';
import { reject, type Rejection } from '@aimline/kernel';
import type { Calendar } from '@aimline/calendar';
import type { HsbCommand, HsbCommandType } from '../commands.js';
import type { HsbEvent } from '../events.js';
import type { HsbPolicy } from '../policy.js';
import type { OpenCase } from '../state.js';

export type Decision = E.Either<Rejection, ReadonlyArray<HsbEvent>>;
export type CommandOfType<K extends HsbCommandType> = Extract<HsbCommand, { type: K }>;

export interface Context {
  readonly policy: HsbPolicy;
  readonly calendar: Calendar;
}

/** A handler for one command type on an existing, open case. */
export type Handler<K extends HsbCommandType> = (
  command: CommandOfType<K>,
  s: OpenCase,
  ctx: Context,
) => Decision;

export const ok = (...events: HsbEvent[]): Decision => E.right(events);
export const no = (ruleId: string, reason: string, field?: string): Decision =>
  E.left(reject(ruleId, reason, field));

/** The first failing check, or undefined. Each check is a thunk so later ones may assume earlier ones. */
export const firstFailure = (
  ...checks: ReadonlyArray<() => Rejection | undefined>
): Rejection | undefined => {
  for (const check of checks) {
    const r = check();
    if (r !== undefined) return r;
  }
  return undefined;
};

export const when = (
  cond: boolean,
  ruleId: string,
  reason: string,
  field?: string,
): Rejection | undefined => (cond ? reject(ruleId, reason, field) : undefined);

/** Index of the first repeated key, or -1. */
export const firstDuplicate = <A>(items: ReadonlyArray<A>, key: (a: A) => string): number => {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const k = key(items[i] as A);
    if (seen.has(k)) return i;
    seen.add(k);
  }
  return -1;
};

export const isBefore = (a: string, b: string): boolean => Date.parse(a) < Date.parse(b);

export const criminalRoute = (s: OpenCase): boolean =>
  s.route?.route === 'criminal-justice' || s.route?.route === 'both';

export const inCustody = (s: OpenCase): boolean =>
  s.criminal.custody !== undefined &&
  (s.criminal.releasedAt === undefined || isBefore(s.criminal.releasedAt, s.criminal.custody.from));
