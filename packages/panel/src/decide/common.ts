/** Small helpers shared by the deciders. */
import * as E from 'fp-ts/lib/Either.js';
import { reject, type Rejection } from '@aimline/kernel';

export type Decision<Ev> = E.Either<Rejection, ReadonlyArray<Ev>>;

export const ok = <Ev>(...events: Ev[]): Decision<Ev> => E.right(events);
export const no = <Ev>(ruleId: string, reason: string, field?: string): Decision<Ev> =>
  E.left(reject(ruleId, reason, field));

export const ms = (instant: string): number => Date.parse(instant);

/** A typed event builder for a union: `ev('SittingHeld', { … })` checks the data against the type. */
export const eventOf =
  <Ev extends { readonly type: string; readonly data: unknown }>() =>
  <K extends Ev['type']>(type: K, data: Extract<Ev, { type: K }>['data']): Ev =>
    ({ type, data }) as unknown as Ev;
