import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  collect,
  auditGlobalChain,
  canonicalEventText,
  checkAnchor,
  computeHead,
  globalLink,
  GLOBAL_GENESIS,
  hmacChainKey,
  signAnchor,
  verifyLink,
  type ChainBreak,
  type GlobalChainBreak,
} from '@aimline/kernel';
import { samples } from '@aimline/kernel/testing';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'aimline-tamper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const key = hmacChainKey('test-key', randomBytes(32));
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

/**
 * A closed store (chain key set) of four cases appended in turns, 16 events:
 * positions 1–4 case-1..4 rev 0, 5–8 rev 1, … 13–16 rev 3.
 */
const original = await (async () => {
  const path = join(dir, 'original.db');
  const store = openSqliteEventStore(path, { chainKey: key });
  for (let round = 0; round < 4; round++)
    for (let c = 1; c <= 4; c++)
      await store.append(`case-${c}`, samples(1, round), { expectedRevision: 'any' });
  await store.dispose();
  return path;
})();

const copy = (): string => {
  const path = join(dir, `copy-${n++}.db`);
  copyFileSync(original, path);
  return path;
};

/** Alters the file with SQLite directly, as someone with the file (not the key) would. */
const alter = (path: string, f: (db: Database.Database) => void): void => {
  const db = new Database(path);
  try {
    f(db);
  } finally {
    db.close();
  }
};

interface Findings {
  readonly streams: ChainBreak[];
  readonly global: GlobalChainBreak[];
  readonly integrity: string[];
}

/** Everything `aimline audit --verify` checks, on the file opened read-only. */
const verifyFile = async (path: string, withKey = true): Promise<Findings> => {
  const store = openSqliteEventStore(path, { mode: 'read-only' });
  try {
    const streams: ChainBreak[] = [];
    const last = new Map<string, { revision: number; hash: string }>();
    for (const e of await collect(store.readAll())) {
      if (streams.some((b) => b.stream === e.stream)) continue;
      const broken = verifyLink(e, last.get(e.stream));
      if (broken) streams.push(broken);
      else last.set(e.stream, { revision: e.revision, hash: e.metadata.hash });
    }
    const global = (await auditGlobalChain(store.chainSource(), withKey ? key : undefined)).breaks;
    return { streams, global: [...global], integrity: store.integrityCheck() };
  } finally {
    await store.dispose();
  }
};

