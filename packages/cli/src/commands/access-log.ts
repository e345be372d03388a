import { parseInstant } from '@aimline/calendar';
import {
  readOfPerson,
  storeOfEntry,
  type AccessLogBreak,
  type LoggedAccess,
} from '@aimline/governance';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';
import { londonTime } from '../views/human-time.js';
import { verifyAccessLogCommand, writeAccessLogAnchor } from './access-log-anchor.js';
import { accessLogFileOf, macNotes, readLog } from './access-log-read.js';

type Deletion = Extract<AccessLogBreak, { kind: 'deleted' }>;

/**
 * A read of the person as the answer lists it: the entry, whether it was altered, and what it
 * showed of them (`personal-data`: personal data of theirs; `record`: events of a record about
 * them, none of their personal data — `readOfPerson`).
 */
type PersonRead = LoggedAccess & {
  readonly altered: boolean;
  readonly shown: 'personal-data' | 'record';
};

/** A row of the answer: a read of the person, or entries deleted at that place in the log. */
type Row = { readonly read: PersonRead } | { readonly deleted: Deletion };

/** A read of a record about the person that showed none of their personal data, in words. */
const RECORD_READ = 'none of theirs (record read)';

/**
 * The categories cell of a read: the categories it showed, or, for a read of the person's
 * record that showed none of their personal data, that it was such a read.
 */
const categoriesCell = (r: PersonRead): string =>
  r.shown === 'record' ? RECORD_READ : r.categories.join(' ');

/** A deletion's row: where the missing entries stood (the times of the entries around them). */
const deletedRow = (d: Deletion): string[] => [
  '(deleted)',
  d.missing.from === d.missing.to
    ? `entry ${d.missing.from}`
    : `entries ${d.missing.from}-${d.missing.to}`,
  '',
  '',
  'missing here: may have been a read of this person',
];

/** The store column: this store, another (an altered entry's claim), or not recorded (format 1). */
const storeCell = (store: string | undefined, identity: string): string =>
  store === undefined ? '(not recorded)' : store === identity ? 'this store' : store;

/**
 * What the log cannot say of reads recorded before every read of a record was (entry formats 1
 * and 2): only reads that showed personal data were recorded then.
 */
const earlierFormatNote = (entries: ReadonlyArray<LoggedAccess>): string[] => {
  const earlier = entries.filter((e) => !('about' in e)).length;
  return earlier === 0
    ? []
    : [
        `${earlier} entries of this log were recorded before every read of a record was (entry formats 1 and 2): of that time, only reads that showed personal data of this person are listed; a read of their record that showed none of it was not recorded`,
      ];
};

/** What the reads listed and left out say about stores (format 1 names none). */
const storeNotes = (
  reads: ReadonlyArray<LoggedAccess>,
  others: ReadonlyMap<string, number>,
): string[] => {
  const unnamed = reads.filter((r) => storeOfEntry(r) === undefined).length;
  const elsewhere = [...others.values()].reduce((a, b) => a + b, 0);
  return [
    ...(unnamed === 0
      ? []
      : [
          `${unnamed} of these reads were recorded before entries named the store read (format 1): each may be of this store or another sharing the log`,
        ]),
    ...(elsewhere === 0
      ? []
      : [
          `${elsewhere} read(s) of a person with this id in another store (${[...others.keys()].join(', ')}) are not listed: run access-log --person with that store (--store) to list them`,
        ]),
  ];
};

/** When a read was, in London time; a time the entry does not give as an instant, as written. */
const when = (at: string): string => (parseInstant(at) !== undefined ? londonTime(at) : at);

