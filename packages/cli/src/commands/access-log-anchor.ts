import { resolve } from 'node:path';
import {
  accessLogAnchor,
  checkAccessLogAnchor,
  signAccessLogAnchor,
  SignedAccessLogAnchorCodec,
  type AccessLogAnchorCheck,
  type SignedAccessLogAnchor,
} from '@aimline/governance';
import { decodeSignedDocument } from '@aimline/kernel';
import { CliError, ExitCode } from '../exit-codes.js';
import { refuseExisting, writeOwnerOnly } from '../owner-only-file.js';
import type { Runtime } from '../runtime.js';
import { anchorSigningKey, givenAnchor } from '../signed-files.js';
import { accessLogFileOf, macNotes, readLog } from './access-log-read.js';

/**
 * `aimline access-log anchor --out FILE [--signing-key PEM] [--overwrite]`: a signed anchor of
 * the access log as it is now (its file, its last entry's sequence number and hash, the MACs up
 * to it, the time). An existing `--out` file is refused, exit 2, unless `--overwrite`; a log with
 * no entry has nothing to anchor, exit 1. Shows no personal value, so it needs no principal.
 */
export const writeAccessLogAnchor = (
  rt: Runtime,
  options: { out?: string; signingKey?: string; overwrite?: boolean },
): number => {
  if (options.out === undefined)
    throw new CliError('access-log anchor needs --out FILE', ExitCode.Usage);
  const out = { path: options.out, flag: '--out', overwrite: options.overwrite === true };
  refuseExisting(out);
  const privateKey = anchorSigningKey(options.signingKey);
  const file = resolve(accessLogFileOf(rt));
  const { entries, problems } = readLog(rt, file);
  const anchor = accessLogAnchor(entries, file, rt.clock());
  if (anchor === undefined)
    throw new CliError(`the access log ${file} holds no entry: nothing to anchor`, ExitCode.Failed);
  const signed = signAccessLogAnchor(anchor, privateKey);
  writeOwnerOnly(out, `${JSON.stringify(signed, null, 2)}\n`);
  const notes =
    problems.length === 0
      ? []
      : [
          `the log's chain does not hold (${problems.length} fault(s); "access-log --verify" names them): the anchor states the log as it is`,
        ];
  rt.output.result({ anchor: signed, notes }, () =>
    [
      `anchor of the access log ${file} up to entry ${signed.seq} written to ${options.out}`,
      ...notes.map((n) => `note: ${n}`),
    ].join('\n'),
  );
  return ExitCode.Ok;
};

/**
 * `aimline access-log --verify [--anchor FILE --public-key PEM]`: the whole log — every line an
 * entry, its hash chain, with the chain key every MAC — and, against a signed anchor, what its
 * own chain cannot show: entries cut from its end, an older copy restored, MACs stripped, each
 * named by the anchor's member it breaks. Exit 1 on any fault. Shows sequence numbers and times,
 * never a personal value, so it needs no principal.
 */
export const verifyAccessLogCommand = (
  rt: Runtime,
  options: { anchor?: string; publicKey?: string },
): number => {
  const given = givenAnchor(
    options,
    (json) => decodeSignedDocument(SignedAccessLogAnchorCodec, json),
    'access-log anchor',
  );
  const file = resolve(accessLogFileOf(rt));
  const { entries, damaged, chain, problems } = readLog(rt, file);
  let anchor: { file: SignedAccessLogAnchor; check: AccessLogAnchorCheck } | undefined;
  if (given !== undefined) {
    anchor = {
      file: given.file,
      check: checkAccessLogAnchor(entries, given.file, given.publicKey),
    };
    problems.push(...anchor.check.faults.map((f) => `anchor ${f.field}: ${f.why}`));
  }
  const notes = [
    ...macNotes(entries, rt.chainKey !== undefined),
    ...(anchor === undefined
      ? [
          'no anchor given: entries cut from the end, every MAC stripped, or an older copy restored are only detected against an anchor (access-log anchor --out FILE)',
        ]
      : [
          // What the anchor claims counts only once its signature verifies.
          ...(!anchor.check.signatureValid || anchor.file.log === file
            ? []
            : [`the anchor was taken of ${anchor.file.log}; this log is ${file}`]),
          ...(anchor.check.added > 0
            ? [`${anchor.check.added} entries recorded after the anchor`]
            : []),
        ]),
  ];
  const ok = problems.length === 0;
  rt.output.result(
    {
      ok,
      log: file,
      entries: entries.length,
      problems,
      notes,
      chain,
      damaged,
      anchor:
        anchor === undefined
          ? null
          : {
              seq: anchor.file.seq,
              intact: anchor.check.intact,
              faults: anchor.check.faults,
              added: anchor.check.added,
            },
    },
    () =>
      [
        ok
          ? `verified ${entries.length} entries of the access log ${file}: its hash chain intact${rt.chainKey === undefined ? '' : ', every MAC verified'}${anchor === undefined ? '' : `, everything up to the anchor (entry ${anchor.file.seq}) as anchored`}`
          : `ACCESS LOG ALTERED (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}`,
        ...notes.map((n) => `note: ${n}`),
      ].join('\n'),
  );
  return ok ? ExitCode.Ok : ExitCode.Failed;
};
