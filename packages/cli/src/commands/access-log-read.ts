import {
  readAccessLogFile,
  unkeyedAccessEntries,
  verifyAccessLog,
  type LoggedAccess,
} from '@aimline/governance';
import { accessLogPath } from '../access.js';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';

/** What the chain key leaves unchecked: said, never a failure (as `audit --verify` says it). */
export const macNotes = (entries: ReadonlyArray<LoggedAccess>, keyed: boolean): string[] => {
  const unkeyed = unkeyedAccessEntries(entries);
  if (!keyed)
    return [
      unkeyed < entries.length
        ? 'the entries carry MACs, not checked: no chain key set (AIMLINE_CHAIN_KEY_FILE)'
        : 'no chain key set (AIMLINE_CHAIN_KEY_FILE): a rewrite that recomputes every hash would not be detected',
    ];
  return unkeyed === 0
    ? []
    : [`${unkeyed} entries were recorded before a chain key was set (no MAC to check)`];
};

/** The log file these commands read: never a `memory:` store's (it keeps none). */
export const accessLogFileOf = (rt: Runtime): string => {
  const place = accessLogPath(rt.accessLogFile, rt.location, rt.readOnly);
  if (!('file' in place))
    throw new CliError('a memory: store keeps no access log to read', ExitCode.Usage);
  return place.file;
};

/** The log as the file holds it, and everything its own chain says about it. */
export const readLog = (rt: Runtime, file: string) => {
  const { entries, damaged } = readAccessLogFile(file);
  const chain = verifyAccessLog(entries, rt.chainKey);
  const problems = [
    ...damaged.map((d) => `line ${d.line} is not an entry (${d.why})`),
    ...(chain.ok ? [] : chain.breaks.map((b) => b.why)),
  ];
  return { entries, damaged, chain, problems };
};
