/**
 * The EventStoreDB adapter on real servers the bench starts itself (the vendored EventStoreDB
 * 23.10.8, see packages/store-eventstoredb/README.md), against the raw `@eventstore/db-client`
 * doing the same work in the same run. Every node runs on this machine's cores, so absolute
 * figures are modest; the ratios and the per-call accounting are the point.
 *
 * Single node (data on disk):
 * - append, two shapes: commands of 5 events (4 per stream) and commands of one event (10 per
 *   stream, Aimline's usual command). Contenders, in turn command by command (ABCD DCBA …,
 *   so a busy neighbour slows them alike): the adapter (claim, append,
 *   read-back of a batch of several events; tail known from its own last append); the raw
 *   client's own append (one call per command, its batch-append stream); the same through the
 *   unary Append RPC the adapter uses; and the raw client
 *   making the adapter's writes (claim, append, read-back, unary Append, nothing else) — the
 *   protocol's floor, which separates what the guarantees cost in round trips from what the
 *   adapter itself costs. Every call the adapter makes is timed by kind (the accounting
 *   figures); a small pass of their own counts the `$all` bytes per event of the adapter
 *   (claims included) and of the raw client.
 * - read-all: the same `$all` range (the adapter's own appends), pages of 500, prefix filter:
 *   the adapter's `readAll` (decoded into port events), plus hash-chain verification, against
 *   the raw client's `readAll` with its own JSON parsing.
 * 3-node cluster (data on disk, gossip connection string, leader preference):
 * - one-event commands through the adapter, cluster ÷ single node, one writer, in turn;
 * - 8 concurrent writers (one store, streams split between them), adapter and raw client;
 * - replay of what the 8 writers appended: read + decode, + verify, and the raw client.
 * Sizes: AIMLINE_BENCH_ESDB_STREAMS (80; 16 in smoke mode). Rounds: AIMLINE_BENCH_ROUNDS (≥ 5),
 * after a discarded warm-up round. Prints; never asserts.
 */
import { randomUUID } from 'node:crypto';
import {
  openEventStoreDbStore,
  eventStoreDbClientFromUrl,
} from '../packages/store-eventstoredb/src/index.js';
import { clientPortOf } from '../packages/store-eventstoredb/src/client-port-of.js';
import { EsdbCluster } from '../packages/store-eventstoredb/test/support/esdb-cluster.js';
import {
  EsdbNode,
  singleNodeSettings,
  temporaryDataDirectory,
} from '../packages/store-eventstoredb/test/support/esdb-node.js';
import { serverBinary } from '../packages/store-eventstoredb/test/support/esdb-server.js';
import {
  adapterAppend,
  adapterReplay,
  concurrently,
  emptyAccount,
  interleaved,
  endOfAll,
  eventsOf,
  rawAppend,
  rawReadAll,
  rawSameWrites,
  rawUnaryAppend,
  timedPort,
  workload,
  type Batch,
  type CallAccount,
  type Shape,
} from './helpers/esdb-workloads.js';
import {
  alternate,
  figure,
  median,
  paired,
  roundCount,
  size,
  type Figure,
} from './helpers/figures.js';

const STREAMS = size('AIMLINE_BENCH_ESDB_STREAMS', 80, 16);
const ROUNDS = roundCount();
const BATCHES: Shape = { streams: STREAMS, commands: 4, events: 5 };
const SINGLES: Shape = { streams: STREAMS, commands: 10, events: 1 };
const CONCURRENT: Shape = { streams: STREAMS * 2, commands: 10, events: 1 };
const WRITERS = 8;

