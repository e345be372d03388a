/**
 * Deadlines as a principal is entitled to see them (issue 13 item 2). A principal whose grant
 * shows only some event types of a record must not see a deadline as open when an event they
 * may not see met it. So obligations are worked out twice: from the principal's own view (which
 * deadlines they may know exist: those the events they see open) and from the whole history
 * (where each stands). The principal is shown the first set with the second's standing, and
 * nothing of the withheld event but that standing and when: a waiver's reason that their own
 * view does not give is replaced by `SETTLED_OUT_OF_VIEW`.
 */
import type { Deadline, DeadlineStatus } from '@aimline/calendar';

/** One deadline of one stream. */
export interface StreamDeadline {
  readonly stream: string;
  readonly deadline: Deadline;
}

/** The waiver reason shown when an entry the principal may not read waived the deadline. */
export const SETTLED_OUT_OF_VIEW = 'settled by an entry you may not read';

/** The same obligation in both workings: its stream, rule, label and what started its clock. */
export const deadlineKey = ({ stream, deadline: d }: StreamDeadline): string =>
  JSON.stringify([stream, d.ruleId, d.label, d.trigger.event, d.trigger.at]);

/**
 * A deadline's status as the whole history gives it (`whole`), shown to a principal whose own
 * view gives `own` (undefined: their view does not settle it): a waiver whose reason their own
 * view does not give reads `SETTLED_OUT_OF_VIEW`; anything else stands as the whole history says.
 */
export const entitledStatus = (
  whole: DeadlineStatus,
  own: DeadlineStatus | undefined,
): DeadlineStatus => {
  if (whole.kind === 'waived')
    return waiverOf(own)?.reason === whole.reason
      ? whole
      : { ...whole, reason: SETTLED_OUT_OF_VIEW };
  if (whole.kind !== 'breached' || whole.waived === undefined) return whole;
  return waiverOf(own)?.reason === whole.waived.reason
    ? whole
    : { ...whole, waived: { ...whole.waived, reason: SETTLED_OUT_OF_VIEW } };
};

/** A status's waiver: a waived deadline's, or a breached one's that was waived after it was due. */
const waiverOf = (
  status: DeadlineStatus | undefined,
): { readonly reason: string; readonly at: string } | undefined =>
  status?.kind === 'waived' ? status : status?.kind === 'breached' ? status.waived : undefined;

/**
 * The deadlines of `whole` (worked out from every event of the streams) that `visible` (worked
 * out from what the principal may see) also has, each as `whole` states it, in `whole`'s order:
 * a deadline only the whole history opens is left out (its existence would tell of a withheld
 * event), and one the principal's view opens but the whole history no longer has is left out
 * too (it does not stand).
 */
export const entitledDeadlines = <T extends StreamDeadline>(
  visible: ReadonlyArray<StreamDeadline>,
  whole: ReadonlyArray<T>,
): Array<{ readonly of: T; readonly deadline: Deadline }> => {
  const own = new Map(visible.map((v) => [deadlineKey(v), v.deadline.status]));
  return whole.flatMap((w) => {
    const key = deadlineKey(w);
    if (!own.has(key)) return [];
    return [
      {
        of: w,
        deadline: { ...w.deadline, status: entitledStatus(w.deadline.status, own.get(key)) },
      },
    ];
  });
};
