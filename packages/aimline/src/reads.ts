import * as E from 'fp-ts/lib/Either.js';
import type { AnyDomainModule, EventStore } from '@aimline/kernel';
import {
  defaultAccessPolicy,
  needToKnowReader,
  statedPurpose,
  type AccessLog,
  type Directory,
  type NeedToKnowReader,
  type ReadRequest,
  type VisibleEvents,
} from '@aimline/governance';
import { claimedId, type Authority, type Principal } from './principal.js';
import type { Forbidden } from './result.js';

/**
 * The one read seam of a composed Aimline: the principal's view of the store (need to know,
 * `@aimline/governance`). Every read of a service (`get`, `events`, `timeline`, `list`, the
 * panel's scorecard) and every app-level projection goes through it: it verifies the principal
 * (as `execute` does), applies the directory's read rules (default `defaultAccessPolicy`; a
 * principal whose role has no rule sees nothing), and records each read that shows any event of
 * a record, whatever personal fields it opened, with its purpose, in the access log. The view also carries, for the deadline path only, the whole
 * history of the streams the principal may read any part of (`obligationsOf`: never shown, see
 * `NeedToKnowReader.obligations` and `entitledDeadlines`).
 */
export type GovernedReads = (
  principal: Principal,
  purpose: string,
) => E.Either<Forbidden, PrincipalView>;

declare const madeByTheReadSeam: unique symbol;

/**
 * What a principal reads: a need-to-know reader's view (`VisibleEvents`: only the events their
 * read rules show, withheld fields marked), with the principal it is for. The history their
 * deadlines stand on is `obligationsOf` it. Only `principalView` makes one, from a need-to-know
 * reader: the brand is type-only, so a store or any other `VisibleEvents` handed where a
 * principal's view is wanted is a compile error, not a `TypeError` in `obligationsOf` later.
 */
export type PrincipalView = VisibleEvents & {
  readonly principal: Principal;
  /**
   * Whether the view shows an event of this stream and type (`NeedToKnowReader.shows`): what
   * the principal is told of a damaged event follows it (`toldTo` of `@aimline/projections`).
   */
  readonly shows: NeedToKnowReader['shows'];
  /** Whether the view shows every type of a stream (`NeedToKnowReader.showsEveryType`). */
  readonly showsEveryType: NeedToKnowReader['showsEveryType'];
  readonly [madeByTheReadSeam]: true;
};

/** Each principal view's whole history, held beside the view, never in it. */
const wholeHistories = new WeakMap<object, VisibleEvents>();

/**
 * The principal view `reader` gives for `request`: its visible events, and (held beside the
 * view, never in it) the whole history of the streams the principal may read any part of, which
 * their deadlines stand on (`reader.obligations`). Handing the view on, spreading it
 * (`{ ...view }`), wrapping it or listing its values carries none of the whole history; only
 * `obligationsOf(view)`, which ESLint's obligations guard allows on the deadline path alone,
 * gives it back.
 */
export const principalView = (reader: NeedToKnowReader, request: ReadRequest): PrincipalView => {
  const view = {
    ...reader.visible(request),
    principal: reader.principal,
    shows: reader.shows,
    showsEveryType: reader.showsEveryType,
  } as PrincipalView;
  wholeHistories.set(view, reader.obligations(request));
  return view;
};

/**
 * The whole history a principal view's deadlines stand on (deadline path only: ESLint's
 * obligations guard). A `TypeError` for anything but a view `principalView` made: a copy of a
 * view (which keeps its type) carries no whole history.
 */
export const obligationsOf = (view: PrincipalView): VisibleEvents => {
  const whole = wholeHistories.get(view);
  if (whole === undefined)
    throw new TypeError(
      'not a principal view: the whole history goes only with the view the read seam made (a copy or a wrapper of it carries none)',
    );
  return whole;
};

export interface GovernedReadsOptions {
  readonly store: EventStore;
  readonly modules: ReadonlyArray<AnyDomainModule>;
  readonly authority: Authority;
  /** The directory in force now (its read rules apply to each read as it starts). */
  readonly directory: () => Directory | undefined;
  readonly log: AccessLog;
  readonly clock: () => string;
}

export const governedReads =
  (options: GovernedReadsOptions): GovernedReads =>
  (claimed, purpose) => {
    const refuse = (reason: string): E.Either<Forbidden, never> =>
      E.left({ kind: 'Forbidden', principal: claimedId(claimed), command: 'read', reason });
    const who = options.authority.identify(claimed);
    if (E.isLeft(who)) return refuse(who.left);
    const stated = statedPurpose(purpose);
    if (E.isLeft(stated)) return refuse(stated.left);
    const reader = needToKnowReader({
      store: options.store,
      modules: options.modules,
      policy: options.directory()?.reads ?? defaultAccessPolicy,
      principal: who.right,
      log: options.log,
      clock: options.clock,
    });
    return E.right(principalView(reader, { purpose: stated.right }));
  };
