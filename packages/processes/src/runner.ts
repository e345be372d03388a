/**
 * Runs process managers: once over what is stored (`catchUp`), or live on a store
 * subscription (`start` … `stop`), each manager from its own durable checkpoint.
 */
import type { CommandHandler, EventStore, StreamFilter, Subscription } from '@aimline/kernel';
import type { ProcessManager } from './process-manager.js';
import { checkpointName, reactOnce, type ReactionOutcome } from './react-once.js';

export interface ProcessRunnerOptions {
  readonly store: EventStore;
  readonly handler: CommandHandler;
  readonly managers: ReadonlyArray<ProcessManager>;
  /** Called with what became of each reaction (accepted, or refused and logged). */
  readonly onOutcome?: (outcome: ReactionOutcome) => void;
  /** Called when a live manager stops on a failure that is not a refusal (store, conflict). */
  readonly onError?: (error: unknown) => void;
}

export interface ProcessRunner {
  /** Every manager over everything stored after its checkpoint, once; the outcomes. */
  catchUp(): Promise<ReadonlyArray<ReactionOutcome>>;
  /** Starts every manager live (catch-up, then each new event as it is appended). */
  start(): void;
  /** Stops the live managers after the event each is handling; their checkpoints are kept. */
  stop(): Promise<void>;
  /**
   * Resolves when every live manager has handled every event of its streams stored when it was
   * called; rejects with the failure of a manager that stopped.
   */
  settled(): Promise<void>;
}

const filterOf = (m: ProcessManager): StreamFilter => ({ streamPrefixes: m.streamPrefixes });

interface Live {
  readonly subscription: Subscription;
  done: Promise<void>;
  processed: bigint | undefined;
  failure: Error | undefined;
  ended: boolean;
  waiters: Array<() => void>;
}

export const processRunner = (options: ProcessRunnerOptions): ProcessRunner => {
  const { store, handler, managers } = options;
  const report = (outcomes: ReadonlyArray<ReactionOutcome>) => {
    for (const o of outcomes) options.onOutcome?.(o);
  };
  const live = new Map<string, Live>();

  const catchUp = async (): Promise<ReadonlyArray<ReactionOutcome>> => {
    const all: ReactionOutcome[] = [];
    for (const m of managers) {
      const after = await store.checkpoints.load(checkpointName(m.name));
      for await (const event of store.readAll({
        filter: filterOf(m),
        ...(after === undefined ? {} : { after }),
      })) {
        const outcomes = await reactOnce(store, handler, m, event);
        report(outcomes);
        all.push(...outcomes);
      }
    }
    return all;
  };

  const run = async (m: ProcessManager, state: Live): Promise<void> => {
    try {
      for await (const message of state.subscription) {
        if (message.kind !== 'event') continue;
        report(await reactOnce(store, handler, m, message.event));
        state.processed = message.event.position;
        for (const w of state.waiters.splice(0)) w();
      }
    } catch (error) {
      state.failure = error instanceof Error ? error : new Error(String(error));
      options.onError?.(error);
      await state.subscription.close();
    } finally {
      state.ended = true;
      for (const w of state.waiters.splice(0)) w();
    }
  };

  const start = (): void => {
    for (const m of managers) {
      if (live.has(m.name)) continue;
      const state: Live = {
        // The subscription starts after the checkpoint, read when it first pulls.
        subscription: lazySubscription(
          store,
          store.checkpoints.load(checkpointName(m.name)),
          filterOf(m),
        ),
        done: Promise.resolve(),
        processed: undefined,
        failure: undefined,
        ended: false,
        waiters: [],
      };
      state.done = run(m, state);
      live.set(m.name, state);
    }
  };

  const stop = async (): Promise<void> => {
    const running = [...live.values()];
    live.clear();
    await Promise.all(running.map((l) => l.subscription.close()));
    await Promise.all(running.map((l) => l.done));
  };

  const settledOne = async (m: ProcessManager, state: Live): Promise<void> => {
    const checkpoint = await store.checkpoints.load(checkpointName(m.name));
    let last: bigint | undefined;
    for await (const e of store.readAll({
      filter: filterOf(m),
      ...(checkpoint === undefined ? {} : { after: checkpoint }),
    }))
      last = e.position;
    const reached = () =>
      last === undefined || (state.processed !== undefined && state.processed >= last);
    while (!reached()) {
      if (state.failure !== undefined) throw state.failure;
      if (state.ended) throw new Error(`process manager ${m.name} stopped before it settled`);
      await new Promise<void>((resolve) => state.waiters.push(resolve));
    }
    if (state.failure !== undefined) throw state.failure;
  };

  const settled = async (): Promise<void> => {
    await Promise.all(
      managers.map((m) => {
        const state = live.get(m.name);
        if (state === undefined) throw new Error(`process manager ${m.name} is not running`);
        return settledOne(m, state);
      }),
    );
  };

  return { catchUp, start, stop, settled };
};

/** A subscription whose starting position is known only once the checkpoint is read. */
const lazySubscription = (
  store: EventStore,
  after: Promise<bigint | undefined>,
  filter: StreamFilter,
): Subscription => {
  let inner: Subscription | undefined;
  let closed = false;
  async function* messages() {
    const from = await after;
    if (closed) return;
    inner = store.subscribe({ filter, ...(from === undefined ? {} : { after: from }) });
    yield* inner;
  }
  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      await inner?.close();
    },
  };
};
