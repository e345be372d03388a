import type Database from 'better-sqlite3';
import {
  attachStoredJson,
  CorruptStoreError,
  unreadableStoredData,
  type ChainedMetadata,
  type RecordedEvent,
} from '@aimline/kernel';

/** The columns every event query selects, in this order (statements run in raw mode). */
export const EVENT_COLUMNS = 'position, id, stream, revision, type, schema_version, data, metadata';

/** A row of `EVENT_COLUMNS` as better-sqlite3 returns it in raw mode. */
export type EventRow = unknown[];

const COLUMN_NAMES = [
  'position',
  'id',
  'stream',
  'revision',
  'type',
  'schema_version',
  'data',
  'metadata',
];
const EXPECTED_TYPES = [
  'number',
  'string',
  'string',
  'number',
  'string',
  'number',
  'string',
  'string',
];

/** Where a row is: the file, the global position, and the stream and revision when readable. */
export const rowLocation = (row: EventRow, location: string): string => {
  const stream = typeof row[2] === 'string' ? `stream "${row[2]}"` : 'stream unreadable';
  const revision = typeof row[3] === 'number' ? `revision ${row[3]}` : 'revision unreadable';
  return `${location}, event at position ${String(row[0])} (${stream}, ${revision})`;
};

const corrupt = (row: EventRow, location: string, detail: string): CorruptStoreError =>
  new CorruptStoreError(rowLocation(row, location), detail);

const describeValue = (v: unknown): string =>
  v === null
    ? 'NULL'
    : Buffer.isBuffer(v)
      ? 'a BLOB'
      : typeof v === 'bigint'
        ? 'an out-of-range integer'
        : `a ${typeof v}`;

/** Each column of `row` that is not of its type, and what it is instead (never its value). */
const badColumns = (row: EventRow): string[] =>
  COLUMN_NAMES.flatMap((name, i) =>
    typeof row[i] === EXPECTED_TYPES[i] ? [] : [`${name} is ${describeValue(row[i])}`],
  );

/**
 * Whether a row has a place: a stream (text) and a revision (a whole number from 0). A row
 * without one is no event of any stream the store can name.
 */
const placed = (row: EventRow): boolean =>
  typeof row[2] === 'string' &&
  typeof row[3] === 'number' &&
  Number.isSafeInteger(row[3]) &&
  row[3] >= 0;

/**
 * What is wrong with a row whose stream or revision cannot be read (see `decodeRow`): the
 * columns not of their types (never their values), or undefined when the row has its place.
 * Told with the row's location (`rowLocation`) to whoever runs `aimline audit --verify`
 * (`SqliteEventStore.integrityCheck`) and by the append path, never to a principal's read.
 */
export const unplacedRowProblem = (row: EventRow): string | undefined =>
  placed(row)
    ? undefined
    : [
        ...badColumns(row),
        ...(typeof row[3] === 'number' && !(Number.isSafeInteger(row[3]) && row[3] >= 0)
          ? [`revision is ${row[3]}, not a whole number from 0`]
          : []),
      ].join(', ');

/**
 * Every event row of `db` without a place (`unplacedRowProblem`), each as
 * `file, event at position N (stream "…", revision unreadable): revision is a string`. One pass
 * over the log, asking SQLite for the rows whose stream or revision is not of its type.
 */
