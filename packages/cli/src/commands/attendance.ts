import * as E from 'fp-ts/lib/Either.js';
import { replayAsOf } from '@aimline/projections';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../container.js';
import { attendanceOverview, attendanceOverviewProjection } from '../views/attendance-views.js';
import { attendanceText } from '../views/text.js';

/** `aimline attendance [--as-of ISO]`. */
export const attendanceCommand = async (rt: Runtime, o: { asOf?: string }): Promise<number> => {
  const asOf = o.asOf ?? rt.clock();
  const s = await replayAsOf(rt.store, rt.decode, attendanceOverviewProjection(), asOf);
  if (E.isLeft(s)) throw new CliError(s.left.message, ExitCode.CorruptHistory);
  const overview = attendanceOverview(rt, s.right.cases, asOf);
  rt.output.result(overview, () => attendanceText(overview));
  return ExitCode.Ok;
};
