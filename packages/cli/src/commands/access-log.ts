import {
  readAccessLogFile,
  unkeyedAccessEntries,
  verifyAccessLog,
  type AccessLogBreak,
  type LoggedAccess,
} from '@aimline/governance';
import { accessLogPath } from '../access.js';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';

type Deletion = Extract<AccessLogBreak, { kind: 'deleted' }>;

/** A row of the answer: a read of the person, or entries deleted at that place in the log. */
type Row =
  { readonly read: LoggedAccess & { readonly altered: boolean } } | { readonly deleted: Deletion };

/** A deletion's row: where the missing entries stood (the times of the entries around them). */
const deletedRow = (d: Deletion): string[] => [
  '(deleted)',
  d.missing.from === d.missing.to
    ? `entry ${d.missing.from}`
    : `entries ${d.missing.from}-${d.missing.to}`,
  '',
  '',
  'missing here: may have been a read of this person',
  '',
  '',
];

/** What the chain key leaves unchecked: said, never a failure (as `audit --verify` says it). */
const macNotes = (entries: ReadonlyArray<LoggedAccess>, keyed: boolean): string[] => {
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

/**
 * `aimline access-log --person ID`: who has looked at this person's record — every recorded
 * read that showed their personal data (when, who, role, agency, purpose, streams, categories).
 * Only an auditor or the records manager may ask. The log's hash chain is checked: a log that
 * has been altered (an entry edited, deleted, inserted or reordered, or a line that is not an
 * entry) still shows every entry it holds, but says so first and last, marks each altered entry,
 * shows each deletion in its place among the reads (between the entries that survived around
 * it: a deleted entry may have been a read of this person), and the answer is exit 1. With the
 * chain key (AIMLINE_CHAIN_KEY_FILE) every entry's MAC is checked as well, so a rewrite that
 * recomputes the hashes is caught; without it a note says what that leaves open.
 */
export const accessLogCommand = async (
  rt: Runtime,
  options: { person: string },
): Promise<number> => {
  const { principal } = rt.governance('access-log');
  if (principal.role !== 'auditor' && principal.role !== 'records-manager')
    throw new CliError(
      `FORBIDDEN: principal "${principal.id}" (${principal.role}) may not read the access log: only an auditor or the records manager`,
      ExitCode.Failed,
    );
  const place = accessLogPath(rt.accessLogFile, rt.location, rt.readOnly);
  if (!('file' in place))
    throw new CliError('a memory: store keeps no access log to read', ExitCode.Usage);
  const path = place.file;
  const { entries, damaged } = readAccessLogFile(path);
  const chain = verifyAccessLog(entries, rt.chainKey);
  const breaks = chain.ok ? [] : chain.breaks;
  const deletions = breaks.filter((b): b is Deletion => b.kind === 'deleted');
  // The places of altered entries (a MAC fault covers a run of `count` entries).
  const altered = new Set(
    breaks.flatMap((b) =>
      b.kind === 'deleted'
        ? []
        : Array.from({ length: 'count' in b ? b.count : 1 }, (_, i) => b.index + i),
    ),
  );
  const notes = macNotes(entries, rt.chainKey !== undefined);
  const rows: Row[] = entries.flatMap((e, index): Row[] => [
    ...deletions.filter((d) => d.index === index).map((d) => ({ deleted: d })),
    ...(e.subjects.includes(options.person)
      ? [{ read: { ...e, altered: altered.has(index) } }]
      : []),
  ]);
  const reads = rows.flatMap((r) => ('read' in r ? [r.read] : []));
  const problems = [
    ...damaged.map((d) => `line ${d.line} is not an entry (${d.why})`),
    ...breaks.map((b) => b.why),
  ];
  const intact = problems.length === 0;
  const warning = `ACCESS LOG ALTERED: ${problems.join('; ')}`;
  rt.output.result(
    {
      person: options.person,
      log: path,
      chain,
      damaged,
      reads,
      deleted: deletions.map(({ missing, after, before }) => ({ missing, after, before })),
      notes,
    },
    () =>
      [
        ...(intact
          ? []
          : [
              `${warning}. Every entry it holds is listed; those marked (altered) cannot be trusted.`,
            ]),
        `Reads of personal data of ${options.person} (${reads.length}), from ${path}:`,
        table(
          ['when', 'who', 'role', 'agency', 'purpose', 'streams', 'categories'],
          rows.map((r) =>
            'deleted' in r
              ? deletedRow(r.deleted)
              : [
                  r.read.altered ? `${r.read.at} (altered)` : r.read.at,
                  r.read.principal,
                  r.read.role,
                  r.read.agency,
                  r.read.purpose,
                  r.read.streams.join(' '),
                  r.read.categories.join(' '),
                ],
          ),
        ),
        ...notes.map((n) => `note: ${n}`),
        intact ? 'access log chain intact' : warning,
      ].join('\n'),
  );
  return intact ? ExitCode.Ok : ExitCode.Failed;
};
