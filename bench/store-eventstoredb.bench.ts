/**
 * The EventStoreDB adapter on real servers the bench starts itself (the vendored EventStoreDB
 * 23.10.8, see packages/store-eventstoredb/README.md), against the raw `@eventstore/db-client`
 * doing the same work in the same run:
 * - append: the same events (STREAMS streams × BATCHES batches of BATCH, exact expected
 *   revisions). Adapter: command-id claim (+ tail read when the tail is not known) +
 *   idempotency check + hash chain + append + read-back of the positions; raw: one
 *   `appendToStream` per batch.
 * - read-all: the same `$all` range (the events just appended and nothing else), pages of
 *   500, filtered by prefix. Adapter: `readAll` with decoding into the port's events; raw:
 *   `readAll` with the client's own JSON parsing.
 * - cluster: adapter appends to a 3-node cluster (gossip connection string, leader
 *   preference) as a ratio to the same appends to a single node.
 * Contender and baseline alternate ABBA (A B, then B A, …) over ROUNDS rounds after a
 * discarded warm-up round; the ratio of each round is reported as median, min and max.
 * Every node is on this machine's cores, so absolute figures are modest. Prints; never asserts.
 * AIMLINE_BENCH_ESDB_STREAMS (default 40) and AIMLINE_BENCH_ESDB_ROUNDS (default 5) size it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { EventToAppend } from '../packages/kernel/src/index.js';
import {
  eventStoreDbClientFromUrl,
  openEventStoreDbStore,
  type EventStoreDbStore,
} from '../packages/store-eventstoredb/src/index.js';
import { EsdbCluster } from '../packages/store-eventstoredb/test/support/esdb-cluster.js';
import {
  EsdbNode,
  singleNodeSettings,
  temporaryDataDirectory,
} from '../packages/store-eventstoredb/test/support/esdb-node.js';
import { serverBinary } from '../packages/store-eventstoredb/test/support/esdb-server.js';

import { figure, median, type Figure } from './helpers/figures.js';

const STREAMS = Number(process.env['AIMLINE_BENCH_ESDB_STREAMS'] ?? 40);
const ROUNDS = Math.max(5, Number(process.env['AIMLINE_BENCH_ESDB_ROUNDS'] ?? 5));
const BATCHES = 4;
const BATCH = 5;
const EVENTS = STREAMS * BATCHES * BATCH;

/** One event of a command's batch (a batch is one command's events: they share its id). */
const event = (n: number, commandId: string): EventToAppend => ({
  id: randomUUID(),
  type: 'BenchRecorded',
  schemaVersion: 1,
  data: { n, note: `bench event ${n}`, at: '2026-03-29T00:30:00.000Z' },
  metadata: {
    occurredAt: '2026-03-29T00:30:00.000Z',
    recordedAt: '2026-03-29T00:30:01.000Z',
    actor: { id: 'bench-1', role: 'bench', agency: 'aimline' },
    commandId,
    commandFingerprint: fingerprintOf(commandId),
    correlationId: 'bench',
    causationId: 'bench',
  },
});

const fingerprints = new Map<string, string>();
const fingerprintOf = (commandId: string): string => {
  let f = fingerprints.get(commandId);
  if (f === undefined) fingerprints.set(commandId, (f = randomBytes(32).toString('hex')));
  return f;
};

/** The batches of one measured append: fresh streams under `prefix`. */
const workload = (prefix: string) =>
  Array.from({ length: STREAMS }, (_, s) =>
    Array.from({ length: BATCHES }, (_, b) => {
      const commandId = randomUUID();
      return {
        stream: `${prefix}${s}`,
        revision: b === 0 ? undefined : b * BATCH - 1,
        events: Array.from({ length: BATCH }, (_, i) => event(b * BATCH + i, commandId)),
      };
    }),
  ).flat();

/** The raw client, as the adapter package makes it (the bench has no dependency of its own on it). */
type EventStoreDBClient = ReturnType<typeof eventStoreDbClientFromUrl>;

const perSecond = (count: number, ms: number): number => (count / ms) * 1000;

const adapterAppend = async (store: EventStoreDbStore, prefix: string): Promise<number> => {
  const batches = workload(prefix);
  const t = performance.now();
  for (const b of batches)
    await store.append(b.stream, b.events, { expectedRevision: b.revision ?? 'no-stream' });
  return perSecond(EVENTS, performance.now() - t);
};

const rawAppend = async (raw: EventStoreDBClient, prefix: string): Promise<number> => {
  const batches = workload(prefix);
  const t = performance.now();
  for (const b of batches)
    await raw.appendToStream(
      b.stream,
      b.events.map((e) => ({
        id: e.id,
        contentType: 'application/json' as const,
        type: e.type,
        data: e.data as Record<string, string | number>,
        metadata: { ...e.metadata, schemaVersion: e.schemaVersion },
      })),
      { expectedRevision: b.revision === undefined ? 'no_stream' : BigInt(b.revision) },
    );
  return perSecond(EVENTS, performance.now() - t);
};

/** The position of the last record of `$all` (a read after it starts with what comes next). */
const endOfAll = async (raw: EventStoreDBClient): Promise<bigint> => {
  // Read to its end, not abandoned: the client's dispose() waits for every read to end.
  let last: bigint | undefined;
  for await (const r of raw.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 }))
    last = r.event!.position.commit;
  if (last === undefined) throw new Error('$all is empty');
  return last;
};