const ms = (v: number): string => v.toFixed(2);
const r2 = (v: number): string => v.toPrecision(2);

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
    const raw = eventStoreDbClientFromUrl(node.url);
    const adapterClient = eventStoreDbClientFromUrl(node.url);
    const port = clientPortOf(raw);
    let account = emptyAccount();
    const store = openEventStoreDbStore(timedPort(clientPortOf(adapterClient), () => account));
    closing.push(store, raw, adapterClient);
    const id = randomUUID().slice(0, 8);
    const results: Figure[] = [];

    /**
     * Adapter, raw client, raw client through unary Append, raw client making the adapter's
     * writes: in every round each appends its own fresh streams, command by command in turn
     * (A B C D, D C B A, …), so a busy neighbour slows them alike; rounds after a warm-up.
     */
    const appendRounds = async (shape: Shape, label: string) => {
      const rounds = await alternate({
        all: async (r: number) => {
          const prefix = (who: string) => `bench${id}-${label}-${who}${r + 1}-`;
          account = emptyAccount();
          const after = await endOfAll(raw);
          const rates = await interleaved({
            adapter: { batches: workload(prefix('adapter'), shape), append: adapterAppend(store) },
            raw: { batches: workload(prefix('raw'), shape), append: rawAppend(raw) },
            unary: { batches: workload(prefix('unary'), shape), append: rawUnaryAppend(port) },
            same: { batches: workload(prefix('same'), shape), append: rawSameWrites(port) },
          });
          return {
            ...rates,
            account,
            range: { after, prefix: prefix('adapter'), events: eventsOf(shape) },
          };
        },
      });
      const of = <T>(f: (x: (typeof rounds.all)[number]) => T): T[] => rounds.all.map(f);
      return {
        adapter: of((x) => x.adapter),
        raw: of((x) => x.raw),
        unary: of((x) => x.unary),
        same: of((x) => x.same),
        accounts: of((x) => x.account),
        ranges: of((x) => x.range),
        bytes: await logBytes(shape, label),
      };
    };

    /** `$all` bytes per event appended by the adapter (claims included) and by the raw client. */
    const logBytes = async (shape: Shape, label: string) => {
      account = emptyAccount(); // not a measured round's
      const small = { ...shape, streams: 4 };
      const grow = async (append: (b: Batch) => Promise<unknown>, who: string) => {
        const before = await endOfAll(raw);
        for (const b of workload(`bench${id}-${label}-bytes-${who}-`, small)) await append(b);
        return Number((await endOfAll(raw)) - before) / eventsOf(small);
      };
      return {
        adapter: await grow(adapterAppend(store), 'adapter'),
        raw: await grow(rawAppend(raw), 'raw'),
      };
    };

    const commandsOf = (shape: Shape) => shape.streams * shape.commands;
    const accountFigures = (
      name: string,
      shape: Shape,
      run: Awaited<ReturnType<typeof appendRounds>>,
    ): Figure[] => {
      const perCommand = (f: (a: CallAccount) => number) =>
        run.accounts.map((a) => f(a) / commandsOf(shape));
      const total = run.adapter.map(
        (rate) => ((eventsOf(shape) / rate) * 1000) / commandsOf(shape),
      );
      const claims = perCommand((a) => a.claims.ms);
      const appends = perCommand((a) => a.appends.ms);
      const reads = perCommand((a) => a.reads.ms);
      const outside = total.map((t, i) => t - claims[i]! - appends[i]! - reads[i]!);
      const rawMs = run.raw.map((rate) => ((eventsOf(shape) / rate) * 1000) / commandsOf(shape));
      const calls = (f: (a: CallAccount) => number) =>
        median(run.accounts.map((a) => f(a) / commandsOf(shape)));
      const what = `${shape.events}-event commands; per command (medians over rounds)`;
      return [
        figure(
          `${name}: adapter, ms per command`,
          'ms',
          total,
          `${what}: wall time of store.append`,
        ),
        figure(
          `${name}: adapter, ms per command in claim writes`,
          'ms',
          claims,
          `${what}; ${r2(calls((a) => a.claims.count))} claim appends per command (aimline-command-<id>, expected no stream, unary Append)`,
        ),
        figure(
          `${name}: adapter, ms per command in event appends`,
          'ms',
          appends,
          `${what}; ${r2(calls((a) => a.appends.count))} event appends per command (exact expected revision, unary Append)`,
        ),
        figure(
          `${name}: adapter, ms per command in reads`,
          'ms',
          reads,
          `${what}; ${r2(calls((a) => a.reads.count))} stream reads per command (read-back of a batch of several events for their positions; no tail reads: the store knows the tail from its last append)`,
        ),
        figure(
          `${name}: adapter, ms per command outside server calls`,
          'ms',
          outside,
          `${what}: validation, canonical JSON and the sha256 chain, decoding the answers, the event loop`,
        ),
        figure(
          `${name}: raw client, ms per command`,
          'ms',
          rawMs,
          `${what}: one appendToStream (batch-append stream)`,
        ),
      ];
    };

    const appendFigures = (
      name: string,
      shape: Shape,
      run: Awaited<ReturnType<typeof appendRounds>>,
      target: string,
    ): Figure[] => {
      const rawRate = run.raw;
      const sameRate = run.same;
      const adapterRate = run.adapter;
      const accounting = accountFigures(name, shape, run);
      const [total, claims, appends, reads, outside, rawMs] = accounting.map((f) => f.median);
      const ceiling = rawMs! / (claims! + appends! + reads!);
      const round = `paired per round over ${ROUNDS} rounds after a warm-up, the contenders in turn command by command (ABCD DCBA); ${eventsOf(shape)} events (${commandsOf(shape)} commands of ${shape.events}) per round`;
      return [
        figure(
          `${name}, adapter ÷ raw client ratio`,
          'ratio',
          paired(adapterRate, rawRate, (a, b) => a / b),
          `${target}per command the adapter claims the command id (a durable write to aimline-command-<id>, which is what detects a command id reused on another stream), appends the events with the exact revision${shape.events > 1 ? ', and reads a batch of several events back for their positions (the answer gives only the last one)' : ''}; the raw client appends once. Where the adapter's ${ms(total!)} ms per command go (medians): claim ${ms(claims!)}, append ${ms(appends!)}, reads ${ms(reads!)}, outside server calls ${ms(outside!)}; the raw client's append ${ms(rawMs!)} ms, so these round trips alone allow at most ≈ ${r2(ceiling)}. ${round}; medians ${Math.round(median(adapterRate))} vs ${Math.round(median(rawRate))} events/s`,
        ),
        figure(
          `${name}, adapter ÷ raw client making the same writes ratio`,
          'ratio',
          paired(adapterRate, sameRate, (a, b) => a / b),
          `the raw client making the adapter's round trips (claim, append${shape.events > 1 ? ', read-back' : ''}; unary Append) and nothing else: what the adapter's own work costs on top of the writes its guarantees need; ${round}; medians ${Math.round(median(adapterRate))} vs ${Math.round(median(sameRate))} events/s`,
        ),
        figure(
          `${name}, raw client unary Append ÷ its batch-append ratio`,
          'ratio',
          paired(run.unary, rawRate, (a, b) => a / b),
          `the same raw appends through the unary Append RPC the adapter uses (bounded, one outcome per call: see the package README on failover) against the client's default batch-append stream; ${round}; medians ${Math.round(median(run.unary))} vs ${Math.round(median(rawRate))} events/s`,
        ),
        ...accounting,
        figure(
          `${name}: $all bytes per event, adapter`,
          'bytes',
          [run.bytes.adapter],
          `growth of the log's commit position per event appended, the command claims included (${shape.events}-event commands)`,
        ),
        figure(
          `${name}: $all bytes per event, raw client`,
          'bytes',
          [run.bytes.raw],
          'the same events appended by the raw client: no claims, no hash chain in the metadata',
        ),
      ];
    };

    process.stderr.write(
      '   append, commands of 5 events: adapter, raw client, raw unary, raw same writes …\n',
    );
    const batched = await appendRounds(BATCHES, 'b');
    results.push(...appendFigures('store-eventstoredb append', BATCHES, batched, 'target ≥ 0.7; '));
    process.stderr.write(
      '   append, one-event commands: adapter, raw client, raw unary, raw same writes …\n',
    );
    const singles = await appendRounds(SINGLES, 's');
    results.push(
      ...appendFigures('store-eventstoredb append of one-event commands', SINGLES, singles, ''),
    );

    process.stderr.write('   read-all, adapter vs raw client …\n');
    const ranges = batched.ranges;
    const reads = await alternate({
      adapter: (r: number) => adapterReplay(store, ranges[Math.max(0, r)]!, false),
      verify: (r: number) => adapterReplay(store, ranges[Math.max(0, r)]!, true),
      raw: (r: number) => rawReadAll(raw, ranges[Math.max(0, r)]!),
    });
    const readRound = `the same $all range (${eventsOf(BATCHES)} events of the adapter's own appends, interleaved with the other contenders'), pages of 500, prefix filter; ${ROUNDS} rounds after a warm-up`;
    results.push(
      figure(
        'store-eventstoredb read-all, adapter ÷ raw client ratio',
        'ratio',
        paired(reads.adapter, reads.raw, (a, b) => a / b),
        `target ≥ 0.7; the adapter decodes into port events, the raw client parses JSON; ${readRound}; medians ${Math.round(median(reads.adapter))} vs ${Math.round(median(reads.raw))} events/s`,
      ),
      figure(
        'store-eventstoredb replay cost per event, single node, read + decode',
        'µs/event',
        reads.adapter.map((x) => 1e6 / x),
        readRound,
      ),
      figure(
        'store-eventstoredb replay cost per event, single node, read + decode + verify',
        'µs/event',
        reads.verify.map((x) => 1e6 / x),
        `plus each event's hash-chain link (sha256 over its canonical JSON); ${readRound}`,
      ),
    );

    process.stderr.write('   starting a 3-node cluster …\n');
    await cluster.start();
    const clustered = openEventStoreDbStore(cluster.url);
    const rawCluster = eventStoreDbClientFromUrl(cluster.url);
    closing.push(clustered, rawCluster);
    process.stderr.write('   append, cluster vs single node …\n');
    const versusRounds = await alternate({
      both: (r: number) =>
        interleaved({
          cluster: {
            batches: workload(`bench${id}-cluster${r + 1}-`, SINGLES),
            append: adapterAppend(clustered),
          },
          single: {
            batches: workload(`bench${id}-single${r + 1}-`, SINGLES),
            append: adapterAppend(store),
          },
        }),
    });
    const versus = {
      cluster: versusRounds.both.map((x) => x.cluster),
      single: versusRounds.both.map((x) => x.single),
    };
    const one = `one writer, one-event commands through the adapter, ${eventsOf(SINGLES)} per round, in turn command by command (AB BA), ${ROUNDS} rounds after a warm-up; every node on the same cores`;
    results.push(
      figure(
        'store-eventstoredb append, 3-node cluster ÷ single node ratio',
        'ratio',
        paired(versus.cluster, versus.single, (a, b) => a / b),
        `${one} (the vendor README saw 0.5–0.65 for raw appends); medians ${Math.round(median(versus.cluster))} vs ${Math.round(median(versus.single))} events/s`,
      ),
      figure(
        'store-eventstoredb cluster append cost per event, one writer',
        'µs/event',
        versus.cluster.map((x) => 1e6 / x),
        `${one}: the latency of a command's claim and append on the leader, each acknowledged by a quorum`,
      ),
    );

    process.stderr.write(`   append, cluster, ${WRITERS} concurrent writers …\n`);
    const concurrentRanges: Array<{ after: bigint; prefix: string; events: number }> = [];
    const parallel = await alternate({
      adapter: async (r: number) => {
        const prefix = `bench${id}-par${r + 1}-`;
        const after = await endOfAll(rawCluster);
        const rate = await concurrently(
          workload(prefix, CONCURRENT),
          WRITERS,
          adapterAppend(clustered),
        );
        if (r >= 0) concurrentRanges.push({ after, prefix, events: eventsOf(CONCURRENT) });
        return rate;
      },
      raw: (r: number) =>
        concurrently(
          workload(`bench${id}-parraw${r + 1}-`, CONCURRENT),
          WRITERS,
          rawAppend(rawCluster),
        ),
    });
    const par = `${WRITERS} writers on one store (one gRPC channel), ${eventsOf(CONCURRENT)} one-event commands over ${CONCURRENT.streams} streams per round, ${ROUNDS} AB BA rounds after a warm-up`;
    results.push(
      figure(
        `store-eventstoredb cluster append throughput, ${WRITERS} writers, adapter`,
        'events/s',
        parallel.adapter,
        `${par}: what one service process gets from the cluster when its requests overlap`,
      ),
      figure(
        `store-eventstoredb cluster append, ${WRITERS} writers, adapter ÷ raw client ratio`,
        'ratio',
        paired(parallel.adapter, parallel.raw, (a, b) => a / b),
        `${par}; medians ${Math.round(median(parallel.adapter))} vs ${Math.round(median(parallel.raw))} events/s`,
      ),
    );

    process.stderr.write('   replay from the cluster …\n');
    const replay = await alternate({
      read: (r: number) => adapterReplay(clustered, concurrentRanges[Math.max(0, r)]!, false),
      verify: (r: number) => adapterReplay(clustered, concurrentRanges[Math.max(0, r)]!, true),
      raw: (r: number) => rawReadAll(rawCluster, concurrentRanges[Math.max(0, r)]!),
    });
    const rep = `the ${eventsOf(CONCURRENT)} events one round of the ${WRITERS} writers appended (a range of $all holding the raw client's interleaved appends too), read from the leader in pages of 500 with a prefix filter; ${ROUNDS} rounds after a warm-up; one core`;
    results.push(
      figure(
        'store-eventstoredb cluster replay cost per event, read + decode',
        'µs/event',
        replay.read.map((x) => 1e6 / x),
        `adapter readAll into port events; ${rep}`,
      ),
      figure(
        'store-eventstoredb cluster replay cost per event, read + decode + verify',
        'µs/event',
        replay.verify.map((x) => 1e6 / x),
        `plus each event's hash-chain link; ${rep}`,
      ),
      figure(
        'store-eventstoredb cluster replay cost per event, raw client',
        'µs/event',
        replay.raw.map((x) => 1e6 / x),
        `the raw client's readAll and JSON parsing; ${rep}`,
      ),
    );

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
