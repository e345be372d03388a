import * as E from 'fp-ts/lib/Either.js';
import type { AnyDomainModule, EventStore } from '@aimline/kernel';
import {
  defaultAccessPolicy,
  needToKnowReader,
  statedPurpose,
  type AccessLog,
  type Directory,
  type VisibleEvents,
} from '@aimline/governance';
import { claimedId, type Authority, type Principal } from './principal.js';
import type { Forbidden } from './result.js';

/**
 * The one read seam of a composed Aimline: the principal's view of the store (need to know,
 * `@aimline/governance`). Every read of a service (`get`, `events`, `timeline`, `list`, the
 * panel's scorecard) and every app-level projection goes through it: it verifies the principal
 * (as `execute` does), applies the directory's read rules (default `defaultAccessPolicy`; a
 * principal whose role has no rule sees nothing), and records each read of personal data, with
 * its purpose, in the access log. The view also carries, for the deadline path only, the whole
 * history of the streams the principal may read any part of (`obligationsOf`: never shown, see
 * `NeedToKnowReader.obligations` and `entitledDeadlines`).
 */
export type GovernedReads = (
  principal: Principal,
  purpose: string,
) => E.Either<Forbidden, PrincipalView>;

/** What a principal reads (`VisibleEvents`); the history their deadlines stand on is `obligationsOf` it. */
export type PrincipalView = VisibleEvents;

/** Each principal view's whole history, held beside the view, never in it. */
const wholeHistories = new WeakMap<object, VisibleEvents>();

/**
 * `view`, made a principal view whose deadlines stand on `obligations` (the whole history of the
 * streams the principal may read any part of). The whole history is not a member of the view:
 * handing the view on, spreading it (`{ ...view }`), wrapping it or listing its values carries
 * none of it; only `obligationsOf(view)`, which ESLint's obligations guard allows on the
 * deadline path alone, gives it back.
 */
export const principalView = <V extends object>(view: V, obligations: VisibleEvents): V => {
  wholeHistories.set(view, obligations);
  return view;
};

/**
 * The whole history a principal view's deadlines stand on (deadline path only: ESLint's
 * obligations guard). A TypeError for anything but a view `principalView` made: a copy or a
 * wrapper of a view carries no whole history.
 */
export const obligationsOf = (view: object): VisibleEvents => {
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
    return E.right(
      principalView(
        reader.visible({ purpose: stated.right }),
        reader.obligations({ purpose: stated.right }),
      ),
    );
  };
