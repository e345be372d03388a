import type { Instant } from '@aimline/calendar';
import { replayAsOf } from '@aimline/projections';
import { ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { attendanceOverview, attendanceOverviewProjection } from '../views/attendance-views.js';
import { attendanceText } from '../views/text.js';

/** `aimline attendance [--as-of ISO]`. */
export const attendanceCommand = async (rt: Runtime, o: { asOf?: Instant }): Promise<number> => {
  const asOf = o.asOf ?? rt.now();
  const s = await replayAsOf(
    rt.visible('attendance'),
    rt.decode,
    attendanceOverviewProjection(rt.registry),
    asOf,
  );
  rt.unreadable.add(s.unreadable);
  const overview = attendanceOverview(rt, s.state.cases, asOf);
  rt.output.result(overview, () => attendanceText(overview));
  return ExitCode.Ok;
};
