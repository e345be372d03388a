import * as E from 'fp-ts/lib/Either.js';
import { readAccessLogFile, verifyAccessLog } from '@aimline/governance';
import { accessLogPath } from '../access.js';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';

/**
 * `aimline access-log --person ID`: who has looked at this person's record — every recorded
 * read that showed their personal data (when, who, role, agency, purpose, streams, categories).
 * Only an auditor or the records manager may ask. The log's hash chain is checked first: a
 * break is named and the answer is exit 1.
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
  const entries = readAccessLogFile(path);
  if (E.isLeft(entries)) throw new CliError(entries.left, ExitCode.Failed);
  const chain = verifyAccessLog(entries.right);
  const reads = entries.right.filter((e) => e.subjects.includes(options.person));
  rt.output.result({ person: options.person, log: path, chain, reads }, () =>
    [
      `Reads of personal data of ${options.person} (${reads.length}), from ${path}:`,
      table(
        ['when', 'who', 'role', 'agency', 'purpose', 'streams', 'categories'],
        reads.map((r) => [
          r.at,
          r.principal,
          r.role,
          r.agency,
          r.purpose,
          r.streams.join(' '),
          r.categories.join(' '),
        ]),
      ),
      chain.ok ? 'access log chain intact' : `ACCESS LOG ALTERED: ${chain.why}`,
    ].join('\n'),
  );
  return chain.ok ? ExitCode.Ok : ExitCode.Failed;
};
