import { describeUnreadable, isOutOfView, type ToldDamage } from '@aimline/projections';
import { ExitCode } from './exit-codes.js';
import { toJson, type Output } from './output.js';

/**
 * The damaged stored events a read command met: every one it could not decode or fold, or at
 * which its stream's hash chain breaks (stream, revision, why) — as the principal is told of
 * it: damage at an event their view does not show names the stream alone (`toldTo`). Reads go
 * on past them; the run ends with exit code 4.
 */
export class UnreadableHistory {
  private readonly seen = new Map<string, ToldDamage>();

  /**
   * Records damaged events: an event reported again (say, one that neither decodes nor
   * matches its hash) is one event, its reasons joined.
   */
  add(events: ReadonlyArray<ToldDamage>): void {
    for (const e of events) {
      // Damage out of view is one entry per stream (it has no revision the principal is told).
      const key = isOutOfView(e) ? `${e.stream}\u0000` : `${e.stream}\u0000${e.revision}`;
      const known = this.seen.get(key);
      if (known === undefined) this.seen.set(key, e);
      else if (!known.why.split('; ').includes(e.why))
        this.seen.set(key, { ...known, why: `${known.why}; ${e.why}` });
    }
  }

  get events(): ReadonlyArray<ToldDamage> {
    return [...this.seen.values()];
  }

  /**
   * Reports the damaged events on stderr (one JSON line with --json) and turns a finished
   * command's exit code into 4 when there were any.
   */
  finish(output: Output, code: number): number {
    const events = this.events;
    if (events.length === 0) return code;
    if (output.json) output.note(toJson({ corruptHistory: events }, 0));
    else
      output.note(
        [
          `aimline: corrupt history: ${events.length} stored event(s) are damaged (what could not be read is left out of this answer):`,
          ...events.map((e) => `  ${describeUnreadable(e)}`),
        ].join('\n'),
      );
    return code === ExitCode.Ok || code === ExitCode.Failed ? ExitCode.CorruptHistory : code;
  }
}
