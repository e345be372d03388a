import { rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * A scratch SQLite file for a bounded per-stream table (`spillingStreamTable` in
 * `@aimline/projections`): the streams' values it lets go of, kept with the order each stream
 * was first set in. Values are written as JSON text, the round trip a projection's state
 * must already survive (its snapshots are JSON). The file is scratch, not evidence: no
 * journal and no fsync; it is created owner-only and deleted by `close` (it holds folded,
 * decrypted state, so it must live in a private directory and never outlive the replay).
 */
export interface SpillFile<V> {
  write(
    rows: ReadonlyArray<readonly [string, { readonly order: number; readonly value: V }]>,
  ): void;
  read(stream: string): { order: number; value: V } | undefined;
  entries(): Iterable<readonly [string, V]>;
  /** Closes and deletes the file. */
  close(): void;
}

export const openSpillFile = <V>(path: string): SpillFile<V> => {
  rmSync(path, { force: true });
  writeFileSync(path, '', { mode: 0o600, flag: 'wx' });
  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -2048');
  db.pragma('locking_mode = EXCLUSIVE');
  // The order is the rowid (entries are read back in it); a stream is found by its own index,
  // which holds no values, so asking for a stream never spilled touches few pages.
  db.exec(
    'CREATE TABLE spill (ord INTEGER PRIMARY KEY, stream TEXT NOT NULL UNIQUE, value TEXT NOT NULL)',
  );
  const put = db.prepare('INSERT OR REPLACE INTO spill (stream, ord, value) VALUES (?, ?, ?)');
  const get = db.prepare<[string], { ord: number; value: string }>(
    'SELECT ord, value FROM spill WHERE stream = ?',
  );
  const all = db.prepare<[], { stream: string; value: string }>(
    'SELECT stream, value FROM spill ORDER BY ord',
  );
  const writeAll = db.transaction(
    (rows: ReadonlyArray<readonly [string, { readonly order: number; readonly value: V }]>) => {
      for (const [stream, { order, value }] of rows) put.run(stream, order, JSON.stringify(value));
    },
  );
  return {
    write: (rows) => {
      writeAll(rows);
    },
    read: (stream) => {
      const row = get.get(stream);
      return row === undefined ? undefined : { order: row.ord, value: JSON.parse(row.value) as V };
    },
    *entries() {
      for (const row of all.iterate()) yield [row.stream, JSON.parse(row.value) as V];
    },
    close: () => {
      db.close();
      rmSync(path, { force: true });
    },
  };
};
