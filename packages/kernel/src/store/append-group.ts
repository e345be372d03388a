import { AppendRejectedError } from '../rejection.js';
import { isStoreError, WrongExpectedRevisionError } from './errors.js';
import type { AppendOutcome, AppendRequest, EventStore } from './event-store.js';

/**
 * The outcome of an append to a stream where an earlier append of the same group was refused:
 * it was built on that one (its expected revision counts the refused events), so it is refused
 * too, as a wrong expected revision, even where the number happens to match.
 */
export const builtOnRefused = (
  request: AppendRequest,
  actual: number | undefined,
): AppendOutcome => ({
  kind: 'refused',
  error: new WrongExpectedRevisionError(request.stream, request.expectedRevision, actual),
});

/**
 * Appends a group: in one transaction and one commit where the store offers `appendMany`,
 * otherwise one `append` after another (each durable on its own). Either way every request
 * gets its own outcome, and a store error refusing one request leaves the others alone. An
 * append to a stream where an earlier append of the group was refused is refused as well
 * (`builtOnRefused`). Only a failure of the group's commit rejects (nothing of the group
 * stored); anything that is not a store error is a bug and is thrown.
 */
export const appendGroup = async (
  store: EventStore,
  requests: ReadonlyArray<AppendRequest>,
): Promise<ReadonlyArray<AppendOutcome>> => {
  if (requests.length === 0) return [];
  if (store.appendMany !== undefined) return store.appendMany(requests);
  const outcomes: AppendOutcome[] = [];
  const refused = new Set<string>();
  for (const r of requests)
    try {
      if (refused.has(r.stream)) {
        outcomes.push(builtOnRefused(r, await store.streamRevision(r.stream)));
        continue;
      }
      const result = await store.append(r.stream, r.events, {
        expectedRevision: r.expectedRevision,
      });
      outcomes.push({ kind: 'appended', result });
    } catch (e) {
      refused.add(r.stream);
      if (e instanceof AppendRejectedError) {
        outcomes.push({ kind: 'rejected', rejection: e.rejection });
        continue;
      }
      if (!isStoreError(e)) throw e;
      outcomes.push({ kind: 'refused', error: e });
    }
  return outcomes;
};
