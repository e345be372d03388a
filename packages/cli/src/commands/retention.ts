import * as E from 'fp-ts/lib/Either.js';
import { InvalidArgumentError } from 'commander';
import { endOfLocalDay, localDate, parseIsoDate, toUtcIso } from '@aimline/calendar';
import {
  defaultRetentionPolicy,
  parseRetentionPolicy,
  retentionFolder,
  type RetentionPolicy,
  type RetentionSchedule,
} from '@aimline/governance';
import { describeJsonRefusal, parseStrictJson, readPolicyFile } from '@aimline/aimline';
import { replayAsOf, visitEach } from '@aimline/projections';
import { CliError, ExitCode } from '../exit-codes.js';
import { wholeView } from '../whole-view.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';
import { erasureFindings, erasureFindingsJson } from '../erasure-findings.js';

export interface RetentionOptions {
  /** Erase everyone due under a confirmed rule (and finish half-finished erasures). */
  readonly apply?: boolean;
  /** A London date, `YYYY-MM-DD` (parsed at the edge by `dateFlag`). */
  readonly asOf?: string;
  readonly retentionPolicy?: string;
}

/** `--as-of` for retention: a calendar date that exists (`2026-11-23`), judged in London. */
export const dateFlag = (value: string): string => {
  if (parseIsoDate(value) === undefined)
    throw new InvalidArgumentError('expected a date that exists, e.g. 2026-11-23');
  return value;
};

/** The records manager's schedule (`--retention-policy FILE`), or the placeholder defaults. */
export const loadRetentionPolicy = (rt: Runtime, file: string | undefined): RetentionPolicy => {
  if (file === undefined) return defaultRetentionPolicy;
  const text = readPolicyFile(file);
  if (E.isLeft(text))
    throw new CliError(`--retention-policy: cannot read ${file}: ${text.left}`, ExitCode.Usage);
  const raw = parseStrictJson(text.right);
  if (E.isLeft(raw))
    throw new CliError(
      `--retention-policy: cannot read ${file}: ${describeJsonRefusal(raw.left)}`,
      ExitCode.Usage,
    );
  const parsed = parseRetentionPolicy(raw.right, rt.registry.modules, `--retention-policy ${file}`);
  if (E.isLeft(parsed)) throw new CliError(parsed.left, ExitCode.Usage);
  return parsed.right;
};

/** The schedule on the given London date, from everything recorded by the end of that day. */
export const loadRetentionSchedule = async (
  rt: Runtime,
  options: RetentionOptions,
): Promise<RetentionSchedule> => {
  const policy = loadRetentionPolicy(rt, options.retentionPolicy);
  const asOf = options.asOf ?? localDate(rt.clock());
  const folder = retentionFolder(policy);
  // Every record, and no more of them than the dates of birth (the schedule's `until-birthday`
  // rules; closures and holds are not personal data): refused to a principal who cannot read
  // every record, since a person is due only when every record they appear in is.
  const r = await replayAsOf(
    wholeView(rt, 'retention', ['dateOfBirth'], ['dateOfBirth']),
    rt.decode,
    visitEach('retention', (e) => folder.add(e)),
    toUtcIso(endOfLocalDay(asOf)),
  );
  rt.unreadable.add(r.unreadable);
  // People already erased (their key is gone from the vault) are never listed again.
  const everyone = folder.schedule(asOf);
  const erased = new Set(
    [...everyone.due.map((d) => d.person), ...everyone.kept.map((k) => k.person)].filter(
      (p) => rt.vault.erasure(rt.vault.subjectRef(p)) !== undefined,
    ),
  );
  return erased.size === 0 ? everyone : folder.schedule(asOf, erased);
};

/** The schedule as text: who is due and why, what is held and by whom, and unconfirmed rules. */
export const describeSchedule = (s: RetentionSchedule): string => {
  const held = s.records.filter((r) => r.status === 'held');
  const unconfirmed = s.due.filter((d) => !d.confirmed);
  return [
    `Retention on ${s.asOf}: ${s.due.length} person(s) due for erasure, ${s.kept.length} kept, ${held.length} record(s) on legal hold.`,
    '',
    table(
      ['person', 'record', 'rule (kept until)', 'why'],
      s.due.flatMap((d) =>
        d.records.map((r) => [
          d.person,
          r.record,
          `${r.process}${r.confirmed ? '' : ' (placeholder rule)'} → ${r.keptUntil ?? '?'}`,
          r.rules.map((j) => j.why).join('; '),
        ]),
      ),
    ),
    ...(held.length === 0
      ? []
      : [
          '',
          'On legal hold (kept whatever the schedule says):',
          table(
            ['record', 'hold', 'placed by', 'placed', 'reason'],
            held.flatMap((r) =>
              r.holds.map((h) => [r.record, h.holdId, h.placedBy, h.placedAt, h.reason]),
            ),
          ),
        ]),
    ...(unconfirmed.length === 0
      ? []
      : [
          '',
          `${unconfirmed.length} of them are due only under rules the records manager has not confirmed (placeholders): --apply erases nobody under those.`,
        ]),
  ].join('\n');
};

/**
 * `aimline retention [--as-of DATE] [--retention-policy FILE]`: who is due for erasure on that
 * date and under which rule, and which records legal holds keep.
 */
export const retention = async (rt: Runtime, options: RetentionOptions): Promise<number> => {
  const s = await loadRetentionSchedule(rt, options);
  // A crash between destroying a key and recording the erasure leaves it pending, a restored
  // event store lacks recorded erasures, a restored vault had erasures re-applied: say so.
  const erasures = await erasureFindings(rt);
  const pending = erasures.pending.length;
  const missing = erasures.missingFromStore.length;
  const stillHeld = erasures.reapplied.filter((r) => r.inThisProcessOnly).length;
  const failed = erasures.problems.length > 0;
  rt.output.result(
    {
      ...s,
      pendingErasures: pending,
      erasuresMissingFromStore: missing,
      reappliedErasures: erasureFindingsJson(erasures).reappliedErasures,
    },
    () =>
      [
        describeSchedule(s),
        ...(pending === 0
          ? []
          : [
              `${pending} half-finished erasure(s): a key was destroyed but PersonalDataErased was not recorded; retention --apply (or erase --pending) finishes them.`,
            ]),
        ...(missing === 0
          ? []
          : [
              `${missing} erasure(s) the key vault records are missing from the event store (restored from a backup taken before them): retention --apply (or erase --pending) records them again.`,
            ]),
        ...(stillHeld === 0
          ? []
          : [
              `${stillHeld} erased subject(s) whose keys the key vault (restored from an older backup) still holds: read as erased in this run, but the vault is open read-only; run any command without --read-only to destroy them.`,
            ]),
        ...erasures.notes,
      ].join('\n'),
  );
  return failed ? ExitCode.Failed : ExitCode.Ok;
};
