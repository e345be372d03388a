/** The sitting decider's `decide`: one handler per command, each in its phase's file. */
import { decideWhen, dispatch, handlersNamed } from '@aimline/kernel';
import { holds } from './guards.js';
import type { PanelSittingCommand } from '../sitting/commands.js';
import type { PanelSittingEvent } from '../sitting/events.js';
import type { SittingState } from '../sitting/state.js';
import type { Context, SittingDecision } from './handler.js';
import * as meeting from './sitting-meeting.js';
import * as records from './sitting-records.js';
import * as schedule from './sitting-schedule.js';

/** One handler per command, named after it in its phase's module. */
const onSitting = dispatch(
  handlersNamed<PanelSittingCommand, SittingState, Context, PanelSittingEvent>({
    ...schedule,
    ...meeting,
    ...records,
  }),
);

export const decideSitting =
  (ctx: Context) =>
  (c: PanelSittingCommand, s: SittingState): SittingDecision =>
    // ScheduleSitting names the sitting the stream is to hold.
    decideWhen(
      c.type === 'ScheduleSitting' ? [] : [holds('sitting', s.sittingId, c.data.sittingId)],
      () => onSitting(c, s, ctx),
    );
