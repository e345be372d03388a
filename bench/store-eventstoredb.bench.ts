/**
 * The EventStoreDB adapter against the raw client, on a real server (EVENTSTORE_URL, or the
 * embedded KurrentDB host when it builds here): append throughput of the same events
 * (adapter: tail read + idempotency check + hash chain + append + read-back; raw: one
 * `appendToStream`), and replay throughput (adapter `readAll` filtered by prefix, with
 * decoding, vs the raw client reading `$all`). Prints; never asserts. Without a server it
 * prints why and returns no results.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { EventToAppend } from '../packages/kernel/src/index.js';
import {
  eventStoreDbClientFromUrl,
  openEventStoreDbStore,
} from '../packages/store-eventstoredb/src/index.js';
import {
  EsdbNode,
  singleNodeSettings,
} from '../packages/store-eventstoredb/test/support/esdb-node.js';
import { serverBinary } from '../packages/store-eventstoredb/test/support/esdb-server.js';

interface Result {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly detail: string;
}

const STREAMS = 100;
const BATCHES = 4;
const BATCH = 5;

const event = (n: number): EventToAppend => ({
  id: randomUUID(),
  type: 'BenchRecorded',
  schemaVersion: 1,
  data: { n, note: `bench event ${n}`, at: '2026-03-29T00:30:00.000Z' },
  metadata: {
    occurredAt: '2026-03-29T00:30:00.000Z',
    recordedAt: '2026-03-29T00:30:01.000Z',
    actor: { id: 'bench-1', role: 'bench', agency: 'aimline' },
    commandId: randomUUID(),
    commandFingerprint: randomBytes(32).toString('hex'),
    correlationId: 'bench',
    causationId: 'bench',
  },
});

const perSecond = (count: number, ms: number): number => Math.round((count / ms) * 1000);

export async function run(): Promise<Result[]> {
  const source = serverBinary();
  if (source.kind === 'skip') {
    console.log(`store-eventstoredb bench: no real server, nothing measured (${source.reason})`);
    return [];
  }
  const node = new EsdbNode(await singleNodeSettings(source.bin));
  await node.start();
  const url = node.url;
  const store = openEventStoreDbStore(url);
  const raw = eventStoreDbClientFromUrl(url);
  try {
    const run = randomUUID().slice(0, 8);
    const total = STREAMS * BATCHES * BATCH;

    const adapterPrefix = `bench${run}-adapter-`;
    let t = performance.now();
    for (let s = 0; s < STREAMS; s++)
      for (let b = 0; b < BATCHES; b++)
        await store.append(
          `${adapterPrefix}${s}`,
          Array.from({ length: BATCH }, (_, i) => event(b * BATCH + i)),
          {
            expectedRevision: b === 0 ? 'no-stream' : b * BATCH - 1,
          },
        );
    const adapterAppendMs = performance.now() - t;

    const rawPrefix = `bench${run}-raw-`;
    t = performance.now();
    for (let s = 0; s < STREAMS; s++)
      for (let b = 0; b < BATCHES; b++)
        await raw.appendToStream(
          `${rawPrefix}${s}`,
          Array.from({ length: BATCH }, (_, i) => {
            const e = event(b * BATCH + i);
            return {
              id: e.id,
              contentType: 'application/json' as const,
              type: e.type,
              data: e.data as Record<string, unknown>,
              metadata: { ...e.metadata, schemaVersion: 1 },
            };
          }),
          { expectedRevision: b === 0 ? 'no_stream' : BigInt(b * BATCH - 1) },
        );
    const rawAppendMs = performance.now() - t;

    t = performance.now();
    let replayed = 0;
    for await (const _ of store.readAll({ filter: { streamPrefixes: [adapterPrefix] } }))
      replayed++;
    const adapterReplayMs = performance.now() - t;

    t = performance.now();
    let rawRead = 0;
    for await (const _ of raw.readAll({ maxCount: Number.MAX_SAFE_INTEGER })) rawRead++;
    const rawReplayMs = performance.now() - t;

    const results: Result[] = [
      {
        name: 'store-eventstoredb append (adapter)',
        value: perSecond(total, adapterAppendMs),
        unit: 'events/s',
        detail: `${total} events, batches of ${BATCH}, exact expected revisions`,
      },
      {
        name: 'store-eventstoredb append (raw client)',
        value: perSecond(total, rawAppendMs),
        unit: 'events/s',
        detail: `the same shape of events through appendToStream`,
      },
      {
        name: 'store-eventstoredb replay (adapter readAll, filtered)',
        value: perSecond(replayed, adapterReplayMs),
        unit: 'events/s',
        detail: `${replayed} events delivered, decoded; $all scanned client-side`,
      },
      {
        name: 'store-eventstoredb replay (raw client readAll $all)',
        value: perSecond(rawRead, rawReplayMs),
        unit: 'events/s',
        detail: `${rawRead} records of $all, no decoding`,
      },
    ];
    for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit} (${r.detail})`);
    return results;
  } finally {
    await store.dispose();
    await raw.dispose();
    await node.stop();
    node.removeData();
  }
}
