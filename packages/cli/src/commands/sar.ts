import * as E from 'fp-ts/lib/Either.js';
import { extname } from 'node:path';
import {
  recordedBy,
  replayAsOf,
  unreadableEvent,
  visitEach,
  type DecodedEvent,
} from '@aimline/projections';
import {
  recordFinder,
  subjectAccessReport,
  type SubjectAccessReport,
  type VisibleEvents,
} from '@aimline/governance';
import { CliError, ExitCode } from '../exit-codes.js';
import { refuseExisting, writeOwnerOnly } from '../owner-only-file.js';
import { wholeView } from '../whole-view.js';
import type { Runtime } from '../runtime.js';
import { htmlTable, page } from '../report/page.js';
import { londonTime } from '../views/human-time.js';
import { el, esc } from '../report/svg.js';

export interface SarOptions {
  readonly person: string;
  readonly out: string;
  readonly asOf?: string;
  /** `--overwrite`: `--out` may replace an existing file (refused otherwise, exit 2). */
  readonly overwrite?: boolean;
}

/** `--out`: where the response goes; `.json` or `.html` (refused otherwise, naming the flag). */
export const sarOutFlag = (value: string): string => {
  const ext = extname(value).toLowerCase();
  if (ext !== '.json' && ext !== '.html')
    throw new CliError(
      `--out: expected a file ending in .json or .html, got "${value}"`,
      ExitCode.Usage,
    );
  return value;
};

/** Every event of `stream` the view shows, decoded (an unreadable one is reported and left out). */
const decodedStream = async (
  rt: Runtime,
  view: VisibleEvents,
  stream: string,
  asOf: string | undefined,
) => {
  const out: DecodedEvent[] = [];
  const keep = recordedBy(asOf);
  for await (const recorded of view.readStream(stream)) {
    if (!keep(recorded)) continue;
    const d = rt.decode(recorded);
    if (E.isRight(d)) out.push(d.right);
    else rt.unreadable.add([unreadableEvent(recorded, d.left.message)]);
  }
  return out;
};

const detailValue = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** The response as a page in the report's style: details with their history, then each record. */
const sarPage = (r: SubjectAccessReport, generatedAt: string): string =>
  page(
    `Subject access response: ${r.person}`,
    [
      el('h1', {}, esc(`Subject access response for person ${r.person}`)),
      el(
        'p',
        { class: 'note' },
        esc(
          `Everything held about this person as recorded by ${londonTime(generatedAt)}: ${r.records.length} record(s). ` +
            "Other people's personal data is withheld ([withheld:…]); erased data reads [erased:…]. " +
            'Who recorded each entry is shown by role and agency.',
        ),
      ),
      el('h2', {}, 'Details as they stand, with their history (corrections are later entries)'),
      htmlTable(
        ['field', 'current', 'history (oldest first)'],
        r.details.map((d) => [
          d.field,
          detailValue(d.current),
          d.history
            .map((h) => `${detailValue(h.value)} (${h.type}, ${h.recordedAt}, ${h.record})`)
            .join(' → '),
        ]),
        'details',
      ),
      ...r.records.flatMap((rec) => [
        el('h2', {}, esc(`${rec.record} (${rec.process})`)),
        htmlTable(
          ['occurred', 'recorded', 'recorded by', 'entry', 'data'],
          rec.events.map((e) => [
            londonTime(e.occurredAt),
            londonTime(e.recordedAt),
            `${e.recordedBy.role} (${e.recordedBy.agency})`,
            e.type,
            JSON.stringify(e.data),
          ]),
        ),
      ]),
    ].join(''),
    r,
  );

/**
 * `aimline sar --person ID --out FILE`: a subject access response (UK GDPR Article 15) in JSON
 * or HTML. One pass over the store finds the person's records; each is then read in full.
 * Exit 1 when nothing is held about the person (the file is still written, saying so). An
 * existing `--out` file is refused (exit 2, before anything is read) unless `--overwrite`. Only an
 * auditor or the records manager (`--as`) may ask, and they read through their need-to-know view
 * (`rt.visible`): the pass that finds the records reads person ids only (no personal value; it
 * is in the access log as a read of every record it passed over, with no category); reading the
 * records is in the run's access log before the response is written.
 */
export const sar = async (rt: Runtime, options: SarOptions): Promise<number> => {
  const out = { path: options.out, flag: '--out', overwrite: options.overwrite === true };
  refuseExisting(out);
  const { principal } = rt.governance('sar');
  if (principal.role !== 'auditor' && principal.role !== 'records-manager')
    throw new CliError(
      `FORBIDDEN: principal "${principal.id}" (${principal.role}) may not answer a subject access request: only an auditor or the records manager`,
      ExitCode.Failed,
    );
  const finder = recordFinder(options.person);
  const pass = await replayAsOf(
    wholeView(rt, 'sar', undefined, []),
    rt.decode,
    visitEach('subject-access', (e) => finder.add(e)),
    options.asOf,
  );
  rt.unreadable.add(pass.unreadable);
  // Each record's read is in the access log when it ends, before anything is disclosed.
  const records = wholeView(rt, 'sar');
  const events: DecodedEvent[] = [];
  for (const stream of [...finder.records].sort())
    events.push(...(await decodedStream(rt, records, stream, options.asOf)));
  const report = subjectAccessReport(options.person, events);
  const generatedAt = options.asOf ?? rt.clock();
  const body =
    extname(options.out).toLowerCase() === '.html'
      ? sarPage(report, generatedAt)
      : `${JSON.stringify({ generatedAt, ...report }, null, 2)}\n`;
  writeOwnerOnly(out, body);
  const summary = {
    person: options.person,
    out: options.out,
    records: report.records.map((r) => r.record),
    events: report.records.reduce((n, r) => n + r.events.length, 0),
    erased: report.erased,
  };
  rt.output.result(summary, () =>
    report.records.length === 0
      ? `Nothing is held about person ${options.person}; wrote ${options.out} saying so.`
      : `Wrote the subject access response for ${options.person} to ${options.out}: ${summary.events} entries in ${summary.records.length} record(s) (${summary.records.join(', ')}); other people's data withheld.`,
  );
  return report.records.length === 0 ? ExitCode.Failed : ExitCode.Ok;
};
