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

const badColumns = (row: EventRow): string =>
  COLUMN_NAMES.flatMap((name, i) =>
    typeof row[i] === EXPECTED_TYPES[i] ? [] : [`${name} is ${describeValue(row[i])}`],
  ).join(', ');

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
 * Turns a stored row into a recorded event. Runs once per event on every read, so it does
 * only the checks that keep a damaged row from passing as an event: column types, JSON, and
 * the hash-chain fields.
 *
 * A row whose columns have the wrong types (a tampered schema) throws a `CorruptStoreError`
 * naming it: without a readable stream and revision there is no event to report. A row whose
 * data or metadata text is not JSON (or whose metadata lacks the hash chain) is still an event
 * at a known stream and revision: it comes out with `unreadableStoredData(why)` as its data,
 * which every event decoder refuses (so readers report it and go on with the rest), and, when
 * the metadata is the damaged part, empty hash-chain fields, which chain verification reports
 * as a broken link at that revision. `damage` says why; the append path refuses such rows.
 */
export const decodeRowWithDamage = (
  row: EventRow,
  location: string,
): { readonly event: RecordedEvent; readonly damage: string | undefined } => {
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
  const parsedData = parse(data, 'data');
  const parsedMetadata = parse(metadata, 'metadata');
  const metadataDamage =
    'damage' in parsedMetadata ? parsedMetadata.damage : chainDamage(parsedMetadata.value);
  const damage = 'damage' in parsedData ? parsedData.damage : metadataDamage;
  const event: RecordedEvent = {
    id,
    stream,
    revision,
    position: BigInt(row[0] as number),
    type,
    schemaVersion,
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
    event: metadataDamage === undefined ? attachStoredJson(event, { data, metadata }) : event,
    damage,
  };
};

/** `decodeRowWithDamage` for reads: a damaged event is delivered for its reader to refuse. */
export const decodeRow = (row: EventRow, location: string): RecordedEvent =>
  decodeRowWithDamage(row, location).event;

/**
 * `decodeRowWithDamage` for the append path, which chains from and compares against stored
 * events: a damaged row throws a `CorruptStoreError` naming it rather than being built upon.
 */
export const decodeRowStrictly = (row: EventRow, location: string): RecordedEvent => {
  const { event, damage } = decodeRowWithDamage(row, location);
  if (damage !== undefined) throw corrupt(row, location, damage);
  return event;
};
