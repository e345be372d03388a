import { resolve } from 'node:path';
import { fileAccessLog, memoryAccessLog, type AccessLog } from '@aimline/governance';
import type { ChainKey } from '@aimline/kernel';
import { CliError, ExitCode } from './exit-codes.js';
import type { StoreLocation } from './store-url.js';

/**
 * Where the access log lives: `--access-log FILE` (or AIMLINE_ACCESS_LOG); else beside a SQLite
 * store (`PATH.access-log.jsonl`); in memory for a `memory:` store. EventStoreDB and
 * `--read-only` evidence copies need the flag: the log is never written into the event store
 * or beside an evidence copy.
 */
export const accessLogPath = (
  given: string | undefined,
  location: StoreLocation,
  readOnly: boolean,
): AccessLogPlace => {
  if (given !== undefined) return { file: given };
  if (location.kind === 'memory') return { memory: true };
  if (location.kind === 'sqlite' && !readOnly)
    return { file: `${resolve(location.path)}.access-log.jsonl` };
  throw new CliError(
    `reading personal data is recorded in an access log: give --access-log FILE (or AIMLINE_ACCESS_LOG)${
      readOnly ? ' outside the evidence copy' : ' for an EventStoreDB store'
    }`,
    ExitCode.Usage,
  );
};

/** A file, or memory for a `memory:` store. */
export type AccessLogPlace = { readonly file: string } | { readonly memory: true };

/**
 * The access log of a place; a file that cannot be read or written is `AccessLogUnavailable`
 * (exit 3). With the chain key (AIMLINE_CHAIN_KEY_FILE), each entry carries its link's MAC.
 */
export const openAccessLog = (place: AccessLogPlace, key: ChainKey | undefined): AccessLog => {
  const options = key === undefined ? {} : { key };
  return 'memory' in place ? memoryAccessLog(options) : fileAccessLog(place.file, options);
};
