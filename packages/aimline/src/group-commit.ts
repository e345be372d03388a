import type { CommandFailure, CommandHandler, CommandItem, CommandSuccess } from '@aimline/kernel';
import type * as E from 'fp-ts/lib/Either.js';

type Outcome = E.Either<CommandFailure, CommandSuccess>;

interface Waiting {
  readonly item: CommandItem;
  readonly done: (outcome: Outcome) => void;
  readonly failed: (error: unknown) => void;
}

/** Resolves on the next turn of the event loop. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Group commit for the services (`createAimline({ groupCommit: true })`): a command handler
 * whose `handle` calls made in the same turn of the event loop are committed together — one
 * `handleMany`, so one transaction and one fsync on SQLite — each answered only once its group
 * is durable, with the result `handle` would have given it (a rejected, invalid or conflicting
 * command neither loses nor blocks the others; commands on one stream are decided in the order
 * they came). One group commits at a time: the commands that come while it commits collect
 * into the next group, which starts once it is stored, so each group is decided on what the
 * groups before it stored. Everything but `handle` is the inner handler's.
 */
export const groupingHandler = (inner: CommandHandler): CommandHandler => {
  let waiting: Waiting[] = [];
  /** Settles once the last group started is committed (never rejects). */
  let committed: Promise<void> = Promise.resolve();

  const commit = async (): Promise<void> => {
    const group = waiting;
    waiting = [];
    try {
      const outcomes = await inner.handleMany(group.map((w) => w.item));
      group.forEach((w, i) => w.done(outcomes[i]!));
    } catch (error) {
      group.forEach((w) => w.failed(error));
    }
  };

  const handle: CommandHandler['handle'] = (module, envelope) =>
    new Promise((resolve, reject) => {
      // The first command of a group: the group commits after this turn, once the one before is stored.
      if (waiting.length === 0) committed = Promise.all([committed, nextTurn()]).then(commit);
      waiting.push({
        item: { module, envelope },
        done: resolve,
        failed: reject,
      });
    });
  return { ...inner, handle };
};