export const unplacedRows = (db: Database.Database, location: string): string[] =>
  (
    db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events
         WHERE typeof(stream) != 'text' OR typeof(revision) != 'integer' OR revision < 0
         ORDER BY position`,
      )
      .raw(true)
      .all() as EventRow[]
  ).flatMap((row) => {
    const problem = unplacedRowProblem(row);
    return problem === undefined ? [] : [`${rowLocation(row, location)}: ${problem}`];
  });

/**
 * The damage says which column is not JSON and nothing of its text: V8's message quotes the
 * characters around the fault (`Unexpected token 'A', "{"name":Ash Invent"...`), and a stored
 * row may hold a child's name. The row's location is given beside it.
 */
const parse = (text: string, column: string): { value: unknown } | { damage: string } => {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { damage: `the stored ${column} is not valid JSON` };
  }
};

const chainDamage = (metadata: unknown): string | undefined => {
  const m = metadata as Partial<ChainedMetadata> | null;
  return typeof m === 'object' &&
    m !== null &&
    typeof m.hash === 'string' &&
    typeof m.prevHash === 'string'
    ? undefined
    : 'the stored metadata is not an object with the hash chain (prevHash, hash)';
};

/**
 * Turns a stored row that has a place (a stream and a revision) into a recorded event. Runs once
 * per event on every read, so it does only the checks that keep a damaged row from passing as an
 * event: column types, JSON, and the hash-chain fields.
 *
 * A row whose other columns are not of their types (a schema tampered out of STRICT), or whose
 * data or metadata text is not JSON (or whose metadata lacks the hash chain), is still an event
 * at a known stream and revision: it comes out with `unreadableStoredData(why)` as its data,
 * which every event decoder refuses (so readers report it, as their principal may be told of it,
 * and go on with the rest), and, when the metadata is the damaged part, empty hash-chain fields,
 * which chain verification reports as a broken link at that revision. A type that is not text
 * reads as `''` (no event type is empty: only a reader shown every type is told where it is), an
 * id as `''`, a schema version as 0. `damage` says why, naming columns and never their values;
 * the append path refuses such rows.
 */
export const decodeRowWithDamage = (
  row: EventRow,
  location: string,
): { readonly event: RecordedEvent; readonly damage: string | undefined } => {
  const unplaced = unplacedRowProblem(row);
  if (unplaced !== undefined) throw corrupt(row, location, unplaced);
  const [position, id, stream, revision, type, schemaVersion, data, metadata] = row as [
    number,
    unknown,
    string,
    number,
    unknown,
    unknown,
    unknown,
    unknown,
  ];
  const wrongTypes = badColumns(row);
  const columnDamage =
    wrongTypes.length === 0
      ? undefined
      : `the stored row's columns are not of their types: ${wrongTypes.join(', ')}`;
  const parsedData = typeof data === 'string' ? parse(data, 'data') : undefined;
  const parsedMetadata = typeof metadata === 'string' ? parse(metadata, 'metadata') : undefined;
  const metadataDamage =
    parsedMetadata === undefined
      ? columnDamage
      : 'damage' in parsedMetadata
        ? parsedMetadata.damage
        : chainDamage(parsedMetadata.value);
  const damage =
    columnDamage ??
    (parsedData !== undefined && 'damage' in parsedData ? parsedData.damage : metadataDamage);
  const event: RecordedEvent = {
    id: typeof id === 'string' ? id : '',
    stream,
    revision,
    position: BigInt(position),
    type: typeof type === 'string' ? type : '',
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 0,
    data:
      damage === undefined
        ? (parsedData as { value: unknown }).value
        : unreadableStoredData(damage),
    metadata:
      metadataDamage === undefined
        ? ((parsedMetadata as { value: unknown }).value as ChainedMetadata)
        : ({ prevHash: '', hash: '' } as ChainedMetadata),
  };
  // The stored canonical texts travel with the event, so hash verification reads the bytes
  // as stored instead of serialising the parsed values again.
  return {
    event:
      metadataDamage === undefined && typeof data === 'string' && typeof metadata === 'string'
        ? attachStoredJson(event, { data, metadata })
        : event,
    damage,
  };
};

/**
 * `decodeRowWithDamage` for reads: a damaged event is delivered for its reader to refuse. A row
 * without a place (its stream or revision not readable) is no event of any stream the store can
 * name: it is left out (undefined), so no read of another stream, nor any principal, meets an
 * error naming it; the stream it was part of reads as one with a revision missing, which the
 * stream's own check reports to its readers as they may be told of it (`streamDamage` of
 * `@aimline/projections`), and `audit --verify` locates the row exactly (`integrityCheck`).
 */
export const decodeRow = (row: EventRow, location: string): RecordedEvent | undefined =>
  placed(row) ? decodeRowWithDamage(row, location).event : undefined;

/**
 * `decodeRowWithDamage` for the append path, which chains from and compares against stored
 * events: a damaged row throws a `CorruptStoreError` naming it rather than being built upon.
 */
export const decodeRowStrictly = (row: EventRow, location: string): RecordedEvent => {
  const { event, damage } = decodeRowWithDamage(row, location);
  if (damage !== undefined) throw corrupt(row, location, damage);
  return event;
};
