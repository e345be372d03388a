import {
  attachStoredJson,
  CorruptStoreError,
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

const corrupt = (
  row: EventRow,
  location: string,
  detail: string,
  cause?: unknown,
): CorruptStoreError => new CorruptStoreError(rowLocation(row, location), detail, cause);

const describeValue = (v: unknown): string =>
  v === null
    ? 'NULL'
    : Buffer.isBuffer(v)
      ? 'a BLOB'
      : typeof v === 'bigint'
        ? 'an out-of-range integer'
        : `a ${typeof v}`;

const badColumns = (row: EventRow): string =>
  COLUMN_NAMES.flatMap((name, i) =>
    typeof row[i] === EXPECTED_TYPES[i] ? [] : [`${name} is ${describeValue(row[i])}`],
  ).join(', ');

const parse = (text: string, row: EventRow, location: string, column: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw corrupt(row, location, `${column} is not valid JSON (${(e as Error).message})`, e);
  }
};

/**
 * Turns a stored row into a recorded event, or throws a `CorruptStoreError` naming the row.
 * Runs once per event on every read, so it does only the checks that keep a damaged row
 * from passing as an event: column types, JSON, and the hash-chain fields.
 */
export const decodeRow = (row: EventRow, location: string): RecordedEvent => {
  const id = row[1];
  const stream = row[2];
  const revision = row[3];
  const type = row[4];
  const schemaVersion = row[5];
  const data = row[6];
  const metadata = row[7];
  if (
    typeof id !== 'string' ||
    typeof stream !== 'string' ||
    typeof revision !== 'number' ||
    typeof type !== 'string' ||
    typeof schemaVersion !== 'number' ||
    typeof data !== 'string' ||
    typeof metadata !== 'string'
  )
    throw corrupt(row, location, badColumns(row));
  const parsedData = parse(data, row, location, 'data');
  const parsedMetadata = parse(metadata, row, location, 'metadata') as ChainedMetadata | null;
  if (
    typeof parsedMetadata !== 'object' ||
    parsedMetadata === null ||
    typeof parsedMetadata.hash !== 'string' ||
    typeof parsedMetadata.prevHash !== 'string'
  )
    throw corrupt(row, location, 'metadata is not an object with the hash chain (prevHash, hash)');
  // The stored canonical texts travel with the event, so hash verification reads the bytes
  // as stored instead of serialising the parsed values again.
  return attachStoredJson(
    {
      id,
      stream,
      revision,
      position: BigInt(row[0] as number),
      type,
      schemaVersion,
      data: parsedData,
      metadata: parsedMetadata,
    },
    { data, metadata },
  );
};