describe('tamper evidence: every alteration made with SQLite directly is detected and located', () => {
  it('given the untouched store, then every check passes', async () => {
    expect(await verifyFile(original)).toEqual({ streams: [], global: [], integrity: ['ok'] });
  });

  it('deleting the last event of a case: the missing position is named', async () => {
    const path = copy();
    alter(path, (db) =>
      db.prepare("DELETE FROM events WHERE stream = 'case-2' AND revision = 3").run(),
    );
    const found = await verifyFile(path);
    expect(found.streams).toEqual([]); // invisible to the per-stream chains
    expect(found.global).toContainEqual({ kind: 'MissingPositions', from: 14n, to: 14n });
    expect(found.global).toContainEqual(
      expect.objectContaining({ kind: 'LinkMismatch', position: 15n, stream: 'case-3' }),
    );
  });

  it('deleting a whole case: each missing position is named', async () => {
    const path = copy();
    alter(path, (db) => db.prepare("DELETE FROM events WHERE stream = 'case-4'").run());
    const found = await verifyFile(path);
    for (const p of [4n, 8n, 12n])
      expect(found.global).toContainEqual({ kind: 'MissingPositions', from: p, to: p });
    expect(found.global).toContainEqual(expect.objectContaining({ kind: 'HeadMismatch' }));
  });

  it('cutting the tail of the global log: the head names what is missing', async () => {
    const path = copy();
    alter(path, (db) => db.prepare('DELETE FROM events WHERE position > 13').run());
    const found = await verifyFile(path);
    expect(found.global).toMatchObject([
      {
        kind: 'HeadMismatch',
        head: { count: 16, position: 16n },
        found: { count: 13, position: 13n },
      },
    ]);
  });

  it('swapping the positions of events in different streams: the first swapped position is named', async () => {
    const path = copy();
    alter(path, (db) => {
      db.prepare('UPDATE events SET position = 100 WHERE position = 6').run();
      db.prepare('UPDATE events SET position = 6 WHERE position = 7').run();
      db.prepare('UPDATE events SET position = 7 WHERE position = 100').run();
    });
    const found = await verifyFile(path);
    expect(found.streams).toEqual([]);
    expect(found.global[0]).toEqual(
      expect.objectContaining({ kind: 'LinkMismatch', position: 6n, stream: 'case-3' }),
    );
  });

  it('rewriting an event and recomputing every chain and the head: the chain key names the event; without the key only an anchor made before catches it', async () => {
    const path = copy();
    const store = openSqliteEventStore(original, { mode: 'read-only' });
    const anchor = signAnchor(
      {
        format: 'aimline-anchor/1',
        store: await store.identity(),
        ...(await computeHead(store).then((h) => ({
          position: h.position.toString(),
          count: h.count,
          head: h.link,
        }))),
        createdAt: '2026-11-25T12:00:00.000Z',
      },
      privatePem,
    );
    await store.dispose();
    alter(path, (db) => rewriteAndRecompute(db, 'case-1', 2));
    const keyed = await verifyFile(path);
    expect(keyed.streams).toEqual([]);
    expect(keyed.global.filter((b) => b.kind === 'LinkMismatch')).toEqual([]);
    expect(keyed.global[0]).toEqual(
      expect.objectContaining({ kind: 'MacMismatch', position: 9n, stream: 'case-1', revision: 2 }),
    );
    expect((await verifyFile(path, false)).global).toEqual([]);
    const rewritten = openSqliteEventStore(path, { mode: 'read-only' });
    const check = await checkAnchor(rewritten, anchor, publicPem);
    await rewritten.dispose();
    expect(check).toMatchObject({
      signatureValid: true,
      sameStore: true,
      intact: false,
      missing: 0,
    });
  });

  it('a corrupted index page: SQLite integrity_check reports it', async () => {
    const path = copy();
    let page = 0;
    let pageSize = 0;
    alter(path, (db) => {
      db.pragma('journal_mode = DELETE');
      page = db
        .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'events_stream_revision'")
        .pluck()
        .get() as number;
      pageSize = db.pragma('page_size', { simple: true }) as number;
    });
    const bytes = readFileSync(path);
    bytes.fill(0x5a, (page - 1) * pageSize + 8, (page - 1) * pageSize + 64);
    writeFileSync(path, bytes);
    const store = openSqliteEventStore(path, { mode: 'read-only' });
    try {
      expect(store.integrityCheck()).not.toEqual(['ok']);
    } finally {
      await store.dispose();
    }
  });

  it('commits lost with a deleted WAL file: the anchor names how many acknowledged events are gone', async () => {
    const path = join(dir, `wal-${n++}.db`);
    const store = openSqliteEventStore(path, { chainKey: key });
    await store.append('case-1', samples(2), { expectedRevision: 'no-stream' });
    await store.dispose(); // checkpointed into the main file
    const live = openSqliteEventStore(path, { chainKey: key });
    for (let i = 0; i < 63; i++)
      await live.append(`case-${i + 2}`, samples(1), { expectedRevision: 'no-stream' });
    const head = await computeHead(live);
    const anchor = signAnchor(
      {
        format: 'aimline-anchor/1',
        store: await live.identity(),
        position: head.position.toString(),
        count: head.count,
        head: head.link,
        createdAt: '2026-11-25T12:00:00.000Z',
      },
      privatePem,
    );
    // The main file alone, as left when the -wal file is deleted before a checkpoint.
    const lost = join(dir, `wal-lost-${n++}.db`);
    copyFileSync(path, lost);
    await live.dispose();
    const found = await verifyFile(lost);
    expect(found.global).toEqual([]); // consistent in itself: only an anchor can tell
    const opened = openSqliteEventStore(lost, { mode: 'read-only', readOnlyImage: true });
    const check = await checkAnchor(opened, anchor, publicPem);
    // The same claims signed with another key, or the anchor altered: it states nothing, so no
    // events are reported missing or added from its unverified members.
    const { signature: _signature, ...claims } = anchor;
    const forgedBy = generateKeyPairSync('ed25519').privateKey;
    const forged = await checkAnchor(opened, signAnchor(claims, forgedBy), publicPem);
    const altered = await checkAnchor(opened, { ...anchor, count: 9000 }, publicPem);
    await opened.dispose();
    expect(check).toMatchObject({ intact: false, missing: 63, found: { count: 2, position: 2n } });
    expect(forged).toEqual({ signatureValid: false, intact: false });
    expect(altered).toEqual({ signatureValid: false, intact: false });
  });
});

/**
 * Rewrites the data of one event and recomputes, as a careful intruder without the key would:
 * its per-stream hash and the stream's later hashes, every global link from it on, and the head.
 */
const rewriteAndRecompute = (db: Database.Database, stream: string, revision: number): void => {
  const sha = (prev: string, text: string) =>
    createHash('sha256').update(prev).update(text).digest('hex');
  const rows = db
    .prepare(
      'SELECT position, id, revision, type, schema_version, data, metadata FROM events WHERE stream = ? AND revision >= ? ORDER BY revision',
    )
    .raw(true)
    .all(stream, revision) as Array<[number, string, number, string, number, string, string]>;
  let prevHash: string | undefined;
  for (const [position, id, rev, type, schemaVersion, data, metadataText] of rows) {
    const metadata = JSON.parse(metadataText) as Record<string, unknown>;
    const newData = rev === revision ? data.replace('"note":"sample', '"note":"REWRITTEN') : data;
    const { hash: _h, ...rest } = metadata;
    const unhashed = { ...rest, prevHash: prevHash ?? (metadata['prevHash'] as string) };
    const sorted = JSON.stringify(unhashed, Object.keys(unhashed).sort());
    const hash = sha(
      unhashed.prevHash,
      canonicalEventText({ id, stream, revision: rev, type, schemaVersion }, newData, sorted),
    );
    const full = { ...unhashed, hash };
    db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(
      newData,
      JSON.stringify(full, Object.keys(full).sort()),
      position,
    );
    prevHash = hash;
  }
  let link = GLOBAL_GENESIS;
  let count = 0;
  let last = 0;
  for (const [position, metadata] of db
    .prepare('SELECT position, metadata FROM events ORDER BY position')
    .raw(true)
    .all() as Array<[number, string]>) {
    link = globalLink(link, BigInt(position), (JSON.parse(metadata) as { hash: string }).hash);
    db.prepare('UPDATE events SET chain_link = ? WHERE position = ?').run(link, position);
    count++;
    last = position;
  }
  db.prepare('UPDATE chain_head SET count = ?, position = ?, link = ? WHERE id = 1').run(
    count,
    last,
    link,
  );
};
