import Database from 'better-sqlite3';

/** The stored columns of one event, as text and numbers exactly as SQLite holds them. */
export interface StoredEventRow {
  readonly type: string;
  readonly schemaVersion: number;
  /** The event's data as stored JSON text (any text may be written back). */
  readonly data: string;
  /** The metadata as stored JSON text, hash chain included. */
  readonly metadata: string;
}

/**
 * For tests of what reads do with damaged history only: rewrites the stored row at
 * (stream, revision) of the SQLite store at `path` with what `change` returns, as an intruder
 * or a failing disk would, bypassing every check of the store. The store must not be open in
 * this process. Not exported from the package's main entry point.
 */
export const tamperSqliteForTesting = (
  path: string,
  stream: string,
  revision: number,
  change: (row: StoredEventRow) => StoredEventRow,
): void => {
  const db = new Database(path, { fileMustExist: true });
  try {
    const row = db
      .prepare(
        'SELECT type, schema_version AS schemaVersion, data, metadata FROM events WHERE stream = ? AND revision = ?',
      )
      .get(stream, revision) as StoredEventRow | undefined;
    if (row === undefined) throw new RangeError(`no event at ${stream}@${revision} in ${path}`);
    const altered = change(row);
    db.prepare(
      'UPDATE events SET type = ?, schema_version = ?, data = ?, metadata = ? WHERE stream = ? AND revision = ?',
    ).run(altered.type, altered.schemaVersion, altered.data, altered.metadata, stream, revision);
  } finally {
    db.close();
  }
};

/** An event's place: its stream and revision. */
export interface StoredPlace {
  readonly stream: string;
  readonly revision: number;
}

/** Runs one statement on the SQLite store at `path`, closed again at once (see below). */
const runOn = (
  path: string,
  statement: string,
  ...values: ReadonlyArray<string | number | Buffer | null>
) => {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.prepare(statement).run(...values);
  } finally {
    db.close();
  }
};

/**
 * For tests of what reads do with damaged history only: moves the stored row at `from` to
 * `to` (another stream, or another revision), as an intruder editing the file would, bypassing
 * every check of the store. The store must not be open in this process.
 */
export const moveSqliteRowForTesting = (path: string, from: StoredPlace, to: StoredPlace): void =>
  runOn(
    path,
    'UPDATE events SET stream = ?, revision = ? WHERE stream = ? AND revision = ?',
    to.stream,
    to.revision,
    from.stream,
    from.revision,
  );

/**
 * For tests of what reads do with damaged history only: deletes the stored row at `place`, as
 * an intruder editing the file would. The store must not be open in this process.
 */
export const deleteSqliteRowForTesting = (path: string, place: StoredPlace): void =>
  runOn(path, 'DELETE FROM events WHERE stream = ? AND revision = ?', place.stream, place.revision);

/** A column of the events table. */
export type EventColumn =
  'id' | 'stream' | 'revision' | 'type' | 'schema_version' | 'data' | 'metadata';

/**
 * For tests of what reads do with damaged history only: takes the events table's schema out of
 * STRICT and NOT NULL, as an intruder with the file could, then sets `column` of the row at
 * `place` to `value` of any type (text where a number belongs, a BLOB, NULL). The store must
 * not be open in this process.
 */
export const retypeSqliteColumnForTesting = (
  path: string,
  place: StoredPlace,
  column: EventColumn,
  value: string | number | Buffer | null,
): void => {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare(
      "UPDATE sqlite_schema SET sql = replace(replace(sql, ') STRICT', ')'), 'NOT NULL', '') WHERE name = 'events'",
    ).run();
  } finally {
    db.close();
  }
  runOn(
    path,
    `UPDATE events SET ${column} = ? WHERE stream = ? AND revision = ?`,
    value,
    place.stream,
    place.revision,
  );
};
