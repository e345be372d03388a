import {
  auditGlobalChain,
  checkAnchor,
  computeHead,
  decodeSignedDocument,
  describeGlobalBreak,
  errorWithCauses,
  signAnchor,
  SignedAnchorCodec,
  type AnchorCheck,
  type ChainSource,
  type GlobalChainReport,
  type SignedAnchor,
} from '@aimline/kernel';
import { describeBreak, verifyChains, type VerificationReport } from '@aimline/projections';
import { anchorSigningKey, givenAnchor } from '../signed-files.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { refuseExisting, writeOwnerOnly } from '../owner-only-file.js';
import type { Runtime } from '../runtime.js';
import { progress } from '../progress.js';
import { erasureFindings, erasureFindingsJson } from '../erasure-findings.js';

/** What a store may offer beyond the port for verification (the SQLite store does). */
interface Auditable {
  chainSource?: () => ChainSource;
  integrityCheck?: () => string[];
}

export interface VerifyOptions {
  readonly anchor?: string;
  readonly publicKey?: string;
}

const describeAnchor = (a: SignedAnchor, c: AnchorCheck): string[] => {
  // An anchor that does not verify states nothing: its members are not worked out into findings.
  if (!c.signatureValid) return ['the anchor signature does not verify with this public key'];
  const lines: string[] = [];
  if (!c.sameStore) lines.push(`the anchor names another store (${a.store})`);
  if (c.missing > 0)
    lines.push(
      `${c.missing} anchored event(s) missing: the anchor covers ${a.count} events up to position ${a.position}; up to there the log now has ${c.found.count}, ending at position ${c.found.position}`,
    );
  else if (c.found.link !== a.head)
    lines.push(
      `the events up to position ${a.position} are not the ones anchored (altered, reordered or replaced)`,
    );
  return lines;
};

/**
 * `aimline audit --verify [STREAM] [--anchor FILE --public-key PEM]`: every stream's hash chain;
 * for the whole store also SQLite's integrity_check, the global chain (gaps, broken links, MACs
 * when a chain key is set, the head), and the history against a signed anchor.
 */
