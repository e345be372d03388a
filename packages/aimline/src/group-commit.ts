import type { CommandFailure, CommandHandler, CommandItem, CommandSuccess } from '@aimline/kernel';
import type * as E from 'fp-ts/lib/Either.js';

type Outcome = E.Either<CommandFailure, CommandSuccess>;

interface Waiting {
  readonly item: CommandItem;
  readonly done: (outcome: Outcome) => void;
  readonly failed: (error: unknown) => void;
}

/**
 * Group commit for the services (`createAimline({ groupCommit: true })`): a command handler
 * whose `handle` calls made in the same turn of the event loop are committed together — one
 * `handleMany`, so one transaction and one fsync on SQLite — each answered only once its group
 * is durable, with the result `handle` would have given it (a rejected, invalid or conflicting
 * command neither loses nor blocks the others; commands on one stream are decided in the order
 * they came). Everything but `handle` is the inner handler's.
 */
export const groupingHandler = (inner: CommandHandler): CommandHandler => {
  let waiting: Waiting[] = [];
  const commit = (): void => {
    const group = waiting;
    waiting = [];
    inner.handleMany(group.map((w) => w.item)).then(
      (outcomes) => group.forEach((w, i) => w.done(outcomes[i]!)),
      (error: unknown) => group.forEach((w) => w.failed(error)),
    );
  };
  const handle: CommandHandler['handle'] = (module, envelope) =>
    new Promise((resolve, reject) => {
      if (waiting.length === 0) setImmediate(commit);
      waiting.push({
        item: { module, envelope },
        done: resolve,
        failed: reject,
      });
    });
  return { ...inner, handle };
};