const adapterReadAll = async (
  store: EventStoreDbStore,
  range: { after: bigint; prefix: string },
): Promise<number> => {
  const t = performance.now();
  let n = 0;
  for await (const _ of store.readAll({
    after: range.after,
    filter: { streamPrefixes: [range.prefix] },
    maxCount: EVENTS,
  }))
    n++;
  if (n !== EVENTS) throw new Error(`adapter read ${n} of ${EVENTS}`);
  return perSecond(n, performance.now() - t);
};

const rawReadAll = async (
  raw: EventStoreDBClient,
  range: { after: bigint; prefix: string },
): Promise<number> => {
  const t = performance.now();
  let n = 0;
  let from = { commit: range.after, prepare: range.after };
  for (let page = 500; n < EVENTS;) {
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
  if (n !== EVENTS) throw new Error(`raw client read ${n} of ${EVENTS}`);
  return perSecond(n, performance.now() - t);
};

/**
 * Contender (A) against baseline (B), ABBA over ROUNDS rounds after a discarded warm-up;
 * each round gives one ratio of throughputs A ÷ B.
 */
const abba = async (
  contender: (round: number) => Promise<number>,
  baseline: (round: number) => Promise<number>,
) => {
  await contender(-1);
  await baseline(-1);
  const ratios: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let x: number;
    let y: number;
    if (r % 2 === 0) {
      x = await contender(r);
      y = await baseline(r);
    } else {
      y = await baseline(r);
      x = await contender(r);
    }
    a.push(x);
    b.push(y);
    ratios.push(x / y);
  }
  return { ratios, a, b };
};

const figures = (
  name: string,
  run: { ratios: number[]; a: number[]; b: number[] },
  what: string,
): Figure[] => [
  figure(
    `${name} ratio`,
    'ratio',
    run.ratios,
    `${what}; paired per round over ${ROUNDS} ABBA rounds after a warm-up; medians ${Math.round(median(run.a))} vs ${Math.round(median(run.b))} events/s; ${EVENTS} events per round`,
  ),
];

export async function run(): Promise<Figure[]> {
  const source = serverBinary();
  if (source.kind === 'skip') {
    console.log(`store-eventstoredb bench: no real server, nothing measured (${source.reason})`);
    return [];
  }
  const node = new EsdbNode(
    await singleNodeSettings(source.bin, temporaryDataDirectory('bench-single')),
  );
  const cluster = await EsdbCluster.create(source.bin);
  const closing: Array<{ dispose(): Promise<void> }> = [];
  try {
    await node.start();
    const store = openEventStoreDbStore(node.url);
    const raw = eventStoreDbClientFromUrl(node.url);
    closing.push(store, raw);
    const id = randomUUID().slice(0, 8);
    const ranges: Array<{ after: bigint; prefix: string }> = [];

    process.stderr.write('   append, adapter vs raw client …\n');
    const append = await abba(
      async (r) => {
        const prefix = `bench${id}-adapter${r + 1}-`;
        const after = await endOfAll(raw);
        const v = await adapterAppend(store, prefix);
        if (r >= 0) ranges.push({ after, prefix });
        return v;
      },
      (r) => rawAppend(raw, `bench${id}-raw${r + 1}-`),
    );
    process.stderr.write('   read-all, adapter vs raw client …\n');
    const readAll = await abba(
      (r) => adapterReadAll(store, ranges[Math.max(0, r)]!),
      (r) => rawReadAll(raw, ranges[Math.max(0, r)]!),
    );

    process.stderr.write('   starting a 3-node cluster …\n');
    await cluster.start();
    process.stderr.write('   append, cluster vs single node …\n');
    const clustered = openEventStoreDbStore(cluster.url);
    closing.push(clustered);
    const clusterAppend = await abba(
      (r) => adapterAppend(clustered, `bench${id}-cluster${r + 1}-`),
      (r) => adapterAppend(store, `bench${id}-single${r + 1}-`),
    );

    const results = [
      ...figures(
        'store-eventstoredb append, adapter ÷ raw client',
        append,
        'target ≥ 0.7; per batch (one command) the adapter writes the command-id claim (the stream tail is known from its last append, else read meanwhile), chains by hash, appends (unary Append RPC) and reads a batch of several events back for its positions: 3 round trips, 2 of them durable writes (2 for a one-event command), where the raw client appends once (batch-append stream)',
      ),
      ...figures(
        'store-eventstoredb read-all, adapter ÷ raw client',
        readAll,
        'target ≥ 0.7; the same $all range, pages of 500, prefix filter; the adapter also decodes into port events',
      ),
      ...figures(
        'store-eventstoredb append, 3-node cluster ÷ single node',
        clusterAppend,
        'adapter appends, every node on the same cores (the vendor README saw 0.5–0.65 for raw appends)',
      ),
    ];
    for (const r of results)
      console.log(`${r.name}: ${r.median} [${r.min}–${r.max}] (${r.detail})`);
    return results;
  } finally {
    for (const c of closing) await c.dispose();
    await node.stop();
    node.removeData();
    await cluster.stop();
  }
}