export const verify = async (
  rt: Runtime,
  stream: string | undefined,
  options: VerifyOptions,
): Promise<number> => {
  // The anchor and its key are read first: a file that is not one is refused (exit 2) before
  // any chain is walked, not after.
  const given = givenAnchor(
    options,
    (json) => decodeSignedDocument(SignedAnchorCodec, json),
    'anchor',
  );
  const problems: string[] = [];
  // Verification reads the events as stored (ciphertext): it needs no master key.
  const store = rt.storedEvents as typeof rt.storedEvents & Auditable;
  const integrity = stream === undefined ? store.integrityCheck?.() : undefined;
  if (integrity !== undefined && !(integrity.length === 1 && integrity[0] === 'ok'))
    problems.push(...integrity.map((line) => `SQLite integrity_check: ${line}`));
  const bar = progress('verifying hash chains', undefined, !rt.output.json && stream === undefined);
  let streams: VerificationReport | undefined;
  let global: GlobalChainReport | undefined;
  let anchor: { file: SignedAnchor; check: AnchorCheck } | undefined;
  try {
    // eslint-disable-next-line no-restricted-syntax -- hash chains are verified on the stored rows (ciphertext): shows positions and breaks, never personal data
    streams = await verifyChains(rt.storedEvents, {
      ...(stream === undefined ? {} : { stream }),
      onProgress: (n) => bar.update(n),
    });
    problems.push(...streams.breaks.map(describeBreak));
    if (stream === undefined && store.chainSource !== undefined) {
      global = await auditGlobalChain(store.chainSource(), rt.chainKey);
      problems.push(...global.breaks.map(describeGlobalBreak));
    }
    if (given !== undefined) {
      const { file, publicKey } = given;
      // eslint-disable-next-line no-restricted-syntax -- anchor check on stored rows: hashes only
      anchor = { file, check: await checkAnchor(rt.storedEvents, file, publicKey) };
      problems.push(...describeAnchor(file, anchor.check));
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    problems.push(`the history could not be read to the end: ${errorWithCauses(e)}`);
  } finally {
    bar.stop();
  }
  const notes: string[] = [];
  if (global !== undefined && !global.keyed)
    notes.push(
      'no chain key set (AIMLINE_CHAIN_KEY_FILE): a rewrite that recomputes every chain would not be detected without an anchor',
    );
  if (global !== undefined && global.unkeyed > 0)
    notes.push(`${global.unkeyed} event(s) were recorded without a chain key (no MAC to check)`);
  if (options.anchor === undefined && stream === undefined)
    notes.push(
      'no anchor given: commits lost with their WAL, or a tail cut together with the head, are only detected against an anchor',
    );
  const added = anchor?.check.signatureValid === true ? anchor.check.added : [];
  if (added.length > 0)
    notes.push(
      `${added.length} event(s) added after the anchor: ${added
        .slice(0, 20)
        .map((e) => `${e.position} ${e.stream}@${e.revision} ${e.type}`)
        .join('; ')}${added.length > 20 ? '; …' : ''}`,
    );
  // Where the key vault and the event store disagree about erasures (a stop in between, a restore).
  const erasures = await erasureFindings(rt);
  problems.push(...erasures.problems);
  notes.push(...erasures.notes);
  const ok = problems.length === 0;
  rt.output.result(
    {
      ok,
      ...erasureFindingsJson(erasures),
      events: streams?.events ?? null,
      streams: streams?.streams ?? null,
      problems,
      notes,
      integrityCheck: integrity ?? null,
      globalChain:
        global === undefined
          ? null
          : { ...global.head, position: global.head.position.toString(), keyed: global.keyed },
      anchor:
        anchor === undefined
          ? null
          : {
              intact: anchor.check.intact,
              missing: anchor.check.signatureValid ? anchor.check.missing : 0,
              added: added.map((e) => ({ ...e, position: e.position.toString() })),
            },
    },
    () =>
      [
        ok
          ? `verified ${streams?.events ?? 0} events in ${streams?.streams ?? 0} streams: every hash chain intact${global === undefined ? '' : ', the global chain and its head intact'}${integrity === undefined ? '' : ', SQLite integrity_check ok'}${anchor === undefined ? '' : `, everything up to the anchor (position ${anchor.file.position}) as anchored`}`
          : `TAMPERING OR LOSS DETECTED (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}`,
        ...notes.map((n) => `note: ${n}`),
      ].join('\n'),
  );
  return ok ? ExitCode.Ok : ExitCode.Failed;
};

/**
 * `aimline audit anchor --out FILE [--signing-key PEM] [--overwrite]`: a signed anchor of the
 * store as it is now. An existing `--out` file (an earlier anchor) is refused, exit 2, unless
 * `--overwrite`.
 */
export const writeAnchor = async (
  rt: Runtime,
  options: { out?: string; signingKey?: string; overwrite?: boolean },
): Promise<number> => {
  if (options.out === undefined)
    throw new CliError('audit anchor needs --out FILE', ExitCode.Usage);
  const out = { path: options.out, flag: '--out', overwrite: options.overwrite === true };
  refuseExisting(out);
  const privateKey = anchorSigningKey(options.signingKey);
  // eslint-disable-next-line no-restricted-syntax -- the chain head of the stored rows: hashes only
  const head = await computeHead(rt.storedEvents);
  const signed = signAnchor(
    {
      format: 'aimline-anchor/1',
      store: await rt.storedEvents.identity(),
      position: head.position.toString(),
      count: head.count,
      head: head.link,
      createdAt: rt.clock(),
    },
    privateKey,
  );
  writeOwnerOnly(out, `${JSON.stringify(signed, null, 2)}\n`);
  rt.output.result(
    signed,
    () =>
      `anchor of ${head.count} events up to position ${head.position} written to ${options.out}`,
  );
  return ExitCode.Ok;
};
