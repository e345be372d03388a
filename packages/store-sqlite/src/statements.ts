import type Database from 'better-sqlite3';
import { EVENT_COLUMNS } from './rows.js';

export type Statement = Database.Statement<unknown[], unknown>;

export interface Statements {
  readonly byId: Statement;
  readonly last: Statement;
  readonly insert: Statement;
  readonly revision: Statement;
  /** The last revision of each stream of a JSON array of names (absent streams: NULL). */
  readonly revisions: Statement;
  readonly forwards: Statement;
  readonly backwards: Statement;
  readonly all: Statement;
  readonly loadCheckpoint: Statement;
  readonly saveCheckpoint: Statement;
  /** A command's id, fingerprint, stream, first revision, first and last position. */
  readonly command: Statement;
  readonly insertCommand: Statement;
  /** The last position a stream's commands recorded (no row for none): `recordedStreamEnd`. */
  readonly streamEnd: Statement;
  /** The position of the table's last row (null when it is empty): `headPosition`. */
  readonly lastPosition: Statement;
  /** Events between two positions (inclusive). */
  readonly range: Statement;
  readonly identity: Statement;
  /** The global chain's head (count, position, link, MAC). */
  readonly head: Statement;
  readonly saveHead: Statement;
}

export const prepareStatements = (db: Database.Database): Statements => ({
  byId: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`).raw(true),
  last: db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1`)
    .raw(true),
  insert: db.prepare(
    'INSERT INTO events (position, id, stream, revision, type, schema_version, data, metadata, chain_link, chain_mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ),
  head: db
    .prepare('SELECT count, position, link, mac FROM chain_head WHERE id = 1')
    .raw(true)
    .safeIntegers(true),
  saveHead: db.prepare(
    'UPDATE chain_head SET count = ?, position = ?, link = ?, mac = ? WHERE id = 1',
  ),
  revision: db.prepare('SELECT max(revision) FROM events WHERE stream = ?').pluck(true),
  revisions: db
    .prepare(
      'SELECT value, (SELECT max(revision) FROM events WHERE stream = value) FROM json_each(?)',
    )
    .raw(true),
  forwards: db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    )
    .raw(true),
  backwards: db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    )
    .raw(true),
  all: db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
    .raw(true),
  loadCheckpoint: db
    .prepare('SELECT position FROM checkpoints WHERE name = ?')
    .pluck(true)
    .safeIntegers(true),
  saveCheckpoint: db.prepare(
    'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
  ),
  command: db
    .prepare(
      `SELECT c.id, c.fingerprint, c.stream, e.revision, c.first_position, c.last_position
       FROM commands c LEFT JOIN events e ON e.position = c.first_position WHERE c.id = ?`,
    )
    .raw(true),
  insertCommand: db.prepare(
    'INSERT INTO commands (id, fingerprint, stream, first_position, last_position) VALUES (?, ?, ?, ?, ?)',
  ),
  streamEnd: db
    .prepare(
      'SELECT last_position FROM commands WHERE stream = ? ORDER BY last_position DESC LIMIT 1',
    )
    .pluck(true)
    .safeIntegers(true),
  lastPosition: db.prepare('SELECT max(position) FROM events').pluck(true).safeIntegers(true),
  range: db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position BETWEEN ? AND ? ORDER BY position`)
    .raw(true),
  identity: db.prepare("SELECT value FROM store_info WHERE key = 'identity'").pluck(true),
});
