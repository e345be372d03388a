import type { RecordedEvent } from '../event.js';
import type {
  ReadAllOptions,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from './event-store.js';

/**
 * The "something was appended" signal a store keeps for its subscriptions: `listen` is what
 * `pollingSubscription` takes as `onAppend`; the store calls `notify` after each append and
 * when it is disposed.
 */
export class AppendSignal {
  private readonly listeners = new Set<() => void>();

  readonly listen = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  notify(): void {
    for (const l of this.listeners) l();
  }
}

/**
 * A catch-up subscription built on `readAll` and a "something was appended" signal: reads
 * everything after the checkpoint in pages, says `caughtUp` once, then waits for the
 * signal (or a poll interval, for appends from other processes) and reads again.
 * Every event is delivered once, in global order, because each read starts after the
 * position of the last event delivered.
 */
export const pollingSubscription = (
  readAll: (options: ReadAllOptions) => AsyncIterable<RecordedEvent>,
  onAppend: (listener: () => void) => () => void,
  options: SubscribeOptions & { readonly pageSize?: number; readonly pollMs?: number },
): Subscription => {
  let closed = false;
  let wake: (() => void) | undefined;
  // Set by every append signal; cleared before each read. A signal that arrives while the
  // consumer is busy (not waiting) is not lost: the next wait returns at once.
  let signalled = false;
  const unlisten = onAppend(() => {
    signalled = true;
    wake?.();
  });
  const pageSize = options.pageSize ?? 500;
  const pollMs = options.pollMs ?? 250;

  async function* run(): AsyncGenerator<SubscriptionMessage> {
    let after = options.after;
    let caughtUp = false;
    try {
      while (!closed) {
        signalled = false;
        let count = 0;
        const readOptions: ReadAllOptions = {
          maxCount: pageSize,
          ...(after === undefined ? {} : { after }),
          ...(options.filter === undefined ? {} : { filter: options.filter }),
        };
        for await (const event of readAll(readOptions)) {
          if (closed) return;
          after = event.position;
          count++;
          yield { kind: 'event', event };
        }
        if (count === pageSize) continue;
        if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caughtUp' };
        }
        if (closed) return;
        if (signalled) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    } finally {
      unlisten();
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      wake?.();
      await iterator.return(undefined);
    },
  };
};