/**
 * `aimline access-log --person ID`: who has looked at this person's record — every recorded
 * read that showed their personal data, or showed events of a record about them without any of
 * their personal data (a deadline report over their case; `readOfPerson`), each saying which
 * (when, who, role, agency, purpose, what it showed of them, streams, categories, store) in the
 * store given (`--store`): a log may be shared by several stores, and a person id
 * names a person of one store, so reads an entry says were of another store (by its identity)
 * are counted in a note, not listed; reads recorded before entries named the store (format 1)
 * are listed, marked. An altered entry is listed whatever store it names (its claim is not to be
 * trusted).
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
  const path = accessLogFileOf(rt);
  const identity = await rt.storedEvents.identity();
  const { entries, damaged, chain, problems } = readLog(rt, path);
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
  // The person's entries: those an intact entry says were of another store are counted, not
  // listed; the rest (this store, format 1, or altered whatever it claims) are listed.
  const ofPerson = entries.flatMap((e, index) => {
    const shown = readOfPerson(e, options.person);
    return shown === undefined ? [] : [{ e, index, shown, store: storeOfEntry(e) }];
  });
  const elsewhere = ({ index, store }: (typeof ofPerson)[number]): boolean =>
    store !== undefined && store !== identity && !altered.has(index);
  const listed = new Map(ofPerson.filter((p) => !elsewhere(p)).map((p) => [p.index, p.shown]));
  const others = new Map<string, number>();
  for (const { store } of ofPerson.filter(elsewhere))
    others.set(store!, (others.get(store!) ?? 0) + 1);
  const rows: Row[] = entries.flatMap((e, index): Row[] => {
    const shown = listed.get(index);
    return [
      ...deletions.filter((d) => d.index === index).map((d) => ({ deleted: d })),
      ...(shown === undefined ? [] : [{ read: { ...e, altered: altered.has(index), shown } }]),
    ];
  });
  const reads = rows.flatMap((r) => ('read' in r ? [r.read] : []));
  const notes = [
    ...storeNotes(reads, others),
    ...earlierFormatNote(entries),
    ...macNotes(entries, rt.chainKey !== undefined),
  ];
  // The store column only when a read listed is not plainly of this store (the heading names it).
  const storeShown = reads.some((r) => storeOfEntry(r) !== identity);
  const columns = [
    ...['when', 'who', 'role', 'agency', 'purpose', 'streams', 'categories'],
    ...(storeShown ? ['store'] : []),
  ];
  const intact = problems.length === 0;
  const warning = `ACCESS LOG ALTERED: ${problems.join('; ')}`;
  rt.output.result(
    {
      person: options.person,
      log: path,
      store: identity,
      otherStores: Object.fromEntries(others),
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
        `Reads of the records of ${options.person} (${reads.length}) in store ${identity}, from ${path}:`,
        table(
          columns,
          rows.map((r) =>
            ('deleted' in r
              ? deletedRow(r.deleted)
              : [
                  r.read.altered ? `${when(r.read.at)} (altered)` : when(r.read.at),
                  r.read.principal,
                  r.read.role,
                  r.read.agency,
                  r.read.purpose,
                  r.read.streams.join(' '),
                  categoriesCell(r.read),
                  storeCell(storeOfEntry(r.read), identity),
                ]
            ).slice(0, columns.length),
          ),
        ),
        ...notes.map((n) => `note: ${n}`),
        intact ? 'access log chain intact' : warning,
      ].join('\n'),
  );
  return intact ? ExitCode.Ok : ExitCode.Failed;
};

/** The flags `aimline access-log` takes: one of its three forms. */
export interface AccessLogOptions {
  person?: string;
  verify?: boolean;
  anchor?: string;
  publicKey?: string;
  out?: string;
  signingKey?: string;
  overwrite?: boolean;
}

const FORMS =
  '--person ID, or --verify [--anchor FILE --public-key PEM], or anchor --out FILE [--signing-key PEM] [--overwrite]';

/** The flags given that belong to another form than the one chosen. */
const foreign = (o: AccessLogOptions, form: 'person' | 'verify' | 'anchor'): string[] => {
  const flags: Array<[keyof AccessLogOptions, string, ReadonlyArray<typeof form>]> = [
    ['person', '--person', ['person']],
    ['verify', '--verify', ['verify']],
    ['anchor', '--anchor', ['verify']],
    ['publicKey', '--public-key', ['verify']],
    ['out', '--out', ['anchor']],
    ['signingKey', '--signing-key', ['anchor']],
    ['overwrite', '--overwrite', ['anchor']],
  ];
  return flags
    .filter(([k, , forms]) => o[k] !== undefined && !forms.includes(form))
    .map(([, f]) => f);
};

/**
 * `aimline access-log`: `--person ID` (who has looked at this person's record), `--verify` (the
 * whole log, and with `--anchor` against a signed anchor) or `anchor --out FILE` (a signed
 * anchor of the log). Anything else, or flags of one form given to another, is exit 2.
 */
export const accessLog = async (
  rt: Runtime,
  action: string | undefined,
  options: AccessLogOptions,
): Promise<number> => {
  if (action !== undefined && action !== 'anchor')
    throw new CliError(`access-log: unknown action "${action}"; it takes ${FORMS}`, ExitCode.Usage);
  const form =
    action === 'anchor'
      ? 'anchor'
      : options.verify === true
        ? 'verify'
        : options.person !== undefined
          ? 'person'
          : undefined;
  if (form === undefined) throw new CliError(`access-log takes ${FORMS}`, ExitCode.Usage);
  const wrong = foreign(options, form);
  if (wrong.length > 0)
    throw new CliError(
      `access-log: ${wrong.join(', ')} ${wrong.length === 1 ? 'is' : 'are'} not for ${form === 'anchor' ? 'access-log anchor' : form === 'verify' ? '--verify' : '--person'}; it takes ${FORMS}`,
      ExitCode.Usage,
    );
  if (form === 'verify' && options.anchor === undefined && options.publicKey !== undefined)
    throw new CliError('access-log: --public-key is for --anchor', ExitCode.Usage);
  if (form === 'anchor') return writeAccessLogAnchor(rt, options);
  if (form === 'verify') return verifyAccessLogCommand(rt, options);
  return accessLogCommand(rt, { person: options.person! });
};
