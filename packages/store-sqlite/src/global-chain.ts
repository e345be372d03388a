import type Database from 'better-sqlite3';
import {
  globalLink,
  GLOBAL_GENESIS,
  headMacMessage,
  linkMacMessage,
  type ChainHead,
  type ChainKey,
  type ChainRow,
  type ChainSource,
} from '@aimline/kernel';

/**
 * Schema 3 → 4: the global chain. Each event row gets its link (`chain_link`) and the link's
 * MAC (`chain_mac`, NULL when no key was configured); `chain_head` holds the head (count,
 * position, link, MAC). Events already stored are chained now, in position order, without a
 * MAC (the migration has no key): they are covered by the chain, but a rewrite recomputing the
 * chain over them is only caught by an anchor made before it.
 */
export const migrateToGlobalChain = (db: Database.Database): void => {
  db.exec(`
    ALTER TABLE events ADD COLUMN chain_link TEXT;
    ALTER TABLE events ADD COLUMN chain_mac TEXT;
    CREATE TABLE chain_head (
      id       INTEGER PRIMARY KEY CHECK (id = 1),
      count    INTEGER NOT NULL,
      position INTEGER NOT NULL,
      link     TEXT    NOT NULL,
      mac      TEXT
    ) STRICT;
  `);
  const update = db.prepare('UPDATE events SET chain_link = ? WHERE position = ?');
  let link = GLOBAL_GENESIS;
  let count = 0;
  let position = 0n;
  const rows = db
    .prepare(
      "SELECT position, CASE WHEN json_valid(metadata) THEN json_extract(metadata, '$.hash') END FROM events ORDER BY position",
    )
    .raw(true)
    .safeIntegers(true)
    .all() as Array<[bigint, string | null]>;
  for (const [p, hash] of rows) {
    link = globalLink(link, p, hash ?? '');
    update.run(link, p);
    position = p;
    count++;
  }
  db.prepare(
    'INSERT INTO chain_head (id, count, position, link, mac) VALUES (1, ?, ?, ?, NULL)',
  ).run(count, position, link);
};

export interface StoredHead extends ChainHead {
  readonly mac: string | null;
}

export const readHead = (statement: Database.Statement): StoredHead | undefined => {
  const row = statement.get() as [bigint, bigint, string, string | null] | undefined;
  return row === undefined
    ? undefined
    : { count: Number(row[0]), position: row[1], link: row[2], mac: row[3] };
};

/** Links and MACs for events about to be stored after `head`; the new head with its MAC. */
export const extendChain = (
  head: StoredHead,
  eventHashes: ReadonlyArray<string>,
  store: string,
  key: ChainKey | undefined,
): { links: Array<{ position: bigint; link: string; mac: string | null }>; head: StoredHead } => {
  let link = head.link;
  let position = head.position;
  const links = eventHashes.map((hash) => {
    position += 1n;
    link = globalLink(link, position, hash);
    return {
      position,
      link,
      mac: key === undefined ? null : key.mac(linkMacMessage(store, position, link)),
    };
  });
  const next = { count: head.count + eventHashes.length, position, link };
  return {
    links,
    head: { ...next, mac: key === undefined ? null : key.mac(headMacMessage(store, next)) },
  };
};

/** The stored global chain of a store, page by page, for `auditGlobalChain`. */
export const chainSource = (
  db: Database.Database,
  identity: string,
  head: StoredHead | undefined,
  pageSize: number,
): ChainSource => {
  const page = db
    .prepare(
      `SELECT position, stream, revision,
              CASE WHEN json_valid(metadata) THEN json_extract(metadata, '$.hash') END,
              chain_link, chain_mac
       FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    )
    .raw(true)
    .safeIntegers(true);
  return {
    identity,
    contiguous: true,
    head,
    rows: async function* (): AsyncGenerator<ChainRow> {
      let after = 0n;
      for (;;) {
        const rows = page.all(after, pageSize) as Array<
          [bigint, string, bigint, unknown, string | null, string | null]
        >;
        for (const r of rows)
          yield {
            position: r[0],
            stream: r[1],
            revision: Number(r[2]),
            eventHash: typeof r[3] === 'string' ? r[3] : '',
            link: r[4],
            mac: r[5],
          };
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]![0];
      }
    },
  };
};
