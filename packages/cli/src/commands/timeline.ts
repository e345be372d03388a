import type { Instant } from '@aimline/calendar';
import { standingTimeline } from '@aimline/aimline';
import type { CaseTimeline } from '@aimline/projections';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { checkStreamDamage } from '../stream-damage.js';
import { table } from '../output.js';
import { londonTime, recordedIfLater, statusInWords } from '../views/human-time.js';

/** The streams a case id may name: an HSB case, an attendance case, a panel referral, a meeting. */
export const streamsForCase = (rt: Runtime, caseId: string): string[] =>
  caseId.includes('-') && rt.registry.moduleForStream(caseId)
    ? [caseId]
    : rt.registry.modules.map((m) => `${m.streamPrefix}${caseId}`);

/**
 * Rebuilds the timeline of the first stream that exists for the case id, folded from what the
 * principal (`--as`) may see of it: the events their rules show, withheld fields marked. Its
 * deadlines stand as the whole history of the stream says, as the principal is entitled to see
 * them (`standingTimeline`: one met by an entry they may not see is met, not open), judged at
 * `asOf` or, without it, when the stream's last entry was recorded (`judgedAt`). The read is
 * recorded in the access log before anything is shown. The principal is verified before any
 * stream is looked for: an unknown, forged or role-less principal (or an unreadable directory)
 * is refused the same whether or not the case exists, so it cannot learn which case ids do; and a
 * verified principal gets one answer (`notVisible`) for a case it may not see and for no case.
 * An event it cannot read, and damage to the stream's stored history (`checkStreamDamage`), are
 * reported as corrupt history (exit 4) after the answer.
 */
export const loadTimeline = async (
  rt: Runtime,
  caseId: string,
  asOf?: Instant,
  what = 'timeline',
): Promise<{ readonly timeline: CaseTimeline; readonly judgedAt: string | undefined }> => {
  const view = rt.visible(what);
  for (const stream of streamsForCase(rt, caseId)) {
    if ((await rt.store.streamRevision(stream)) === undefined) continue;
    const module = rt.registry.moduleForStream(stream);
    if (module === undefined) continue;
    const standing = await standingTimeline(view, rt.decode, module, stream, asOf);
    if (standing.seen === 0) throw notVisible(rt, caseId, view.principal);
    rt.unreadable.add(standing.damage);
    await checkStreamDamage(rt, stream, view);
    return standing;
  }
  throw notVisible(rt, caseId, view.principal);
};

/**
 * The one answer for a case the principal may not see and for a case that does not exist, so a
 * principal cannot learn which case ids exist (that a child has a case is itself personal data).
 */
const notVisible = (
  rt: Runtime,
  caseId: string,
  principal: { readonly id: string; readonly role: string },
): CliError =>
  new CliError(
    `FORBIDDEN: nothing with id "${caseId}" is visible to principal "${principal.id}" (${principal.role}): no case, referral or meeting of that id that they may read (looked in ${streamsForCase(rt, caseId).join(', ')})`,
    ExitCode.Failed,
  );

/** `aimline timeline CASE [--as-of ISO]`: the case's events by phase, with the deadlines each opened or met. */
export const timeline = async (
  rt: Runtime,
  caseId: string,
  options: { asOf?: Instant },
): Promise<number> => {
  const { timeline: t, judgedAt: at } = await loadTimeline(rt, caseId, options.asOf);
  // Deadlines are judged at asOf, or without it when the stream's last entry was recorded.
  const judgedAt = at ?? rt.now().iso;
  rt.output.result(t, () => {
    const parts = [
      `Timeline of ${t.stream}${options.asOf ? ` as known at ${londonTime(options.asOf.iso)}` : ''} (London time)`,
    ];
    for (const [phase, entries] of Object.entries(t.phases)) {
      parts.push('', `## ${phase}`);
      parts.push(
        table(
          ['when', 'what', 'who', 'deadlines'],
          entries.map((e) => [
            londonTime(e.occurredAt),
            `${e.type}${recordedIfLater(e.occurredAt, e.recordedAt) === '' ? '' : ` (recorded ${recordedIfLater(e.occurredAt, e.recordedAt)})`}`,
            `${e.actor.role} (${e.actor.agency})`,
            [
              e.opened.length === 0 ? '' : `opens ${e.opened.map((d) => d.ruleId).join(', ')}`,
              ...e.settled.map((d) => `${d.ruleId} ${d.status.kind}`),
            ]
              .filter((x) => x !== '')
              .join('; '),
          ]),
          { keep: [0] },
        ),
      );
    }
    parts.push(
      '',
      `Deadlines at ${londonTime(judgedAt)}:`,
      table(
        ['rule', 'due', 'status', 'explanation'],
        t.deadlines.map((d) => [
          d.ruleId,
          londonTime(d.due),
          statusInWords(d, judgedAt),
          d.explanation,
        ]),
        { keep: [1] },
      ),
    );
    return parts.join('\n');
  });
  return ExitCode.Ok;
};
