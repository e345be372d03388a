import type Database from 'better-sqlite3';
import {
  CorruptStoreError,
  GroupAppends,
  validateAppend,
  type AppendOutcome,
  type AppendRequest,
} from '@aimline/kernel';
import { appendInTransaction, type ChainContext, type HeadCursor } from './append-transaction.js';
import { readHead } from './global-chain.js';
import type { Statements } from './statements.js';

/** A group's outcomes, and whether any of its appends stored events (subscribers to wake). */
export interface GroupWritten {
  readonly outcomes: ReadonlyArray<AppendOutcome>;
  readonly stored: boolean;
}

/**
 * The group commit, as one `BEGIN IMMEDIATE … COMMIT` (one fsync under `synchronous=FULL`):
 * each append of a group of several runs in a savepoint of its own (a group of one needs none:
 * its transaction is its savepoint), so one refused by a store error (wrong expected revision,
 * duplicate id, idempotency conflict, invalid, a damaged row it would build on) is rolled back
 * alone and the others go on (but for later appends to its stream, which were built on it: the
 * kernel's `GroupAppends` keeps that bookkeeping). The global chain's head is read once and
 * saved once. Any other error (SQLite's own: busy, I/O, full disk) rolls the whole group back
 * and is thrown.
 */
export const groupCommit = (
  db: Database.Database,
  statements: Statements,
  location: string,
  chain: ChainContext,
): ((requests: ReadonlyArray<AppendRequest>) => GroupWritten) => {
  const appendOne = (cursor: HeadCursor, request: AppendRequest) => {
    validateAppend(request.stream, request.events);
    return appendInTransaction(
      statements,
      location,
      chain,
      cursor,
      request.stream,
      request.events,
      request.expectedRevision,
    );
  };
  const inSavepoint = db.transaction(appendOne);
  /** Runs `write` with the global chain's head read at its start and saved at its end. */
  const withHead = <T>(write: (cursor: HeadCursor) => T): T => {
    const head = readHead(statements.head);
    if (head === undefined)
      throw new CorruptStoreError(
        location,
        'the head of the global chain (table chain_head) is missing',
      );
    const cursor: HeadCursor = { head };
    const written = write(cursor);
    const next = cursor.head;
    if (next !== head) statements.saveHead.run(next.count, next.position, next.link, next.mac);
    return written;
  };
  const group = db.transaction((requests: ReadonlyArray<AppendRequest>): GroupWritten =>
    withHead((cursor) => {
      let stored = false;
      const appends = new GroupAppends();
      for (const request of requests)
        if (appends.buildsOnRefused(request))
          appends.builtOnRefused(
            request,
            (statements.revision.get(request.stream) as number | null) ?? undefined,
          );
        else
          try {
            const written = inSavepoint(cursor, request);
            stored ||= written.stored;
            appends.appended(written.result);
          } catch (e) {
            appends.failed(request, e);
          }
      return { outcomes: appends.outcomes, stored };
    }),
  );
  // A group of one needs no savepoint: a refused append rolls its whole transaction back.
  const alone = db.transaction((request: AppendRequest) =>
    withHead((cursor) => appendOne(cursor, request)),
  );
  return (requests) => {
    if (requests.length !== 1) return group.immediate(requests);
    const appends = new GroupAppends();
    let stored = false;
    try {
      const written = alone.immediate(requests[0]!);
      stored = written.stored;
      appends.appended(written.result);
    } catch (e) {
      appends.failed(requests[0]!, e);
    }
    return { outcomes: appends.outcomes, stored };
  };
};
