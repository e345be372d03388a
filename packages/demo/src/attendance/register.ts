/** A pupil's register marks, generated day by day with the national codes and imported per period. */
import type { AttendanceCode, CommandData, SessionMark } from '@aimline/attendance-aim';
import { addDays } from '@aimline/calendar';
import type { Day } from '../london-time.js';
import type { Rng } from '../rng.js';
import type { SchoolTerms } from './school-terms.js';

/** How a pupil attends over a stretch of time. */
export interface Regime {
  /** Chance that a day starts a new absence. */
  readonly absence: number;
  /** Share of absences that are unauthorised. */
  readonly unauthorised: number;
  /** Chance of arriving late. */
  readonly late: number;
}

export const REGIMES = {
  severe: { absence: 0.55, unauthorised: 0.75, late: 0.15 },
  persistentUnauthorised: { absence: 0.18, unauthorised: 0.85, late: 0.15 },
  persistent: { absence: 0.13, unauthorised: 0.55, late: 0.1 },
  illness: { absence: 0.11, unauthorised: 0.15, late: 0.05 },
  partial: { absence: 0.08, unauthorised: 0.5, late: 0.08 },
  improving: { absence: 0.03, unauthorised: 0.25, late: 0.05 },
  good: { absence: 0.015, unauthorised: 0.1, late: 0.03 },
} as const satisfies Record<string, Regime>;

type IncomingMark = CommandData<'ImportAttendance'>['sessions'][number];

/** The register of one pupil: generated day by day as periods are imported, mirrored for checks. */
export class Register {
  private readonly regimes: Array<{ readonly from: Day; readonly regime: Regime }> = [];
  private readonly forced = new Map<Day, readonly [AttendanceCode, AttendanceCode]>();
  private readonly generated = new Map<Day, readonly [AttendanceCode, AttendanceCode]>();
  private generatedTo: Day;
  private previous: AttendanceCode | undefined;
  /** What the case holds: the marks imported so far, corrections applied. */
  readonly recorded = new Map<string, SessionMark>();
  importedTo: Day;

  constructor(
    private readonly rng: Rng,
    private readonly terms: SchoolTerms,
    firstDay: Day,
    regime: Regime,
  ) {
    this.generatedTo = addDays(firstDay, -1);
    this.importedTo = addDays(firstDay, -1);
    this.regimes.push({ from: firstDay, regime });
  }

  /** From the day after `day` on, the pupil attends like `regime` (a meeting shows the next day). */
  setRegimeAfter(day: Day, regime: Regime): void {
    this.regimes.push({ from: addDays(day, 1), regime });
  }

  /** A term-time holiday or a run of days with fixed codes. */
  force(day: Day, codes: readonly [AttendanceCode, AttendanceCode]): void {
    this.forced.set(day, codes);
  }

  private regimeOn(day: Day): Regime {
    let r = this.regimes[0]!.regime;
    for (const x of this.regimes) if (x.from <= day) r = x.regime;
    return r;
  }

  private draw(r: Regime): readonly [AttendanceCode, AttendanceCode] {
    const rng = this.rng;
    const prev = this.previous;
    // Illness and truancy come in runs of days.
    if (prev === 'I' && rng.chance(0.45)) return ['I', 'I'];
    if ((prev === 'O' || prev === 'N') && rng.chance(0.35 * r.unauthorised)) return ['O', 'O'];
    if (rng.chance(r.absence)) {
      if (rng.chance(r.unauthorised)) {
        const code: AttendanceCode = rng.chance(0.82) ? 'O' : 'N';
        if (rng.chance(0.2)) return rng.chance(0.5) ? [code, '\\'] : ['/', code];
        return [code, code];
      }
      const p = rng.next();
      if (p < 0.68) return ['I', 'I'];
      if (p < 0.86) return rng.chance(0.5) ? ['M', '\\'] : ['/', 'M'];
      if (p < 0.94) return ['C', 'C'];
      return ['R', 'R'];
    }
    const am: AttendanceCode = rng.chance(r.late)
      ? rng.chance(0.3 * r.unauthorised + 0.05)
        ? 'U'
        : 'L'
      : rng.chance(0.01)
        ? 'V'
        : '/';
    const pm: AttendanceCode = am === 'V' ? 'V' : rng.chance(0.015) ? 'P' : '\\';
    return [am, pm];
  }

  private codesOn(day: Day): readonly [AttendanceCode, AttendanceCode] | undefined {
    while (this.generatedTo < day) {
      const d = addDays(this.generatedTo, 1);
      this.generatedTo = d;
      if (!this.terms.isSchoolDay(d)) continue;
      const codes: readonly [AttendanceCode, AttendanceCode] = this.terms.isInset(d)
        ? ['#', '#']
        : (this.forced.get(d) ?? this.draw(this.regimeOn(d)));
      this.generated.set(d, codes);
      if (!this.terms.isInset(d)) this.previous = codes[0] === '/' ? codes[1] : codes[0];
    }
    return this.generated.get(day);
  }

  /** The marks of every school day from `from` to `to`. */
  marks(from: Day, to: Day): IncomingMark[] {
    const out: IncomingMark[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const codes = this.codesOn(d);
      if (codes === undefined) continue;
      out.push({ date: d, session: 'AM', code: codes[0] });
      out.push({ date: d, session: 'PM', code: codes[1] });
    }
    return out;
  }

  record(marks: ReadonlyArray<IncomingMark>): void {
    for (const m of marks)
      this.recorded.set(`${m.date}|${m.session}`, {
        date: m.date,
        session: m.session,
        code: m.code as AttendanceCode,
      });
  }

  all(): SessionMark[] {
    return [...this.recorded.values()];
  }
}
