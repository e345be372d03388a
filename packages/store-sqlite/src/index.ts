export {
  SqliteEventStore,
  openSqliteEventStore,
  type SqliteEventStoreOptions,
} from './sqlite-event-store.js';
export { AIMLINE_APPLICATION_ID, SCHEMA_VERSION } from './schema.js';
export { type OpenMode } from './open-database.js';
export { openSpillFile, type SpillFile } from './spill-file.js';
