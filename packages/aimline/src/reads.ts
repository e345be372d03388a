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
 * its purpose, in the access log. `obligations` is the whole history of the streams the principal
 * may read any part of, for working out where their deadlines stand (never shown: see
 * `NeedToKnowReader.obligations` and `entitledDeadlines`).
 */
export type GovernedReads = (
  principal: Principal,
  purpose: string,
) => E.Either<Forbidden, PrincipalView>;

/** What a principal reads (`VisibleEvents`), and the history their deadlines are worked out from. */
export type PrincipalView = VisibleEvents & { readonly obligations: VisibleEvents };

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
    return E.right({
      ...reader.visible({ purpose: stated.right }),
      obligations: reader.obligations({ purpose: stated.right }),
    });
  };
