import { describeUnreadable, type UnreadableEvent } from '@aimline/projections';
import { ExitCode } from './exit-codes.js';
import { toJson, type Output } from './output.js';

/**
 * What a read command had to leave out: every stored event it could not decode or fold
 * (stream, revision, why). Reads go on past such events; the run ends with exit code 4.
 */
export class UnreadableHistory {
  private readonly seen = new Map<string, UnreadableEvent>();

  /** Records events set aside by a read (the same event reported twice counts once). */
  add(events: ReadonlyArray<UnreadableEvent>): void {
    for (const e of events) this.seen.set(`${e.stream}\u0000${e.revision}\u0000${e.why}`, e);
  }

  get events(): ReadonlyArray<UnreadableEvent> {
    return [...this.seen.values()];
  }

  /**
   * Reports what was left out on stderr (one JSON line with --json) and turns a finished
   * command's exit code into 4 when anything was.
   */
  finish(output: Output, code: number): number {
    const events = this.events;
    if (events.length === 0) return code;
    if (output.json) output.note(toJson({ corruptHistory: events }, 0));
    else
      output.note(
        [
          `aimline: corrupt history: ${events.length} stored event(s) could not be read and were left out of this answer:`,
          ...events.map((e) => `  ${describeUnreadable(e)}`),
        ].join('\n'),
      );
    return code === ExitCode.Ok || code === ExitCode.Failed ? ExitCode.CorruptHistory : code;
  }
}
