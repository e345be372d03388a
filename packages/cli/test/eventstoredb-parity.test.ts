import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '@aimline/kernel';
import { openEventStoreDbStore } from '@aimline/store-eventstoredb';
import {
  EsdbNode,
  freePort,
  pause,
  randomLoopbackAddress,
  singleNodeSettings,
  temporaryDataDirectory,
} from '../../store-eventstoredb/test/support/esdb-node.js';
import { ownServer } from '../../store-eventstoredb/test/support/single-node.js';
import { asAuditor, runCli } from './run-cli.js';

// The CLI on a real EventStoreDB node (started by the test) gives the same answers as on
// SQLite for the same demo: compared by their --json output. Only `project`'s positions
// differ (each store numbers its global order its own way) and are compared by shape.
const own = ownServer('CLI TESTS ON A REAL EVENTSTOREDB');
const DEMO = ['--cases', '3', '--seed', '7', '--years', '1', '--from', '2024-01-08T09:00:00Z'];

const json = async (store: string, args: string[]): Promise<unknown> => {
  const r = await runCli(['--store', store, '--json', ...args]);
  expect(r.code, `${args.join(' ')} on ${store}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as unknown;
};

/** `project`'s output with every position (store-specific numbering) replaced by its type. */
const withoutPositions = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (key, v: unknown) =>
      key === 'position' && typeof v === 'string' && /^\d+$/.test(v) ? 'a position' : v,
    ),
  ) as unknown;

describe('aimline on EventStoreDB: failures at the edge', () => {
  it('an unreachable server at start: exit 3 naming the URL and the cause, no stack trace', async () => {
    const address = randomLoopbackAddress();
    const url = `esdb://${address}:${await freePort(address)}?tls=false`;
    const r = await runCli([...asAuditor(), '--store', url, 'audit', '--verify']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(url);
    expect(r.stderr).toMatch(/ECONNREFUSED|No connection established|UNAVAILABLE/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  if (!('skip' in own))
    it('a server killed mid-command: exit 3 with a typed, retryable failure; after its restart every chain verifies', async () => {
      const node = new EsdbNode(
        await singleNodeSettings(own.bin, temporaryDataDirectory('cli-kill')),
      );
      await node.start();
      const watcher = openEventStoreDbStore(node.url);
      try {
        const demo = runCli(['--store', node.url, 'demo', ...DEMO]);
        // Polled: kill -9 once the demo has recorded some history.
        const deadline = Date.now() + 120_000;
        while ((await collect(watcher.readAll({ maxCount: 20 }))).length < 20) {
          if (Date.now() > deadline) throw new Error('the demo recorded nothing');
          await pause(20);
        }
        await node.kill9();
        const r = await demo;
        expect(r.code, r.stderr + r.stdout.slice(-2000)).toBe(3);
        expect(r.stderr).toMatch(/unavailable.*retryable/is);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        await node.start();
        const audit = await runCli([
          ...asAuditor(),
          '--store',
          node.url,
          '--json',
          'audit',
          '--verify',
        ]);
        expect(audit.code, audit.stderr).toBe(0);
        expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true });
      } finally {
        await watcher.dispose();
        await node.stop();
        node.removeData();
      }
    }, 300_000);
});

if ('skip' in own)
  describe.skip(`aimline on EventStoreDB: SKIPPED — ${own.skip}`, () => {
    it('gives the same answers as on SQLite (skipped, see the reason above)', () => {
      expect(own.skip).toMatch(/\S/);
    });
  });
else
  describe('aimline on a real EventStoreDB node gives the same answers as on SQLite', () => {
    let node: EsdbNode | undefined;
    let esdb = '';
    const dir = mkdtempSync(join(tmpdir(), 'aimline-parity-'));
    const sqlite = `sqlite:${join(dir, 'events.db')}`;
    const principals = join(dir, 'principals.json');
    let hsbCase = '';

    beforeAll(async () => {
      node = new EsdbNode(await singleNodeSettings(own.bin));
      await node.start();
      esdb = node.url;
      // Both write the same invented directory (same seed) to one file the reads then use.
      const directory = ['--principals', principals];
      const onEsdb = (await json(esdb, [...directory, 'demo', ...DEMO])) as {
        sampleCases: { hsb: string };
      };
      const onSqlite = await json(sqlite, [...directory, 'demo', ...DEMO]);
      expect(onEsdb).toEqual(onSqlite);
      hsbCase = onEsdb.sampleCases.hsb;
    }, 300_000);
    afterAll(async () => {
      await node?.stop();
      node?.removeData();
    }, 60_000);

    it('audit --verify: every chain verifies, the same events and streams', async () => {
      // SQLite checks more (its global chain and integrity_check): compare what both check.
      const common = (r: unknown) => {
        const { ok, events, streams, problems } = r as Record<string, unknown>;
        return { ok, events, streams, problems };
      };
      const a = common(await json(esdb, ['audit', '--verify']));
      expect(a).toEqual(common(await json(sqlite, ['audit', '--verify'])));
      expect(a).toMatchObject({ ok: true, problems: [] });
    });

    it('timeline of an HSB case: the same phases, entries and deadlines', async () => {
      const reader = ['--as', 'aud-inspector-1', '--principals', principals];
      const log = ['--access-log', join(dir, 'esdb-access-log.jsonl')];
      expect(await json(esdb, [...reader, ...log, 'timeline', hsbCase])).toEqual(
        await json(sqlite, [...reader, 'timeline', hsbCase]),
      );
    });

    it('deadlines as of a date: the same obligations, statuses and explanations', async () => {
      const reader = ['--as', 'aud-inspector-1', '--principals', principals];
      const args = [...reader, 'deadlines', '--as-of', '2024-10-01'];
      const log = ['--access-log', join(dir, 'esdb-access-log.jsonl')];
      expect(await json(esdb, [...log, ...args])).toEqual(await json(sqlite, args));
    });

    it('project: the same projections from their checkpoints (positions are each store’s own)', async () => {
      const reader = ['--as', 'aud-inspector-1', '--principals', principals];
      const run = async (store: string, label: string) =>
        withoutPositions(
          await json(store, [
            ...reader,
            ...(store === esdb ? ['--access-log', join(dir, 'esdb-access-log.jsonl')] : []),
            'project',
            '--snapshots',
            join(dir, `snapshots-${label}`),
          ]),
        );
      expect(await run(esdb, 'esdb')).toEqual(await run(sqlite, 'sqlite'));
      // Caught up: a second run has nothing new on either store.
      expect(await run(esdb, 'esdb')).toEqual(await run(sqlite, 'sqlite'));
    });
  });
