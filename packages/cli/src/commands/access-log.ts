import { readAccessLogFile, verifyAccessLog } from '@aimline/governance';
import { accessLogPath } from '../access.js';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';

/**
 * `aimline access-log --person ID`: who has looked at this person's record — every recorded
 * read that showed their personal data (when, who, role, agency, purpose, streams, categories).
 * Only an auditor or the records manager may ask. The log's hash chain is checked: a log that
 * has been altered (an entry edited, deleted, inserted or reordered, or a line that is not an
 * entry) still shows every entry it holds, but says so first and last, marks each altered entry,
 * and the answer is exit 1.
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
  const chain = verifyAccessLog(entries);
  const altered = new Set(chain.ok ? [] : chain.breaks.map((b) => b.seq));
  const problems = [
    ...damaged.map((d) => `line ${d.line} is not an entry (${d.why})`),
    ...(chain.ok ? [] : chain.breaks.map((b) => b.why)),
  ];
  const intact = problems.length === 0;
  const warning = `ACCESS LOG ALTERED: ${problems.join('; ')}`;
  const reads = entries
    .filter((e) => e.subjects.includes(options.person))
    .map((e) => ({ ...e, altered: altered.has(e.seq) }));
  rt.output.result({ person: options.person, log: path, chain, damaged, reads }, () =>
    [
      ...(intact
        ? []
        : [
            `${warning}. Every entry it holds is listed; those marked (altered) cannot be trusted.`,
          ]),
      `Reads of personal data of ${options.person} (${reads.length}), from ${path}:`,
      table(
        ['when', 'who', 'role', 'agency', 'purpose', 'streams', 'categories'],
        reads.map((r) => [
          r.altered ? `${r.at} (altered)` : r.at,
          r.principal,
          r.role,
          r.agency,
          r.purpose,
          r.streams.join(' '),
          r.categories.join(' '),
        ]),
      ),
      intact ? 'access log chain intact' : warning,
    ].join('\n'),
  );
  return intact ? ExitCode.Ok : ExitCode.Failed;
};
