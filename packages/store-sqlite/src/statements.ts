import type Database from 'better-sqlite3';
import { EVENT_COLUMNS } from './rows.js';

export type Statement = Database.Statement<unknown[], unknown>;

export interface Statements {
  readonly byId: Statement;
  readonly last: Statement;
  readonly insert: Statement;
  readonly revision: Statement;
  readonly forwards: Statement;
  readonly backwards: Statement;
  readonly all: Statement;
  readonly loadCheckpoint: Statement;
  readonly saveCheckpoint: Statement;
}

export const prepareStatements = (db: Database.Database): Statements => ({
  byId: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`).raw(true),
  last: db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1`)
    .raw(true),
  insert: db.prepare(
    'INSERT INTO events (id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ),
  revision: db.prepare('SELECT max(revision) FROM events WHERE stream = ?').pluck(true),
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
});
