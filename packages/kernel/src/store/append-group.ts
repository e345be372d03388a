import { AppendRejectedError } from '../rejection.js';
import { isStoreError, WrongExpectedRevisionError } from './errors.js';
import type { AppendOutcome, AppendRequest, AppendResult, EventStore } from './event-store.js';

/**
 * The bookkeeping of a group's appends made in turn, written once for every group commit
 * (`appendGroup`'s fallback and a store's own `appendMany`): each append gets its own outcome;
 * one refused by a store error, or rejected under a rule (a decorator's `AppendRejectedError`,
 * e.g. ERASE-1), is that append's outcome alone; an append to a stream where an earlier append
 * of the group was refused was built on it (its expected revision counts the refused events),
 * so it is refused too, as a wrong expected revision, even where the number happens to match.
 * Anything that is not a store error is a bug and is thrown.
 */
export class GroupAppends {
  readonly outcomes: AppendOutcome[] = [];
  private readonly refused = new Set<string>();

  /** Whether `request` builds on a refused append of the group (then record `builtOnRefused`). */
  buildsOnRefused(request: AppendRequest): boolean {
    return this.refused.has(request.stream);
  }

  /** Records `request` as built on a refused append; `actual` is its stream's stored revision. */
  builtOnRefused(request: AppendRequest, actual: number | undefined): void {
    this.outcomes.push({
      kind: 'refused',
      error: new WrongExpectedRevisionError(request.stream, request.expectedRevision, actual),
    });
  }

  appended(result: AppendResult): void {
    this.outcomes.push({ kind: 'appended', result });
  }

  /** Records what `error`, thrown by the attempt to append `request`, makes of it. */
  failed(request: AppendRequest, error: unknown): void {
    if (error instanceof AppendRejectedError)
      this.outcomes.push({ kind: 'rejected', rejection: error.rejection });
    else if (isStoreError(error)) this.outcomes.push({ kind: 'refused', error });
    else throw error;
    this.refused.add(request.stream);
  }
}

/**
 * Appends a group: in one transaction and one commit where the store offers `appendMany`,
 * otherwise one `append` after another (each durable on its own), with the same outcomes
 * (`GroupAppends`). Only a failure of the group's commit rejects (nothing of the group stored).
 */
export const appendGroup = async (
  store: EventStore,
  requests: ReadonlyArray<AppendRequest>,
): Promise<ReadonlyArray<AppendOutcome>> => {
  if (requests.length === 0) return [];
  if (store.appendMany !== undefined) return store.appendMany(requests);
  const group = new GroupAppends();
  for (const r of requests)
    if (group.buildsOnRefused(r)) group.builtOnRefused(r, await store.streamRevision(r.stream));
    else
      try {
        group.appended(
          await store.append(r.stream, r.events, { expectedRevision: r.expectedRevision }),
        );
      } catch (e) {
        group.failed(r, e);
      }
  return group.outcomes;
};
