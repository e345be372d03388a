import type { Instant } from '@aimline/calendar';
import { ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { attendanceOverview, attendanceOverviewProjection } from '../views/attendance-views.js';
import { attendanceText } from '../views/text.js';
import { replayVisible } from '../views/visible-replay.js';

/** `aimline attendance [--as-of ISO]`. */
export const attendanceCommand = async (rt: Runtime, o: { asOf?: Instant }): Promise<number> => {
  const asOf = o.asOf ?? rt.now();
  const s = await replayVisible(rt, 'attendance', attendanceOverviewProjection(rt.registry), asOf);
  const overview = attendanceOverview(rt, s.cases, asOf);
  rt.output.result(overview, () => attendanceText(overview));
  return ExitCode.Ok;
};
