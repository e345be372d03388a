import type { Instant } from '@aimline/calendar';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';
import { londonDay, londonTime } from '../views/human-time.js';
import { panelAgenda, visibleScorecards } from '../views/panel-views.js';
import { scorecardText } from '../views/text.js';

/** `aimline panel agenda SITTING`. */
export const panelAgendaCommand = async (
  rt: Runtime,
  sittingId: string,
  o: { asOf?: Instant },
): Promise<number> => {
  const a = await panelAgenda(rt, sittingId, o.asOf);
  if (a.sitting === undefined && a.items.length === 0)
    throw new CliError(`no sitting "${sittingId}" and no referral booked into it`, ExitCode.Failed);
  rt.output.result(a, () =>
    [
      `Sitting ${sittingId}: ${a.sitting?.slot ? `${londonDay(a.sitting.slot.date)}, ${a.sitting.slot.start} to ${a.sitting.slot.end}, ${a.sitting.slot.venue}` : '(not yet scheduled)'}${a.sitting?.movedFrom ? ` (moved from ${londonDay(a.sitting.movedFrom.date)}: ${a.sitting.movedFrom.reason})` : ''}${a.sitting?.cancelled ? ` CANCELLED: ${a.sitting.cancelled.reason}` : ''}`,
      table(
        ['referral', 'papers due (PNL-4)', 'papers', 'decision'],
        a.items.map((i) => [
          i.referralId,
          i.papersDue === '' ? '' : londonTime(i.papersDue),
          i.papers,
          i.decision
            ? `${i.decision.rating} / ${i.decision.route} / band ${i.decision.ageBand}`
            : '',
        ]),
      ),
      `minutes: approved ${a.minutes.approvedAt === null ? 'no' : londonTime(a.minutes.approvedAt)}, distributed ${a.minutes.distributedAt === null ? 'no' : londonTime(a.minutes.distributedAt)}${a.minutes.documentCategory ? ` as "${a.minutes.documentCategory}"` : ''}`,
    ].join('\n'),
  );
  return ExitCode.Ok;
};

/** `aimline panel scorecard [QUARTER]`. */
export const panelScorecardCommand = async (
  rt: Runtime,
  quarter: string | undefined,
): Promise<number> => {
  const cards = await visibleScorecards(rt, 'panel scorecard', quarter);
  rt.output.result(cards, () =>
    cards.length ? cards.map(scorecardText).join('\n\n') : 'no panel activity recorded',
  );
  return ExitCode.Ok;
};
