/** One attendance case being written: its clock (school days, school hours), its people, its ids. */
import type {
  AimVenue,
  AttendanceAimCommand,
  AttendancePolicy,
  ParentCarer,
  Pupil,
  Target,
} from '@aimline/attendance-aim';
import { isBefore } from '@aimline/calendar';
import type { Actor } from '@aimline/kernel';
import type { CaseWriter } from '../case-writer.js';
import { type Day, H, instant, tod } from '../london-time.js';
import type { Rng } from '../rng.js';
import type { LaStaff, Person, SchoolInfo } from './people.js';
import type { CasePlan } from './plan.js';
import type { Register } from './register.js';
import type { SchoolTerms } from './school-terms.js';

/** The case's clock: every command is later than the one before, in school hours on a school day. */
export class Cursor {
  constructor(
    private readonly terms: SchoolTerms,
    private readonly rng: Rng,
    public day: Day,
    public min: number,
  ) {}

  get at(): string {
    return instant(this.day, this.min);
  }

  /** A little later the same day; the next school day's morning once the day is over. */
  later(from = 10, to = 45): string {
    const m = this.min + tod(this.rng, from, to);
    if (m <= H(17, 15)) this.min = m;
    else {
      this.day = this.terms.add(this.day, 1);
      this.min = tod(this.rng, H(9), H(10));
    }
    return this.at;
  }

  /** On `day` (a pupil day, never before the cursor's), at a time between `from` and `to`. */
  on(day: Day, from = H(9, 15), to = H(16)): string {
    const d = this.terms.onOrAfter(day < this.day ? this.day : day);
    if (d === this.day) {
      const m = Math.max(this.min + 10, tod(this.rng, from, to));
      if (m <= H(16, 55)) {
        this.min = m;
        return this.at;
      }
      this.day = this.terms.add(this.day, 1);
      this.min = tod(this.rng, from, to);
      return this.at;
    }
    this.day = d;
    this.min = tod(this.rng, from, to);
    return this.at;
  }

  /** `n` pupil days on. */
  after(n: number, from = H(9, 15), to = H(16)): string {
    return this.on(this.terms.add(this.day, n), from, to);
  }

  /** Exactly at a given day and time (after a meeting's start); never earlier than the cursor. */
  exactly(day: Day, min: number): string {
    const at = instant(day, min);
    if (isBefore(at, this.at)) throw new Error(`demo: ${at} is before the case clock ${this.at}`);
    this.day = day;
    this.min = min;
    return at;
  }
}

export interface Aim {
  readonly meetingId: string;
  readonly day: Day;
  readonly min: number;
  readonly start: string;
  readonly venue: AimVenue;
  readonly venueText: string;
}

export interface Case {
  readonly w: CaseWriter<AttendanceAimCommand>;
  readonly rng: Rng;
  readonly terms: SchoolTerms;
  readonly policy: AttendancePolicy;
  readonly reg: Register;
  readonly cur: Cursor;
  readonly plan: CasePlan;
  readonly pupil: Pupil;
  readonly parents: ParentCarer[];
  readonly school: SchoolInfo;
  readonly la: LaStaff;
  readonly address: string;
  readonly inclusionOfficer: Person;
  readonly enforcement: Person;
  seq: { meeting: number; interaction: number; step: number; doc: number };
  /** The targets set at each AIM that was held (for the reviewer's evaluations). */
  readonly targets: Map<string, ReadonlyArray<Target>>;
}

export const carers = (c: Case): ParentCarer[] => c.parents.filter((p) => p.dayToDayResponsibility);

export const lead = (c: Case): Actor => c.school.lead.actor;

export const doc = (c: Case, what: string): string =>
  `dms://${c.school.schoolId}/${c.w.caseId}/${String(++c.seq.doc).padStart(2, '0')}-${what}`;

export const officer = (p: Person) => ({ officerId: p.id, name: p.name });

export const interactionId = (c: Case): string =>
  `${c.w.caseId}-int-${String(++c.seq.interaction).padStart(2, '0')}`;

export const stepId = (c: Case): string => `${c.w.caseId}-step-${++c.seq.step}`;
