/**
 * Workloads of bench/store-eventstoredb.bench.ts: the batches both contenders append, the raw
 * client's contenders, and a timing port that accounts for every call the adapter makes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { EventToAppend } from '../../packages/kernel/src/index.js';
import { verifyLink } from '../../packages/kernel/src/index.js';
import type { eventStoreDbClientFromUrl } from '../../packages/store-eventstoredb/src/index.js';
import {
  commandStreamOf,
  type EventStoreDbClientLike,
  type EventStoreDbStore,
} from '../../packages/store-eventstoredb/src/index.js';

/** The raw client, as the adapter package makes it (the bench has no dependency of its own on it). */
export type EventStoreDBClient = ReturnType<typeof eventStoreDbClientFromUrl>;

/** How a measured append is shaped: streams × commands per stream × events per command. */
export interface Shape {
  readonly streams: number;
  readonly commands: number;
  readonly events: number;
}

export const eventsOf = (shape: Shape): number => shape.streams * shape.commands * shape.events;

/** One event of a command's batch (a batch is one command's events: they share its id). */
const event = (n: number, commandId: string, fingerprint: string): EventToAppend => ({
  id: randomUUID(),
  type: 'BenchRecorded',
  schemaVersion: 1,
  data: { n, note: `bench event ${n}`, at: '2026-03-29T00:30:00.000Z' },
  metadata: {
    occurredAt: '2026-03-29T00:30:00.000Z',
    recordedAt: '2026-03-29T00:30:01.000Z',
    actor: { id: 'bench-1', role: 'bench', agency: 'aimline' },
    commandId,
    commandFingerprint: fingerprint,
    correlationId: 'bench',
    causationId: 'bench',
  },
});

export interface Batch {
  readonly stream: string;
  /** The stream's last revision before the batch (undefined: a new stream). */
  readonly revision: number | undefined;
  readonly events: ReadonlyArray<EventToAppend>;
}

/** The batches of one measured append, stream by stream: fresh streams under `prefix`. */
export const workload = (prefix: string, shape: Shape): Batch[] =>
  Array.from({ length: shape.streams }, (_, s) =>
    Array.from({ length: shape.commands }, (_, c) => {
      const commandId = randomUUID();
      const fingerprint = randomBytes(32).toString('hex');
      return {
        stream: `${prefix}${s}`,
        revision: c === 0 ? undefined : c * shape.events - 1,
        events: Array.from({ length: shape.events }, (_, i) =>
          event(c * shape.events + i, commandId, fingerprint),
        ),
      };
    }),
  ).flat();

/**
 * `batches` split over `writers` concurrent loops, each owning whole streams (so each loop
 * appends its streams' commands in order); resolves with events/s over all of them.
 */
export const concurrently = async (
  batches: ReadonlyArray<Batch>,
  writers: number,
  append: (b: Batch) => Promise<unknown>,
): Promise<number> => {
  const streams = [...new Set(batches.map((b) => b.stream))];
  const lanes = Array.from({ length: writers }, (_, w) =>
    batches.filter((b) => streams.indexOf(b.stream) % writers === w),
  );
  const count = batches.reduce((n, b) => n + b.events.length, 0);
  const t = performance.now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (const b of lane) await append(b);
    }),
  );
  return perSecond(count, performance.now() - t);
};

export const perSecond = (count: number, ms: number): number => (count / ms) * 1000;

/**
 * The contenders' batches, command by command in turn (A B C, then C B A, …), each contender
 * on its own streams; resolves with each one's events/s over the time its own calls took.
 */
export const interleaved = async <K extends string>(
  lanes: Record<
    K,
    { readonly batches: ReadonlyArray<Batch>; readonly append: (b: Batch) => Promise<unknown> }
  >,
): Promise<Record<K, number>> => {
  const keys = Object.keys(lanes) as K[];
  const spent = new Map<K, number>(keys.map((k) => [k, 0]));
  const count = Math.max(...keys.map((k) => lanes[k].batches.length));
  for (let i = 0; i < count; i++)
    for (const k of i % 2 === 0 ? keys : [...keys].reverse()) {
      const b = lanes[k].batches[i];
      if (b === undefined) continue;
      const t = performance.now();
      await lanes[k].append(b);
      spent.set(k, spent.get(k)! + performance.now() - t);
    }
  const events = (k: K) => lanes[k].batches.reduce((n, b) => n + b.events.length, 0);
  return Object.fromEntries(keys.map((k) => [k, perSecond(events(k), spent.get(k)!)])) as Record<
    K,
    number
  >;
};

export const adapterAppend = (store: EventStoreDbStore) => (b: Batch) =>
  store.append(b.stream, b.events, { expectedRevision: b.revision ?? 'no-stream' });

const eventData = (e: EventToAppend) => ({
  id: e.id,
  contentType: 'application/json' as const,
  type: e.type,
  data: e.data as Record<string, string | number>,
  metadata: { ...e.metadata, schemaVersion: e.schemaVersion },
});

/** The raw client's own append (its batch-append stream), one call per batch. */
export const rawAppend = (raw: EventStoreDBClient) => (b: Batch) =>
  raw.appendToStream(b.stream, b.events.map(eventData), {
    expectedRevision: b.revision === undefined ? 'no_stream' : BigInt(b.revision),
  });

