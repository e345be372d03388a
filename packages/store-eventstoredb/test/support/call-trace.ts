import { appendFileSync, rmSync } from 'node:fs';
import type { EventStoreDbClientLike } from '../../src/index.js';

/**
 * A timestamped trace of a test run written to a file (not the console: a hung run must leave
 * evidence of where it hung). `inFlight` names every client call and test step that has started
 * and not ended, with how long it has been running, so a periodic dump shows what is stuck.
 */
export class RunTrace {
  private readonly started = Date.now();
  private next = 0;
  private readonly open = new Map<number, { what: string; since: number }>();

  /** The raw clients by label, for `describeClients`. */
  readonly clients = new Map<string, EventStoreDbClientLike>();

  constructor(readonly file: string) {}

  /**
   * The state of each client's gRPC channel and of the calls it keeps open (read from the
   * 6.2.1 client's internals: instrumentation only).
   */
  async describeClients(labels: ReadonlyArray<string>): Promise<string[]> {
    const out: string[] = [];
    for (const label of labels) {
      const c = this.clients.get(label) as unknown as {
        getChannel?: () => Promise<{
          getTarget(): string;
          getConnectivityState(b: boolean): number;
        }>;
        disposableStreams?: Set<Record<string, unknown>>;
      };
      if (c === undefined) continue;
      let channel: string;
      try {
        const ch = await Promise.race([
          c.getChannel?.(),
          new Promise<undefined>((r) => setTimeout(() => r(undefined), 1_000)),
        ]);
        channel =
          ch === undefined
            ? 'no channel within 1 s'
            : `${ch.getTarget()} state=${ch.getConnectivityState(false)}`;
      } catch (e) {
        channel = `channel failed: ${String(e)}`;
      }
      const streams = [...(c.disposableStreams ?? [])].map((s) => {
        const flags = [
          'destroyed',
          'writableEnded',
          'writableFinished',
          'readableEnded',
          'writableNeedDrain',
          'closed',
        ]
          .filter((k) => s[k] === true)
          .join(',');
        return `${s.constructor.name}[${flags}]`;
      });
      out.push(`${label}: channel ${channel}; open calls: ${streams.join(' ') || '-'}`);
    }
    return out;
  }

  private removed = false;

  /** Removes the trace file; later lines (a watch still running) are dropped. */
  remove(): void {
    this.removed = true;
    rmSync(this.file, { force: true });
  }

  log(line: string): void {
    if (this.removed) return;
    appendFileSync(this.file, `${((Date.now() - this.started) / 1000).toFixed(3)}s ${line}\n`);
  }

  /** Marks `what` as in flight until the returned function is called. */
  begin(what: string): () => void {
    const id = this.next++;
    this.open.set(id, { what, since: Date.now() });
    return () => this.open.delete(id);
  }

  async step<T>(what: string, f: () => Promise<T>): Promise<T> {
    const end = this.begin(what);
    try {
      return await f();
    } finally {
      end();
    }
  }

  /** What has been in flight for longer than `olderThanMs`, oldest first. */
  inFlight(olderThanMs = 0): string[] {
    const now = Date.now();
    return [...this.open.values()]
      .filter((o) => now - o.since >= olderThanMs)
      .sort((a, b) => a.since - b.since)
      .map((o) => `${o.what} (${now - o.since} ms)`);
  }
}

/**
 * The client with every call traced in `trace` under `label`: promise calls until they settle,
 * reads until their iteration ends. Live subscriptions are not traced (they never end by design).
 */
export const tracedClient = (
  client: EventStoreDbClientLike,
  trace: RunTrace,
  label: string,
  /** The client whose channel `describeClients` reports (default: `client`). */
  raw: unknown = client,
): EventStoreDbClientLike => {
  const call = <T>(what: string, f: () => Promise<T>): Promise<T> =>
    trace.step(`${label} ${what}`, f);
  const read = <T>(what: string, iterable: AsyncIterable<T>): AsyncIterable<T> => ({
    [Symbol.asyncIterator]: () => {
      const iterator = iterable[Symbol.asyncIterator]();
      const end = trace.begin(`${label} ${what}`);
      return {
        next: async () => {
          try {
            const r = await iterator.next();
            if (r.done === true) end();
            return r;
          } catch (e) {
            end();
            throw e;
          }
        },
        return: async (value?: unknown) => {
          end();
          return (await iterator.return?.(value)) ?? { done: true, value: undefined };
        },
      } as AsyncIterator<T>;
    },
  });
  trace.clients.set(label, raw as EventStoreDbClientLike);
  return {
    appendToStream: (stream, events, options) =>
      call(`appendToStream ${stream}`, () => client.appendToStream(stream, events, options)),
    readStream: (stream, options) =>
      read(`readStream ${stream}`, client.readStream(stream, options)),
    readAll: (options) => read('readAll', client.readAll(options)),
    subscribeToAll: (options) => client.subscribeToAll(options),
    setStreamMetadata: (stream, metadata) =>
      call(`setStreamMetadata ${stream}`, () => client.setStreamMetadata(stream, metadata)),
    dispose: () => call('dispose', () => client.dispose()),
  };
};
