import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collect, verifyLink, type RecordedEvent } from '@aimline/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../src/index.js';

/*
 * Durability: a child process appends through this adapter and prints each acknowledged
 * batch; it is killed with SIGKILL at random moments. After every kill the file is reopened
 * and must hold every acknowledged batch, no partial batch, contiguous revisions and
 * positions, and a hash chain that verifies.
 *
 * The child is `fixtures/append-worker.ts`, which imports this package's TypeScript source.
 * It is compiled once, before the rounds, by the esbuild that tsx itself runs on, into one
 * plain-JS file (better-sqlite3 left external), so each of the many children starts in
 * node's time rather than paying for tsx's loader again; where that esbuild cannot be
 * found, each child runs the .ts file through tsx's loader instead. Either way the writer
 * is one node process, so SIGKILL kills the writer itself.
 */

const LANES = 3;
const ROUNDS_PER_LANE = 8;
const workerSource = fileURLToPath(new URL('./fixtures/append-worker.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aimline-sqlite-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The node arguments that run the worker: a bundle when esbuild is at hand, else tsx. */
let workerArgs: string[] = [];

interface Esbuild {
  build(options: Record<string, unknown>): Promise<unknown>;
}

beforeAll(async () => {
  const tsxDir = realpathSync(join(repoRoot, 'node_modules', 'tsx'));
  let esbuild: Esbuild | undefined;
  try {
    esbuild = createRequire(join(tsxDir, 'package.json'))('esbuild') as Esbuild;
  } catch {
    esbuild = undefined;
  }
  if (esbuild === undefined) {
    const loader = new URL('dist/loader.mjs', `file://${tsxDir}/`).href;
    workerArgs = ['--conditions=@aimline/source', '--import', loader, workerSource];
    return;
  }
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  const outfile = join(dir, 'append-worker.mjs');
  await esbuild.build({
    entryPoints: [workerSource],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@aimline/source'],
    logLevel: 'error',
    plugins: [
      {
        name: 'better-sqlite3-in-place',
        setup(build: {
          onResolve(o: { filter: RegExp }, f: () => { path: string; external: boolean }): void;
        }) {
          build.onResolve({ filter: /^better-sqlite3$/ }, () => ({
            path: betterSqlite3,
            external: true,
          }));
        },
      },
    ],
  });
  workerArgs = [outfile];
});

interface Ack {
  readonly batch: string;
  readonly stream: string;
  readonly ids: string[];
  readonly first: number;
  readonly last: number;
  readonly position: string;
}

interface Worker {
  readonly child: ChildProcess;
  readonly acks: Ack[];
  readonly ready: Promise<void>;
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

const startWorker = (
  file: string,
  tag: string,
  mode: 'chained' | 'grouped' | 'any',
  batches?: number,
): Worker => {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const child = spawn(
    process.execPath,
    [...workerArgs, file, tag, mode, ...(batches === undefined ? [] : [String(batches)])],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  const acks: Ack[] = [];
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    let newline: number;
    while ((newline = stdout.indexOf('\n')) >= 0) {
      const line = stdout.slice(0, newline);
      stdout = stdout.slice(newline + 1);
      const message = JSON.parse(line) as Ack | { ready: true };
      if ('ready' in message) onReady();
      else acks.push(message);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const closed = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolve) => {
    child.on('close', (code, signal) => {
      onReady();
      resolve({ code, signal, stderr });
    });
  });
  return { child, acks, ready, closed };
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How far a file has been verified: its last position and each stream's last link. */
interface Verified {
  position: bigint;
  lastId: string | undefined;
  lastHash: string | undefined;
  readonly streams: Map<string, { revision: number; hash: string }>;
}

const nothingVerified = (): Verified => ({
  position: 0n,
  lastId: undefined,
  lastHash: undefined,
  streams: new Map(),
});

/**
 * Reopens the file and checks the events stored since `verified` (all of them for a fresh
 * `Verified`): positions continue without a gap; each stream's revisions continue and its
 * hash chain links to the last verified event and verifies; every stored batch is whole;
 * every acknowledged batch in `acks` is there exactly as acknowledged; nothing verified
 * before has changed (the last verified event is still there, with its hash, and every
 * stream's revision is accounted for). Returns the number of events in the file.
 */
const verifyFile = async (
  file: string,
  acks: ReadonlyArray<Ack>,
  verified: Verified,
): Promise<number> => {
  const store = openSqliteEventStore(file);
  try {
    if (verified.lastId !== undefined) {
      const [last] = await collect(store.readAll({ after: verified.position - 1n, maxCount: 1 }));
      expect(last?.id).toBe(verified.lastId);
      expect(last?.metadata.hash).toBe(verified.lastHash);
    }
    const fresh = await collect(store.readAll({ after: verified.position }));
    fresh.forEach((e, i) => expect(e.position).toBe(verified.position + BigInt(i + 1)));
    for (const e of fresh) {
      const previous = verified.streams.get(e.stream);
      expect(verifyLink(e, previous)).toBeUndefined();
      verified.streams.set(e.stream, { revision: e.revision, hash: e.metadata.hash });
    }
    for (const [stream, last] of verified.streams)
      expect(await store.streamRevision(stream)).toBe(last.revision);
    // Every stored batch is whole, in one stream, at consecutive revisions and positions.
    // (A batch never straddles `verified.position`: that is the end of a committed append.)
    const batches = new Map<string, RecordedEvent[]>();
    for (const e of fresh) {
      const batch = (e.data as { batch: string }).batch;
      const events = batches.get(batch);
      if (events === undefined) batches.set(batch, [e]);
      else events.push(e);
    }
    for (const [batch, events] of batches) {
      const size = (events[0]!.data as { size: number }).size;
      expect(events.length, `batch ${batch} is partial`).toBe(size);
      events.forEach((e, i) => {
        expect((e.data as { index: number }).index).toBe(i);
        expect(e.stream).toBe(events[0]!.stream);
        expect(e.revision).toBe(events[0]!.revision + i);
        expect(e.position).toBe(events[0]!.position + BigInt(i));
      });
    }
    // Acknowledged batches: all there, exactly as acknowledged.
    const byId = new Map(fresh.map((e) => [e.id, e]));
    for (const ack of acks) {
      const events = ack.ids.map((id) => byId.get(id));
      expect(
        events.every((e) => e !== undefined),
        `acknowledged batch ${ack.batch} is missing`,
      ).toBe(true);
      expect(events.map((e) => e!.stream)).toEqual(ack.ids.map(() => ack.stream));
      expect(events.map((e) => e!.revision)).toEqual(ack.ids.map((_, i) => ack.first + i));
      expect(events[events.length - 1]!.revision).toBe(ack.last);
      expect(events[events.length - 1]!.position.toString()).toBe(ack.position);
    }
    const last = fresh[fresh.length - 1];
    if (last !== undefined) {
      verified.position = last.position;
      verified.lastId = last.id;
      verified.lastHash = last.metadata.hash;
    }
    return Number(verified.position);
  } finally {
    await store.dispose();
  }
};

describe('SqliteEventStore durability', () => {
  /**
   * One file, killed writer after killed writer; lanes run side by side to use both cores.
   * In a `grouped` lane the writer commits 2–6 batches at a time (`appendMany`, one
   * transaction and one fsync) and acknowledges each only after its group commits.
   */
  const lane = async (
    name: string,
    rounds: number,
    mode: 'chained' | 'grouped',
  ): Promise<number> => {
    const file = join(dir, `${name}.db`);
    const acks: Ack[] = [];
    const verified = nothingVerified();
    for (let round = 0; round < rounds; round++) {
      const w = startWorker(file, `${name}-r${round}`, mode);
      await w.ready;
      await sleep(Math.random() * 400);
      w.child.kill('SIGKILL');
      const exit = await w.closed;
      expect(exit.signal, `the writer stopped by itself: ${exit.stderr}`).toBe('SIGKILL');
      acks.push(...w.acks);
      // This round's acknowledged batches were all committed after what was verified before.
      await verifyFile(file, w.acks, verified);
    }
    // At the end, the whole file again from scratch, with every acknowledged batch.
    expect(await verifyFile(file, acks, nothingVerified())).toBe(Number(verified.position));
    return acks.length;
  };

  it(`keeps every acknowledged batch, and no partial one, across ${LANES * ROUNDS_PER_LANE} SIGKILLs of the writer, single appends and group commits alike`, async () => {
    const acknowledged = await Promise.all(
      Array.from({ length: LANES }, (_, i) =>
        lane(`lane${i}`, ROUNDS_PER_LANE, i % 2 === 1 ? 'grouped' : 'chained'),
      ),
    );
    expect(acknowledged[1], 'the grouped lane acknowledged nothing').toBeGreaterThan(0);
    expect(acknowledged.reduce((a, b) => a + b, 0)).toBeGreaterThan(LANES * ROUNDS_PER_LANE);
  }, 120_000);

  it('serialises two processes appending to the same streams at once', async () => {
    const file = join(dir, 'shared.db');
    const writers = [startWorker(file, 'w1', 'any', 40), startWorker(file, 'w2', 'any', 40)];
    const exits = await Promise.all(writers.map((w) => w.closed));
    for (const exit of exits) expect(exit.code, exit.stderr).toBe(0);
    const acks = writers.flatMap((w) => w.acks);
    expect(acks.length).toBe(80);
    const stored = await verifyFile(file, acks, nothingVerified());
    expect(stored).toBe(acks.reduce((n, a) => n + a.ids.length, 0));
  }, 60_000);
});