/** The raw client's append through the adapter's port: the unary Append RPC, one call per batch. */
export const rawUnaryAppend = (port: EventStoreDbClientLike) => (b: Batch) =>
  port.appendToStream(b.stream, b.events.map(eventData), {
    expectedRevision: b.revision === undefined ? 'no_stream' : BigInt(b.revision),
  });

/**
 * The raw client making the writes the adapter makes, through the same port (unary Append):
 * the command's claim, then its events, then — for a batch of several events — a read of them
 * back for their positions. No hash chain, no checks, no decoding: the protocol's own floor.
 */
export const rawSameWrites = (port: EventStoreDbClientLike) => async (b: Batch) => {
  const first = b.events[0]!.metadata;
  await port.appendToStream(
    commandStreamOf(first.commandId),
    [
      {
        id: randomUUID(),
        contentType: 'application/json',
        type: 'AimlineCommandClaimed',
        data: {
          commandId: first.commandId,
          fingerprint: first.commandFingerprint,
          stream: b.stream,
        },
        metadata: undefined,
      },
    ],
    { expectedRevision: 'no_stream' },
  );
  await port.appendToStream(b.stream, b.events.map(eventData), {
    expectedRevision: b.revision === undefined ? 'no_stream' : BigInt(b.revision),
  });
  if (b.events.length > 1)
    for await (const _ of port.readStream(b.stream, {
      fromRevision: BigInt((b.revision ?? -1) + 1),
      maxCount: b.events.length,
    }));
};

/** Where the adapter's time goes: every call it makes to the server, by kind. */
export interface CallAccount {
  claims: { count: number; ms: number };
  appends: { count: number; ms: number };
  reads: { count: number; ms: number };
}

export const emptyAccount = (): CallAccount => ({
  claims: { count: 0, ms: 0 },
  appends: { count: 0, ms: 0 },
  reads: { count: 0, ms: 0 },
});

/** `port` with the time of each append and each whole stream read added to `account()`. */
export const timedPort = (
  port: EventStoreDbClientLike,
  account: () => CallAccount,
): EventStoreDbClientLike => ({
  appendToStream: async (stream, events, options) => {
    const t = performance.now();
    try {
      return await port.appendToStream(stream, events, options);
    } finally {
      const a = stream.startsWith('aimline-command-') ? account().claims : account().appends;
      a.count++;
      a.ms += performance.now() - t;
    }
  },
  readStream: (stream, options) => {
    const read = port.readStream(stream, options);
    return {
      [Symbol.asyncIterator]: () => {
        const iterator = read[Symbol.asyncIterator]();
        const t = performance.now();
        return {
          next: async () => {
            const r = await iterator.next();
            if (r.done === true) {
              account().reads.count++;
              account().reads.ms += performance.now() - t;
            }
            return r;
          },
          return: async (value?: unknown) =>
            iterator.return === undefined
              ? { done: true as const, value: undefined }
              : iterator.return(value),
        };
      },
    };
  },
  readAll: (options) => port.readAll(options),
  subscribeToAll: (options) => port.subscribeToAll(options),
  setStreamMetadata: (stream, metadata, options) =>
    port.setStreamMetadata(stream, metadata, options),
  dispose: () => Promise.resolve(),
});

/** The position of the last record of `$all` (a read after it starts with what comes next). */
export const endOfAll = async (raw: EventStoreDBClient): Promise<bigint> => {
  // Read to its end, not abandoned: the client's dispose() waits for every read to end.
  let last: bigint | undefined;
  for await (const r of raw.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 }))
    last = r.event!.position.commit;
  if (last === undefined) throw new Error('$all is empty');
  return last;
};

/**
 * A replay of `range` through the adapter: `readAll` (decoded into port events), and with
 * `verify` every event's hash-chain link checked against the stream's previous event.
 */
export const adapterReplay = async (
  store: EventStoreDbStore,
  range: { after: bigint; prefix: string; events: number },
  verify: boolean,
): Promise<number> => {
  const previous = new Map<string, { readonly revision: number; readonly hash: string }>();
  const t = performance.now();
  let n = 0;
  for await (const e of store.readAll({
    after: range.after,
    filter: { streamPrefixes: [range.prefix] },
    maxCount: range.events,
  })) {
    if (verify) {
      const broken = verifyLink(e, previous.get(e.stream));
      if (broken !== undefined) throw new Error(`chain broken at ${e.stream}@${e.revision}`);
      previous.set(e.stream, { revision: e.revision, hash: e.metadata.hash });
    }
    n++;
  }
  if (n !== range.events) throw new Error(`adapter read ${n} of ${range.events}`);
  return perSecond(n, performance.now() - t);
};

/** The same `$all` range through the raw client: its own JSON parsing, the prefix checked here. */
export const rawReadAll = async (
  raw: EventStoreDBClient,
  range: { after: bigint; prefix: string; events: number },
): Promise<number> => {
  const t = performance.now();
  let n = 0;
  let from = { commit: range.after, prepare: range.after };
  for (const page = 500; n < range.events;) {
    let read = 0;
    for await (const r of raw.readAll({
      fromPosition: from,
      direction: 'forwards',
      maxCount: page,
    })) {
      read++;
      const e = r.event!;
      if (e.position.commit <= from.commit) continue;
      from = e.position;
      if (e.streamId.startsWith(range.prefix)) n++;
    }
    if (read < page) break;
  }
  if (n !== range.events) throw new Error(`raw client read ${n} of ${range.events}`);
  return perSecond(n, performance.now() - t);
};
