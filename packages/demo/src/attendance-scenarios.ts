/**
 * Synthetic school attendance AIM cases for `aimline demo`: invented pupils (primary and
 * secondary, some in Year 11) and parents, register marks imported per period with the national
 * codes (some pupils persistently or severely absent, some over the penalty-notice threshold),
 * support evidence, letters to each parent, interactions and direct quotes, the AIM with every
 * branch of ATT-5, targets reviewed against the attendance recorded, and for some families the
 * road to legal intervention (ATT-9, ATT-10, NAT-7, NAT-8) with AIMs continuing alongside it
 * (ATT-8). Some reviews are late and some events recorded days late on purpose, and a few commands
 * are refused on purpose to show typed rejections. Pure apart from `ctx.rng`.
 */
import {
  addWorkingDaysToDate,
  easterSundayDate as easterSunday,
  isWorkingDay,
  type Calendar,
  isBefore,
  addDays,
  daysBetween,
  isoWeekday,
} from '@aimline/calendar';
import type { Actor, AnyDomainModule } from '@aimline/kernel';
import {
  endOfCompulsorySchoolAge,
  evaluateMeasure,
  mayProceed,
  schoolPhase,
  summariseAttendance,
  unauthorisedInRollingWindow,
  yearGroupOn,
  type AimVenue,
  type AttendanceCode,
  type AttendancePolicy,
  type Attendee,
  type AttendanceAimCommand,
  type CommandData,
  type ParentCarer,
  type Pupil,
  type SessionMark,
  type Target,
} from '@aimline/attendance-aim';
import { CaseWriter, toSteps, type Draft } from './case-writer.js';
import { AGENCIES, FIRST_NAMES, inventName, LAST_NAMES, SCHOOLS } from './invented-people.js';
import type { Rng } from './rng.js';
import { moduleNamed, type ScenarioContext, type ScenarioGenerator } from './scenario.js';
import { demoWindow, H, hhmm, instant, tod, type Day } from './london-time.js';

/** The paths a case can walk (see `attendancePathsFor`). */
export type AttendancePath =
  /** Pupil and parents attend (ATT-5: proceed); targets met at the review AIM; closed. */
  | 'engaged'
  /** Primary pupil, parents attend alone (proceeds below the expected year group); attendance contract. */
  | 'primary-parents'
  /** Secondary pupil attends alone (ATT-5: proceeds); parents unreachable. */
  | 'pupil-alone'
  /** Parents attend without their secondary-age child (ATT-5: not held, next step), then a home AIM. */
  | 'parents-without-pupil'
  /** Nobody attends (ATT-5: not held); no engagement; notice to improve, penalty notices, prosecution. */
  | 'no-engagement-legal'
  /** Engages, then stops; legal request; penalty notices paid; AIMs continue (ATT-8); closed. */
  | 'penalty-paid'
  /** Legal request ending in an education supervision order; AIMs continue (ATT-8). */
  | 'eso'
  /** Year 11: the legal road meets the end of compulsory school age (NAT-8, ATT-10). */
  | 'year11';

// ── an invented but typical English school calendar ─────────────────────────

interface Holiday {
  readonly from: Day;
  readonly to: Day;
}

interface SchoolYearDates {
  /** The first day of the autumn term (an INSET day: no pupils, marked `#`). */
  readonly firstDay: Day;
  readonly holidays: ReadonlyArray<Holiday>;
}

/** The Monday between `from` and `to` (days of `month` in `year`). */
const mondayBetween = (year: number, month: number, from: number, to: number): Day => {
  for (let d = from; d <= to; d++) {
    const day = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (isoWeekday(day) === 1) return day;
  }
  throw new RangeError(`demo: no Monday in ${year}-${month} ${from}..${to}`);
};
const week = (monday: Day): Holiday => ({ from: monday, to: addDays(monday, 4) });

/**
 * Term dates like most English schools': autumn from early September with a half term in late
 * October, Christmas, a February half term, two weeks at Easter, the late-May half term and the
 * summer from 23 July. Bank holidays come from the council's calendar.
 */
class SchoolTerms {
  private readonly years = new Map<number, SchoolYearDates>();
  constructor(readonly cal: Calendar) {}

  private firstDayOf(s: number): Day {
    let d = `${s}-09-02`;
    while (isoWeekday(d) >= 6) d = addDays(d, 1);
    return d;
  }

  /** The dates of the school year starting in September of `s`. */
  year(s: number): SchoolYearDates {
    const known = this.years.get(s);
    if (known !== undefined) return known;
    const easter = easterSunday(s + 1);
    const y: SchoolYearDates = {
      firstDay: this.firstDayOf(s),
      holidays: [
        week(mondayBetween(s, 10, 22, 28)),
        { from: `${s}-12-21`, to: `${s + 1}-01-03` },
        week(mondayBetween(s + 1, 2, 12, 18)),
        { from: addDays(easter, -6), to: addDays(easter, 5) },
        week(mondayBetween(s + 1, 5, 25, 31)),
        { from: `${s + 1}-07-23`, to: `${s + 1}-08-31` },
      ],
    };
    this.years.set(s, y);
    return y;
  }

  static startYearOf(day: Day): number {
    const y = Number(day.slice(0, 4));
    return Number(day.slice(5, 7)) >= 9 ? y : y - 1;
  }

  /** Staff are in school: a weekday in term that is not a bank holiday (INSET days included). */
  isSchoolDay(day: Day): boolean {
    if (isoWeekday(day) >= 6 || !isWorkingDay(this.cal, day)) return false;
    const y = this.year(SchoolTerms.startYearOf(day));
    if (day < y.firstDay) return false;
    return !y.holidays.some((h) => day >= h.from && day <= h.to);
  }

  /** An INSET day: school is open to staff, closed to pupils (`#`). */
  isInset(day: Day): boolean {
    return this.year(SchoolTerms.startYearOf(day)).firstDay === day;
  }

  private readonly pupilDays = new Map<Day, boolean>();

  /** A day pupils are expected in school. */
  isPupilDay(day: Day): boolean {
    let known = this.pupilDays.get(day);
    if (known === undefined) {
      known = this.isSchoolDay(day) && !this.isInset(day);
      this.pupilDays.set(day, known);
    }
    return known;
  }

  onOrAfter(day: Day): Day {
    let d = day;
    while (!this.isPupilDay(d)) d = addDays(d, 1);
    return d;
  }

  onOrBefore(day: Day): Day {
    let d = day;
    while (!this.isPupilDay(d)) d = addDays(d, -1);
    return d;
  }

  /** The nth pupil day after `day`. */
  add(day: Day, n: number): Day {
    let d = day;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (this.isPupilDay(d)) left--;
    }
    return d;
  }

  /** The latest pupil day at most `n` working days after `day` (and not before it). */
  withinWorkingDays(day: Day, n: number): Day {
    const limit = this.onOrBefore(addWorkingDaysToDate(this.cal, day, n));
    return limit < day ? day : limit;
  }
}

// ── invented people ──────────────────────────────────────────────────────────

interface Person {
  readonly id: string;
  readonly name: string;
  readonly actor: Actor;
}

interface SchoolInfo {
  readonly schoolId: string;
  readonly name: string;
  readonly primary: boolean;
  readonly lead: Person;
  readonly senior: Person;
  readonly dataManager: Person;
  readonly mentor: Person;
}

interface LaStaff {
  readonly inclusionOfficers: ReadonlyArray<Person>;
  readonly leadOfficer: Person;
  readonly enforcement: ReadonlyArray<Person>;
  readonly socialWorkers: ReadonlyArray<Person>;
  readonly earlyHelp: ReadonlyArray<Person>;
  readonly camhs: ReadonlyArray<Person>;
  readonly esoOfficer: Person;
}

const LA_INCLUSION = 'local-authority-inclusion';
const LA_LEGAL = 'local-authority-legal-intervention';
const EARLY_HELP = 'early-help';

class People {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}
  id(prefix: string): string {
    for (;;) {
      const id = `${prefix}-${String(this.rng.int(1, 9999)).padStart(4, '0')}`;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
  person(prefix: string, role: string, agency: string): Person {
    const id = this.id(prefix);
    return { id, name: inventName(this.rng), actor: { id, role, agency } };
  }
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const makeSchools = (people: People): ReadonlyArray<SchoolInfo> =>
  SCHOOLS.map((name) => ({
    schoolId: `sch-${slug(name)}`,
    name,
    primary: /Primary/.test(name),
    lead: people.person('al', 'attendance lead', AGENCIES.education),
    senior: people.person('slt', 'deputy headteacher', AGENCIES.education),
    dataManager: people.person('dm', 'data manager', AGENCIES.education),
    mentor: people.person('lm', 'learning mentor', AGENCIES.education),
  }));

const makeLaStaff = (people: People): LaStaff => ({
  inclusionOfficers: [1, 2].map(() => people.person('io', 'inclusion officer', LA_INCLUSION)),
  leadOfficer: people.person(
    'llo',
    'lead officer for legal intervention in education (attendance)',
    LA_LEGAL,
  ),
  enforcement: [1, 2].map(() => people.person('aeo', 'attendance enforcement officer', LA_LEGAL)),
  socialWorkers: [1, 2].map(() => people.person('sw', 'social worker', AGENCIES.csc)),
  earlyHelp: [1, 2].map(() => people.person('eh', 'family support worker', EARLY_HELP)),
  camhs: [people.person('mhst', 'mental health practitioner', AGENCIES.health)],
  esoOfficer: people.person('eso', 'education supervision officer', LA_INCLUSION),
});

// ── register marks ───────────────────────────────────────────────────────────

/** How a pupil attends over a stretch of time. */
interface Regime {
  /** Chance that a day starts a new absence. */
  readonly absence: number;
  /** Share of absences that are unauthorised. */
  readonly unauthorised: number;
  /** Chance of arriving late. */
  readonly late: number;
}

const REGIMES = {
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
class Register {
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

  /** From `from` on, the pupil attends like `regime`. */
  setRegime(from: Day, regime: Regime): void {
    this.regimes.push({ from, regime });
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

// ── one case being written ───────────────────────────────────────────────────

/** The case's clock: every command is later than the one before, in school hours on a school day. */
class Cursor {
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

type Rejectable = 'ATT-2' | 'NAT-4' | 'NAT-8';

interface CasePlan {
  readonly caseId: string;
  readonly path: AttendancePath;
  readonly openDay: Day;
  readonly yearGroup: number;
  readonly showRejections: ReadonlySet<Rejectable>;
  /** The review of the first AIM is late (ATT-7 breached). */
  readonly lateReview: boolean;
}

interface Aim {
  readonly meetingId: string;
  readonly day: Day;
  readonly min: number;
  readonly start: string;
  readonly venue: AimVenue;
  readonly venueText: string;
}

interface Case {
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

const carers = (c: Case): ParentCarer[] => c.parents.filter((p) => p.dayToDayResponsibility);
const lead = (c: Case): Actor => c.school.lead.actor;
const doc = (c: Case, what: string): string =>
  `dms://${c.school.schoolId}/${c.w.caseId}/${String(++c.seq.doc).padStart(2, '0')}-${what}`;
const officer = (p: Person) => ({ officerId: p.id, name: p.name });

// ── invented content ─────────────────────────────────────────────────────────

const SUPPORT_STEPS = [
  'Daily morning check-in with the learning mentor at the school gate',
  'Attendance conversation with the parent and the form tutor',
  'Referral to the school nurse about recurring stomach aches on school mornings',
  'Early Help assessment offered; family support worker allocated',
  'Soft start: first lesson in the library with a named adult',
  'Breakfast club place offered free of charge',
  'Bus pass arranged after transport difficulties were raised',
  'Referral to the Mental Health Support Team in schools',
  'Young carer assessment requested',
  'Home visit by the attendance lead to talk through the barriers to attendance',
  'Reduced timetable for two weeks with a plan to return to full time',
  'Weekly attendance report sent home with praise for full weeks',
] as const;

const PUPIL_QUOTES = [
  'I get a tummy ache on Sunday night just thinking about Monday.',
  'Mornings are hard because I walk my little brother to his school first.',
  'I don’t like PE, people laugh at me in the changing rooms.',
  'If I miss one day it’s harder to go back the next day, because I don’t know what they did.',
  'I’d come in more if I could start in the library and not in form time.',
  'I’m tired because I’m up late on my phone, I know.',
  'The bus is always full so I just go home.',
  'I like it when Miss checks in with me at the gate.',
] as const;

const PARENT_QUOTES = [
  'I can’t physically get her out of bed, I’ve tried everything.',
  'It’s been a really hard winter and I’m on my own with three of them.',
  'I didn’t realise it was this many days until I saw the letter.',
  'He says he’s poorly and I don’t want to send him in if he’s ill.',
  'I work early shifts so I’m gone before they get up.',
  'We want to work with the school, we just need some help with the mornings.',
  'Nobody listens to us, so why should we come in?',
  'The walk to the new school is too far without a bus pass.',
] as const;

const WHAT_WORKED = [
  'Walking to school with a friend from the same street',
  'The soft start in the library on Mondays',
  'Breakfast club on the days it was used',
  'Knowing a named adult meets the pupil at the gate',
  'Praise postcards home for full weeks',
  'The family support worker’s morning visits',
] as const;

const STRATEGIES = [
  'Morning phone call from the attendance lead on the days after a weekend',
  'Time-out card for lessons that cause anxiety',
  'Alarm clock and a visual morning routine at home',
  'Lift-share with a neighbour on Tuesdays and Thursdays',
  'Weekly check-in with the school nurse',
  'Phased return to full timetable over three weeks',
  'Referral to the young carers’ group',
] as const;

const pickSome = <T>(rng: Rng, items: ReadonlyArray<T>, n: number): T[] => {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0)
    out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
};

// ── building blocks ──────────────────────────────────────────────────────────

const interactionId = (c: Case): string =>
  `${c.w.caseId}-int-${String(++c.seq.interaction).padStart(2, '0')}`;
const stepId = (c: Case): string => `${c.w.caseId}-step-${++c.seq.step}`;

/** A conversation recorded shortly after it happened (ATT-3: date, time and mode). */
const interact = (
  c: Case,
  withWhom: { kind: 'pupil' } | { kind: 'parent'; parentId: string },
  mode: CommandData<'RecordInteraction'>['mode'],
  summary: string,
  actor: Actor = lead(c),
  response?: CommandData<'RecordInteraction'>['response'],
): void => {
  const at = c.cur.at;
  const occurredAt = instant(c.cur.day, Math.max(H(8, 30), c.cur.min - 5 * c.rng.int(2, 8)));
  c.w.emit('RecordInteraction', at, actor, {
    interactionId: interactionId(c),
    with: withWhom,
    occurredAt,
    mode,
    summary,
    ...(response === undefined ? {} : { response }),
  });
};

const voice = (
  c: Case,
  speaker: { kind: 'pupil' } | { kind: 'parent'; parentId: string },
  meetingId?: string,
): void => {
  const quote = c.rng.pick(speaker.kind === 'pupil' ? PUPIL_QUOTES : PARENT_QUOTES);
  c.w.emit('CaptureVoice', c.cur.later(5, 15), lead(c), {
    speaker,
    quote,
    capturedOn: c.cur.day,
    ...(meetingId === undefined ? {} : { meetingId }),
  });
};

/** NAT-4: the register since the last import, up to and including `to`. */
const importUpTo = (c: Case, to: Day, opts: { overlapOnPurpose?: boolean } = {}): void => {
  const from = addDays(c.reg.importedTo, 1);
  if (to < from) return;
  const sessions = c.reg.marks(from, to);
  const actor = c.school.dataManager.actor;
  if (opts.overlapOnPurpose === true) {
    // The school re-sends its last export as well: the sessions already recorded are refused.
    const lastDay = [...c.reg.recorded.values()]
      .map((m) => m.date)
      .sort()
      .at(-1);
    if (lastDay !== undefined) {
      const again = [...c.reg.recorded.values()]
        .filter((m) => m.date === lastDay)
        .map((m) => ({ date: m.date, session: m.session, code: m.code }));
      c.w.emit(
        'ImportAttendance',
        c.cur.at,
        actor,
        {
          period: { from: lastDay, to },
          sessions: [...again, ...sessions],
          source: 'school MIS register export',
        },
        'NAT-4',
      );
      c.cur.later(10, 25);
    }
  }
  c.w.emit('ImportAttendance', c.cur.at, actor, {
    period: { from, to },
    sessions,
    source: 'school MIS register export',
  });
  c.reg.record(sessions);
  c.reg.importedTo = to;
};

/** The register up to yesterday, imported first thing (09:00-09:20) on the cursor's day. */
const importToYesterday = (c: Case, opts: { overlapOnPurpose?: boolean } = {}): void => {
  const yesterday = addDays(c.cur.day, -1);
  if (yesterday <= c.reg.importedTo) return;
  importUpTo(c, yesterday, opts);
  c.cur.later(5, 20);
};

/** NAT-4: a "reason not yet provided" mark corrected once the reason is known (or not). */
const correctAMark = (c: Case): void => {
  const n = [...c.reg.recorded.values()].find((m) => m.code === 'N');
  if (n === undefined) return;
  const to: AttendanceCode = c.rng.chance(0.7) ? 'O' : 'I';
  c.w.emit('CorrectAttendanceMark', c.cur.later(10, 40), c.school.dataManager.actor, {
    date: n.date,
    session: n.session,
    code: to,
    reason:
      to === 'O'
        ? 'No reason received within five school days: recorded as unauthorised.'
        : 'Parent provided a GP appointment card: illness.',
  });
  c.reg.recorded.set(`${n.date}|${n.session}`, { ...n, code: to });
};

/** ATT-1: the support the school has already put in, and how the family engaged. */
const attachSupport = (c: Case, engagement: 'engaged' | 'mixed' | 'not-engaged'): void => {
  const steps = pickSome(c.rng, SUPPORT_STEPS, c.rng.int(2, 4)).map((description, i) => ({
    description,
    startedOn: c.terms.onOrBefore(addDays(c.cur.day, -7 * c.rng.int(2, 9) - i)),
    engagement:
      engagement === 'mixed'
        ? c.rng.pick(['engaged', 'partly-engaged', 'not-engaged'] as const)
        : engagement === 'engaged'
          ? c.rng.pick(['engaged', 'partly-engaged'] as const)
          : c.rng.pick(['not-engaged', 'not-engaged', 'partly-engaged'] as const),
  }));
  steps.sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  c.w.emit('AttachSupportEvidence', c.cur.later(20, 90), lead(c), {
    documentRef: doc(c, 'steps-before-legal-intervention.pdf'),
    steps,
  });
};

/** Opens the case with the register's history, the support evidence and a first conversation. */
const openCase = (c: Case, engagement: 'engaged' | 'mixed' | 'not-engaged'): void => {
  c.w.emit('OpenAttendanceCase', c.cur.at, lead(c), {
    pupil: c.pupil,
    school: { schoolId: c.school.schoolId, name: c.school.name },
    parents: [...c.parents],
  });
  c.cur.later(10, 30);
  importUpTo(c, addDays(c.cur.day, -1));
  if (c.rng.chance(0.7)) correctAMark(c);
  attachSupport(c, engagement);
  const first = carers(c)[0] ?? c.parents[0]!;
  c.cur.later(30, 120);
  interact(
    c,
    { kind: 'parent', parentId: first.parentId },
    c.rng.pick(['phone', 'phone', 'in-person'] as const),
    engagement === 'not-engaged'
      ? `Attendance lead rang ${first.firstName} ${first.lastName} about the absences; no answer, voicemail left and a text sent.`
      : `Attendance lead spoke with ${first.firstName} ${first.lastName} about the pattern of absence and the support in place.`,
  );
  if (engagement !== 'not-engaged') voice(c, { kind: 'parent', parentId: first.parentId });
};

const SETTING_TEXT = {
  school: (c: Case) => `${c.school.name}, attendance meeting room`,
  home: (c: Case) => c.address,
  neutral: () => 'Brambleford Family Hub, Room 2',
} as const;

/** ATT-2, ATT-3: the AIM is set by the school and each parent is written to individually. */
const scheduleAim = (
  c: Case,
  opts: {
    readonly setting?: 'school' | 'home' | 'neutral';
    readonly onDay?: Day;
    readonly badLetter?: boolean;
    readonly schoolDaysAhead?: number;
  } = {},
): Aim => {
  const setting = opts.setting ?? 'school';
  const scheduledAt = c.cur.later(15, 60);
  const notice = c.policy.letterNoticeSchoolDays + 3;
  const earliest = c.terms.add(
    c.cur.day,
    Math.max(notice, opts.schoolDaysAhead ?? c.rng.int(notice, notice + 4)),
  );
  const day = c.terms.onOrAfter(
    opts.onDay !== undefined && opts.onDay > earliest ? opts.onDay : earliest,
  );
  const min = c.rng.pick([H(9, 30), H(10), H(11), H(13, 30), H(14), H(15, 30)]);
  const venueText = SETTING_TEXT[setting](c);
  const aim: Aim = {
    meetingId: `${c.w.caseId}-aim-${++c.seq.meeting}`,
    day,
    min,
    start: instant(day, min),
    venue: { setting, location: { mode: 'venue', venue: venueText } },
    venueText,
  };
  c.w.emit('ScheduleAim', scheduledAt, lead(c), {
    meetingId: aim.meetingId,
    start: aim.start,
    venue: aim.venue,
  });
  sendLetters(c, aim, opts.badLetter === true);
  return aim;
};

const sendLetters = (c: Case, aim: Aim, badLetter: boolean): void => {
  for (const [i, p] of c.parents.entries()) {
    const letter = {
      addressedTo: { firstName: p.firstName, lastName: p.lastName },
      statesRiskOfProsecution: true,
      meetingDate: aim.day,
      meetingTime: hhmm(aim.min),
      venue: aim.venueText,
      invitesToSayIfCannotAttend: true,
      offersReasonableAdjustments: true,
      offersHomeOrNeutralVenue: true,
    };
    const channel = p.contact?.email !== undefined && c.rng.chance(0.5) ? 'email' : 'post';
    const base = {
      meetingId: aim.meetingId,
      parentId: p.parentId,
      channel,
      documentRef: doc(c, `aim-letter-${p.parentId}.pdf`),
      coverLetterRef: doc(c, `cover-letter-${p.parentId}.pdf`),
    } as const;
    if (badLetter && i === 0) {
      // The old template left out the prosecution warning: refused under ATT-2, then re-sent.
      c.w.emit(
        'SendAimLetter',
        c.cur.later(10, 30),
        lead(c),
        { ...base, letter: { ...letter, statesRiskOfProsecution: false } },
        'ATT-2',
      );
    }
    c.w.emit('SendAimLetter', c.cur.later(10, 40), lead(c), { ...base, letter });
  }
};

/** A parent answers the letter (ATT-2: invited to say if they cannot attend). */
const answerLetter = (
  c: Case,
  aim: Aim,
  answer: 'will-attend' | 'cannot-attend' | 'requests-adjustment',
): void => {
  const p = carers(c)[0] ?? c.parents[0]!;
  const day = c.terms.add(c.cur.day, c.rng.int(1, 3));
  if (day >= aim.day) return;
  c.cur.on(day, H(9, 15), H(15));
  const summary = {
    'will-attend': `${p.firstName} ${p.lastName} rang to confirm they will come to the meeting.`,
    'cannot-attend': `${p.firstName} ${p.lastName} rang to say they cannot attend at that time because of a hospital appointment.`,
    'requests-adjustment': `${p.firstName} ${p.lastName} asked for an interpreter and a quiet room; both arranged.`,
  }[answer];
  interact(c, { kind: 'parent', parentId: p.parentId }, 'phone', summary, lead(c), {
    meetingId: aim.meetingId,
    answer,
  });
};

interface Presence {
  readonly pupil: boolean;
  readonly parentIds: ReadonlyArray<string>;
  readonly agency?: Person;
  readonly seniorMissing?: boolean;
}

/** ATT-4, ATT-5: who came, and whether the AIM could proceed (worked out as the decider will). */
const recordAim = (
  c: Case,
  aim: Aim,
  who: Presence,
  ifNot: CommandData<'RecordAimAttendance'>['ifNotProceeding'],
  opts: { overlapOnPurpose?: boolean } = {},
): boolean => {
  c.cur.on(aim.day, H(9), aim.min - 10 < H(9) ? H(9) : Math.min(H(9, 20), aim.min - 10));
  importToYesterday(c, opts);
  const attendees: Attendee[] = [
    { role: 'attendance-lead', personId: c.school.lead.id },
    ...(who.seniorMissing === true
      ? []
      : [{ role: 'senior-leader' as const, personId: c.school.senior.id }]),
    ...(who.pupil ? [{ role: 'pupil' as const }] : []),
    ...who.parentIds.map((parentId) => ({ role: 'parent-carer' as const, parentId })),
    ...(who.agency === undefined
      ? []
      : [
          {
            role: 'outside-agency' as const,
            personId: who.agency.id,
            agency: who.agency.actor.agency,
          },
        ]),
  ];
  const yearGroup = yearGroupOn(c.pupil.dateOfBirth, aim.day);
  const decision = mayProceed({
    pupilPresent: who.pupil,
    parentsPresent: who.parentIds.some(
      (id) => c.parents.find((p) => p.parentId === id)?.dayToDayResponsibility === true,
    ),
    pupilExpected: yearGroup >= c.policy.pupilExpectedFromYearGroup,
    phase: schoolPhase(yearGroup, c.policy.secondaryFromYearGroup),
  });
  const at = c.cur.exactly(aim.day, aim.min + 5 * c.rng.int(9, 15));
  c.w.emit('RecordAimAttendance', at, lead(c), {
    meetingId: aim.meetingId,
    attendees,
    ...(decision.proceed || ifNot === undefined ? {} : { ifNotProceeding: ifNot }),
  });
  return decision.proceed;
};

/** ATT-6: what worked, strategies, targets for every party and next steps; voices; minutes. */
const recordOutcome = (c: Case, aim: Aim, who: Presence, stage: 'first' | 'follow-up'): void => {
  if (who.pupil) voice(c, { kind: 'pupil' }, aim.meetingId);
  const parent = who.parentIds[0];
  if (parent !== undefined) voice(c, { kind: 'parent', parentId: parent }, aim.meetingId);
  const t = (n: number) => `${aim.meetingId}-t${n}`;
  const targets: Target[] =
    stage === 'first'
      ? [
          {
            targetId: t(1),
            party: 'pupil',
            wording: 'No further unauthorised absences',
            measure: { kind: 'maxUnauthorisedSessions', value: 0 },
          },
          {
            targetId: t(2),
            party: 'parents',
            wording: 'Attendance of 90% or more until the review',
            measure: { kind: 'minAttendanceRate', value: 0.9 },
          },
          {
            targetId: t(3),
            party: 'school',
            wording: 'Learning mentor meets the pupil at the gate every morning',
          },
        ]
      : [
          {
            targetId: t(1),
            party: 'pupil',
            wording: 'No more than two sessions of absence before the next review',
            measure: { kind: 'maxAbsenceSessions', value: 2 },
          },
          {
            targetId: t(2),
            party: 'parents',
            wording:
              'Attendance of 95% or more; ring the school before 08:45 on any day of illness',
            measure: { kind: 'minAttendanceRate', value: 0.95 },
          },
          {
            targetId: t(3),
            party: 'school',
            wording: 'Weekly attendance update to the parents every Friday',
          },
        ];
  if (who.agency !== undefined)
    targets.push({
      targetId: t(4),
      party: 'agency',
      wording: 'Family support worker visits weekly to support the morning routine',
    });
  c.w.emit('RecordAimOutcome', c.cur.later(15, 30), lead(c), {
    meetingId: aim.meetingId,
    whatWorked: pickSome(c.rng, WHAT_WORKED, c.rng.int(1, 2)),
    strategies: pickSome(c.rng, STRATEGIES, 2).map((description, i) => ({
      description,
      isNew: i === 0 || c.rng.chance(0.4),
    })),
    targets,
    nextSteps: [
      { party: 'pupil', action: 'Come to the gate by 08:40 and check in with the mentor' },
      { party: 'parents', action: 'Ring the attendance line before 08:45 on any day of absence' },
      { party: 'school', action: 'Book the review meeting in four weeks and send the letters' },
      ...(who.agency === undefined
        ? []
        : [
            {
              party: 'agency' as const,
              action: 'Share progress on the family plan before the review',
            },
          ]),
    ],
  });
  c.targets.set(aim.meetingId, targets);
};

/** The minutes of a held AIM (ATT-3), filed the next school day. */
const fileMinutes = (c: Case, aim: Aim): void => {
  c.w.emit('FileDocument', c.cur.after(1, H(9, 15), H(12)), lead(c), {
    documentRef: doc(c, `minutes-${aim.meetingId}.pdf`),
    kind: 'minutes',
    meetingId: aim.meetingId,
  });
};

/** ATT-7: the targets of `of` evaluated against the attendance between it and the review. */
const review = (
  c: Case,
  of: Aim,
  atMeeting?: Aim,
  opts: { overlapOnPurpose?: boolean } = {},
): boolean => {
  const targets = c.targets.get(of.meetingId);
  if (targets === undefined) return false;
  if (atMeeting === undefined) {
    // Late in the day: the review waits for the morning, after that day's register import.
    if (c.cur.min > H(16, 15)) c.cur.after(1, H(9), H(10));
    importToYesterday(c, opts);
  }
  const reviewDay = atMeeting?.day ?? c.cur.day;
  const period = { from: addDays(of.day, 1), to: addDays(reviewDay, -1) };
  const summary = summariseAttendance(c.reg.all(), period, c.policy);
  const measured = targets
    .filter((x) => x.measure !== undefined)
    .map((x) => evaluateMeasure(x.measure!, summary).met);
  const allMet = measured.every((m) => m);
  c.w.emit('ReviewTargets', c.cur.later(10, 30), lead(c), {
    reviewOf: of.meetingId,
    evaluations: targets
      .filter((x) => x.measure === undefined)
      .map((x) => ({
        targetId: x.targetId,
        met: allMet || c.rng.chance(0.6),
        note:
          x.party === 'school'
            ? 'Check-ins logged on most mornings; two missed during staff training.'
            : 'Visits took place weekly; the family found them helpful.',
      })),
    ...(atMeeting === undefined ? {} : { atMeetingId: atMeeting.meetingId }),
  });
  return allMet;
};

/** The day of the review of `aim`: `reviewAfterWeeks` later, or the last pupil day before it. */
const reviewDay = (c: Case, aim: Aim, extraDays = 0): Day => {
  const due = addDays(aim.day, 7 * c.policy.reviewAfterWeeks + extraDays);
  const d = c.terms.onOrBefore(due);
  // ATT-7: some attendance must lie between the AIM and its review (else after the holiday).
  return d >= addDays(aim.day, 2) ? d : c.terms.onOrAfter(due);
};

/** An AIM held to review the last one: scheduled, letters sent, maybe rearranged (late on purpose). */
const reviewAim = (
  c: Case,
  last: Aim,
  opts: { late?: boolean; setting?: 'school' | 'home' | 'neutral' } = {},
): Aim => {
  c.cur.after(c.rng.int(3, 6));
  let aim = scheduleAim(c, {
    onDay: reviewDay(c, last),
    ...(opts.setting === undefined ? {} : { setting: opts.setting }),
  });
  if (opts.late === true) {
    answerLetter(c, aim, 'cannot-attend');
    // Rearranged a week or two later: the review falls after its due date (ATT-7 breached).
    const notice = c.policy.letterNoticeSchoolDays + 2;
    const wanted = reviewDay(c, last, c.rng.int(8, 14));
    const earliest = c.terms.add(c.cur.day, notice);
    const day = c.terms.onOrAfter(wanted > earliest ? wanted : earliest);
    const min = c.rng.pick([H(9, 30), H(13, 30), H(15, 30)]);
    aim = { ...aim, day, min, start: instant(day, min) };
    c.w.emit('RearrangeAim', c.cur.later(20, 60), lead(c), {
      meetingId: aim.meetingId,
      start: aim.start,
      venue: aim.venue,
      reason: 'Parent cannot attend at the original time (hospital appointment).',
    });
    sendLetters(c, aim, false);
  } else if (c.rng.chance(0.5)) answerLetter(c, aim, 'will-attend');
  return aim;
};

const everyone = (c: Case, extra: Partial<Presence> = {}): Presence => ({
  pupil: true,
  parentIds: carers(c).map((p) => p.parentId),
  ...extra,
});

const closeCase = (c: Case, reason: string): void => {
  c.w.emit('CloseCase', c.cur.after(c.rng.int(1, 4)), lead(c), { reason });
};

/** What happens when nobody says otherwise and the AIM may not proceed (ATT-5). */
const DEFAULT_NEXT = {
  action: 'rearrange',
  note: 'A new date will be offered to the family.',
} as const;

/**
 * The AIM on the day: who came (ATT-4, ATT-5); when it proceeds, the review of the last AIM's
 * targets at it (ATT-7), the outcome (ATT-6) and the minutes the next school day (ATT-3). When it
 * does not proceed, the last AIM's targets are still reviewed that day, on their own.
 */
const hold = (
  c: Case,
  aim: Aim,
  who: Presence,
  opts: {
    readonly stage?: 'first' | 'follow-up';
    readonly reviewOf?: Aim;
    readonly ifNot?: CommandData<'RecordAimAttendance'>['ifNotProceeding'];
  } = {},
): { readonly held: boolean; readonly met: boolean } => {
  const held = recordAim(c, aim, who, opts.ifNot ?? DEFAULT_NEXT);
  let met = false;
  if (opts.reviewOf !== undefined) {
    if (!held) c.cur.later(20, 40);
    met = review(c, opts.reviewOf, held ? aim : undefined);
  }
  if (held) {
    recordOutcome(c, aim, who, opts.stage ?? 'first');
    fileMinutes(c, aim);
  }
  return { held, met };
};

/** ATT-5: the next step after an AIM that did not proceed, well inside the policy's school days. */
const nextStepSoon = (c: Case): void => {
  const within = Math.max(
    1,
    Math.min(c.rng.int(1, 4), c.policy.nextStepAfterNotHeldSchoolDays - 2),
  );
  c.cur.on(c.terms.withinWorkingDays(c.cur.day, within));
};

// ── the road to legal intervention (ATT-9, ATT-10, NAT-7) ───────────────────

const noEngagement = (c: Case, note: string): void => {
  c.w.emit('RecordNoEngagement', c.cur.after(c.rng.int(1, 3)), lead(c), { note });
};

const consultInclusionOfficer = (c: Case, late: boolean): void => {
  const n = c.policy.inclusionOfficerConsultationSchoolDays;
  const day = late
    ? c.terms.add(c.cur.day, n + c.rng.int(4, 7))
    : c.terms.withinWorkingDays(c.cur.day, Math.max(1, n - c.rng.int(2, Math.max(2, n - 1))));
  c.w.emit('ConsultInclusionOfficer', c.cur.on(day), lead(c), {
    officer: officer(c.inclusionOfficer),
    advice:
      'Support has been offered and evidenced; the family has not engaged with the AIM process. Legal action is appropriate to consider: the inclusion officer will arrange a meeting with the lead officer.',
  });
};

const legalMeetingAndRequest = (c: Case): void => {
  c.w.emit(
    'HoldLegalInterventionMeeting',
    c.cur.after(c.rng.int(3, 7), H(10), H(15)),
    c.la.leadOfficer.actor,
    {
      legalMeetingId: `${c.w.caseId}-lim-1`,
      leadOfficer: officer(c.la.leadOfficer),
      inclusionOfficer: officer(c.inclusionOfficer),
      channel: 'teams',
      pathAndTimescales:
        'School to complete the Request to Initiate Legal Proceedings within two weeks with the evidence bundle; notice to improve first, then penalty notice or prosecution depending on attendance.',
    },
  );
  c.cur.after(c.rng.int(3, 8));
  importToYesterday(c);
  const report = doc(c, 'attendance-report.pdf');
  c.w.emit('FileDocument', c.cur.later(10, 30), lead(c), { documentRef: report, kind: 'evidence' });
  c.w.emit('RequestLegalProceedings', c.cur.later(20, 60), lead(c), {
    requestId: `${c.w.caseId}-req-1`,
    formRef: doc(c, 'request-to-initiate-legal-proceedings.pdf'),
    evidence: [report, doc(c, 'interaction-log.pdf'), doc(c, 'aim-letters-and-minutes.pdf')],
  });
};

const noticeToImprove = (c: Case): Day => {
  const { minWeeks, maxWeeks } = c.policy.noticeToImprove;
  const weeks = c.rng.int(minWeeks, Math.max(minWeeks, Math.min(maxWeeks, minWeeks + 1)));
  c.w.emit('RecordLegalStep', c.cur.after(c.rng.int(2, 5)), c.enforcement.actor, {
    stepId: stepId(c),
    step: {
      kind: 'notice-to-improve',
      issuedOn: c.cur.day,
      parentIds: carers(c).map((p) => p.parentId),
      improvementPeriodWeeks: weeks,
    },
  });
  return addDays(c.cur.day, 7 * weeks);
};

/** NAT-6, NAT-7: a penalty notice to each parent with day-to-day responsibility, when the threshold is met. */
const penaltyNotices = (c: Case): Array<{ stepId: string; issuedOn: Day }> => {
  importToYesterday(c);
  const window = unauthorisedInRollingWindow(
    c.reg.all(),
    c.cur.day,
    c.policy.penaltyNoticeThreshold,
  );
  if (c.policy.penaltyNoticeRequiresThreshold && !window.thresholdMet) return [];
  return carers(c).map((p) => {
    const id = stepId(c);
    c.w.emit('RecordLegalStep', c.cur.later(10, 30), c.enforcement.actor, {
      stepId: id,
      step: { kind: 'penalty-notice', issuedOn: c.cur.day, parentId: p.parentId },
    });
    return { stepId: id, issuedOn: c.cur.day };
  });
};

const considerProsecution = (
  c: Case,
  eso: 'apply' | 'not-appropriate',
  decision: 'prosecute' | 'do-not-prosecute' | 'defer',
  esoReason: string,
): void => {
  c.w.emit(
    'RecordProsecutionConsiderations',
    c.cur.after(c.rng.int(2, 5), H(10), H(15)),
    c.la.leadOfficer.actor,
    {
      prosecutorsGuidelines:
        'Evidential and public interest stages considered under the Attorney-General’s Guidelines for Crown Prosecutors.',
      paceCautioning:
        'Parents to be interviewed under caution (PACE Code C) before any decision to lay information.',
      educationSupervisionOrder: { decision: eso, reason: esoReason },
      decision,
    },
  );
};

// ── paths ────────────────────────────────────────────────────────────────────

const engagedPath = (c: Case): void => {
  openCase(c, 'engaged');
  const aim1 = scheduleAim(c, { badLetter: c.plan.showRejections.has('ATT-2') });
  answerLetter(c, aim1, c.rng.chance(0.3) ? 'requests-adjustment' : 'will-attend');
  const who = everyone(c, c.rng.chance(0.3) ? { agency: c.rng.pick(c.la.earlyHelp) } : {});
  hold(c, aim1, who);
  c.reg.setRegime(addDays(aim1.day, 1), REGIMES.improving);
  const aim2 = reviewAim(c, aim1, { late: c.plan.lateReview });
  const r2 = hold(c, aim2, everyone(c), { stage: 'follow-up', reviewOf: aim1 });
  c.reg.setRegime(addDays(aim2.day, 1), r2.met ? REGIMES.good : REGIMES.improving);
  c.cur.on(reviewDay(c, aim2), H(13), H(15, 30));
  const met2 = review(c, aim2);
  if (r2.met && met2)
    closeCase(
      c,
      'Attendance has improved and been sustained; monitoring continues through the school’s usual processes.',
    );
};

const primaryParentsPath = (c: Case): void => {
  openCase(c, 'engaged');
  const aim1 = scheduleAim(c, { badLetter: c.plan.showRejections.has('ATT-2') });
  answerLetter(c, aim1, 'will-attend');
  // A primary pupil below the expected year group: the parents alone may proceed (ATT-5).
  const who: Presence = { pupil: false, parentIds: carers(c).map((p) => p.parentId) };
  const r1 = hold(c, aim1, who, {
    ifNot: { action: 'meet-pupil-separately', note: 'The class teacher will talk with the pupil.' },
  });
  if (r1.held)
    // NAT-7: support first, then a formal, voluntary attendance contract.
    c.w.emit('RecordLegalStep', c.cur.later(10, 30), lead(c), {
      stepId: stepId(c),
      step: {
        kind: 'attendance-contract',
        agreedOn: aim1.day,
        parentIds: carers(c).map((p) => p.parentId),
        reviewOn: reviewDay(c, aim1),
      },
    });
  c.reg.setRegime(addDays(aim1.day, 1), REGIMES.improving);
  c.cur.after(c.rng.int(2, 5));
  interact(
    c,
    { kind: 'pupil' },
    'in-person',
    'Class teacher talked with the pupil about what makes mornings hard.',
  );
  voice(c, { kind: 'pupil' });
  const aim2 = reviewAim(c, aim1, { late: c.plan.lateReview });
  const r2 = hold(c, aim2, who, { stage: 'follow-up', reviewOf: aim1 });
  if (r2.met) closeCase(c, 'Attendance contract kept and attendance above 90%; case closed.');
};

const pupilAlonePath = (c: Case): void => {
  openCase(c, 'mixed');
  const aim1 = scheduleAim(c, { badLetter: c.plan.showRejections.has('ATT-2') });
  // The parents do not come; the secondary-age pupil does (ATT-5: proceed).
  // The senior leader is called away sometimes (ATT-4: the missing role is recorded).
  const who: Presence = {
    pupil: true,
    parentIds: [],
    seniorMissing: c.plan.lateReview || c.rng.chance(0.3),
  };
  hold(c, aim1, who);
  c.reg.setRegime(addDays(aim1.day, 1), REGIMES.partial);
  const p = carers(c)[0] ?? c.parents[0]!;
  c.cur.after(c.rng.int(1, 3));
  interact(
    c,
    { kind: 'parent', parentId: p.parentId },
    'home-visit',
    `Attendance lead visited; ${p.firstName} ${p.lastName} was at home and heard the outcome of the meeting.`,
  );
  voice(c, { kind: 'parent', parentId: p.parentId });
  // The review on its own (not at an AIM); late when the attendance lead was off sick.
  c.cur.on(reviewDay(c, aim1, c.plan.lateReview ? c.rng.int(8, 15) : 0), H(13), H(15, 30));
  const met = review(c, aim1, undefined, {
    ...(c.plan.showRejections.has('NAT-4') ? { overlapOnPurpose: true } : {}),
  });
  const aim2 = scheduleAim(c, { setting: 'school' });
  const who2 = c.rng.chance(0.5) ? everyone(c) : who;
  hold(c, aim2, who2, { stage: 'follow-up' });
  c.reg.setRegime(addDays(aim2.day, 1), met ? REGIMES.improving : REGIMES.partial);
  c.cur.on(reviewDay(c, aim2), H(13), H(15, 30));
  if (review(c, aim2) && met) closeCase(c, 'Attendance above 90% for two review periods.');
};

const parentsWithoutPupilPath = (c: Case): void => {
  openCase(c, 'mixed');
  // The family's dynamics looked into (ATT-4): a step-parent with day-to-day care is added.
  const step: ParentCarer = {
    parentId: `${c.w.caseId}-par-${c.parents.length + 1}`,
    firstName: c.rng.pick(FIRST_NAMES),
    lastName: c.rng.pick(LAST_NAMES),
    relationship: 'step-parent',
    dayToDayResponsibility: true,
    contact: { phone: `07700 900${String(c.rng.int(100, 999))}` },
  };
  c.w.emit('AddParentCarer', c.cur.later(20, 60), lead(c), { parent: step });
  c.parents.push(step);
  const aim1 = scheduleAim(c, { badLetter: c.plan.showRejections.has('ATT-2') });
  answerLetter(c, aim1, 'will-attend');
  // The parents come; their secondary-age child does not (ATT-5: do not proceed).
  const parentsOnly: Presence = { pupil: false, parentIds: carers(c).map((p) => p.parentId) };
  hold(c, aim1, parentsOnly, {
    ifNot: {
      action: 'meet-pupil-separately',
      note: 'The learning mentor will meet the pupil at home with a parent present, then a new AIM at home.',
    },
  });
  nextStepSoon(c);
  interact(
    c,
    { kind: 'pupil' },
    'home-visit',
    'Learning mentor met the pupil at home; the pupil agreed to a meeting at home.',
    c.school.mentor.actor,
  );
  voice(c, { kind: 'pupil' });
  const aim2 = scheduleAim(c, { setting: 'home' });
  const who = everyone(c, { agency: c.rng.pick(c.la.camhs) });
  hold(c, aim2, who);
  c.reg.setRegime(addDays(aim2.day, 1), REGIMES.partial);
  const aim3 = reviewAim(c, aim2, { setting: 'home', late: c.plan.lateReview });
  const r3 = hold(c, aim3, who, { stage: 'follow-up', reviewOf: aim2 });
  c.reg.setRegime(addDays(aim3.day, 1), r3.met ? REGIMES.improving : REGIMES.partial);
  c.cur.on(reviewDay(c, aim3), H(13), H(15, 30));
  if (review(c, aim3) && r3.met)
    closeCase(c, 'Back in school full time with support from the Mental Health Support Team.');
};

const noEngagementLegalPath = (c: Case): void => {
  openCase(c, 'not-engaged');
  const aim1 = scheduleAim(c, { badLetter: c.plan.showRejections.has('ATT-2') });
  hold(
    c,
    aim1,
    { pupil: false, parentIds: [] },
    {
      ifNot: { action: 'home-visit', note: 'Attendance lead to visit the family home this week.' },
    },
  );
  nextStepSoon(c);
  const p = carers(c)[0] ?? c.parents[0]!;
  interact(
    c,
    { kind: 'parent', parentId: p.parentId },
    'home-visit',
    'Home visit: no answer; a card was left asking the family to contact school.',
  );
  c.cur.after(c.rng.int(1, 2));
  interact(
    c,
    { kind: 'parent', parentId: p.parentId },
    'text-message',
    'Text sent asking the family to ring school; no reply.',
  );
  noEngagement(
    c,
    'No response to the AIM letter, two phone calls, a text message or the home visit.',
  );
  consultInclusionOfficer(c, true);
  legalMeetingAndRequest(c);
  const improvementEnds = noticeToImprove(c);
  c.cur.on(addDays(improvementEnds, 1));
  const notices = penaltyNotices(c);
  // Not paid within the full period: the considerations, then prosecution.
  c.cur.on(addDays(c.cur.day, c.policy.penaltyNotice.fullWithinDays + 3));
  considerProsecution(
    c,
    'not-appropriate',
    'prosecute',
    notices.length === 0
      ? 'The family has not engaged with any voluntary support; an ESO is unlikely to secure engagement.'
      : 'Penalty notices unpaid and no engagement with voluntary support; an ESO is unlikely to secure engagement.',
  );
  c.w.emit('RecordLegalStep', c.cur.after(c.rng.int(3, 8)), c.la.leadOfficer.actor, {
    stepId: stepId(c),
    step: {
      kind: 'prosecution',
      laidOn: c.cur.day,
      parentIds: carers(c).map((x) => x.parentId),
      section: c.rng.chance(0.7) ? 's444(1)' : 's444(1A)',
    },
  });
  // ATT-8: the AIMs carry on alongside the legal involvement; the summons brings the family in.
  c.reg.setRegime(addDays(c.cur.day, 1), REGIMES.partial);
  const aim2 = scheduleAim(c, { setting: c.rng.chance(0.5) ? 'neutral' : 'school' });
  answerLetter(c, aim2, 'will-attend');
  const who = everyone(c, { agency: c.rng.pick(c.la.earlyHelp) });
  hold(c, aim2, who);
  const aim3 = reviewAim(c, aim2);
  hold(c, aim3, who, { stage: 'follow-up', reviewOf: aim2 });
};

const penaltyPaidPath = (c: Case): void => {
  // A week's holiday in term time shortly before the case opens: 10 sessions of G.
  let d = c.terms.onOrAfter(addDays(c.plan.openDay, -21));
  for (let i = 0; i < 5; i++) {
    c.reg.force(d, ['G', 'G']);
    d = c.terms.add(d, 1);
  }
  openCase(c, 'mixed');
  const aim1 = scheduleAim(c, { badLetter: c.plan.showRejections.has('ATT-2') });
  answerLetter(c, aim1, 'will-attend');
  const who = everyone(c);
  hold(c, aim1, who);
  // Then the family stops engaging: nobody comes to the review AIM (ATT-5: not held).
  const aim2 = reviewAim(c, aim1);
  hold(
    c,
    aim2,
    { pupil: false, parentIds: [] },
    {
      reviewOf: aim1,
      ifNot: {
        action: 'consult-inclusion-officer',
        note: 'No contact since the first AIM; speak with the inclusion officer about legal action.',
      },
    },
  );
  const p = carers(c)[0] ?? c.parents[0]!;
  c.cur.later(20, 60);
  interact(
    c,
    { kind: 'parent', parentId: p.parentId },
    'phone',
    'Rang after the meeting to ask why nobody came; no answer.',
  );
  noEngagement(
    c,
    'Did not attend the review AIM; calls and emails since the first AIM unanswered.',
  );
  consultInclusionOfficer(c, false);
  legalMeetingAndRequest(c);
  c.cur.after(c.rng.int(2, 5));
  const notices = penaltyNotices(c);
  if (notices.length === 0) noticeToImprove(c);
  c.reg.setRegime(addDays(c.cur.day, 1), REGIMES.improving);
  for (const n of notices) {
    const paidOn = c.terms.onOrBefore(
      addDays(n.issuedOn, c.rng.int(7, Math.max(7, c.policy.penaltyNotice.reducedWithinDays - 3))),
    );
    c.cur.on(addDays(paidOn, c.rng.int(1, 3)));
    c.w.emit('RecordPenaltyPayment', c.cur.at, c.enforcement.actor, {
      stepId: n.stepId,
      paidOn: paidOn < n.issuedOn ? n.issuedOn : paidOn,
      amount: c.policy.penaltyNotice.reducedAmount,
    });
  }
  // ATT-8: the AIMs continue after the legal involvement, to monitor the improvement.
  const aim3 = scheduleAim(c);
  answerLetter(c, aim3, 'will-attend');
  hold(c, aim3, who, { stage: 'follow-up' });
  c.cur.on(reviewDay(c, aim3), H(13), H(15, 30));
  if (review(c, aim3))
    closeCase(c, 'Penalty notices paid and attendance improved; AIMs no longer needed.');
};

const esoPath = (c: Case): void => {
  openCase(c, 'not-engaged');
  const aim1 = scheduleAim(c, { badLetter: c.plan.showRejections.has('ATT-2') });
  hold(
    c,
    aim1,
    { pupil: false, parentIds: [] },
    {
      ifNot: {
        action: 'home-visit',
        note: 'Home visit to understand what is stopping the family engaging.',
      },
    },
  );
  nextStepSoon(c);
  const p = carers(c)[0] ?? c.parents[0]!;
  interact(
    c,
    { kind: 'parent', parentId: p.parentId },
    'home-visit',
    `${p.firstName} ${p.lastName} answered; said the pupil is anxious about school and the family feel overwhelmed.`,
  );
  voice(c, { kind: 'parent', parentId: p.parentId });
  const aim2 = scheduleAim(c, { setting: 'neutral' });
  const pupilOnly: Presence = {
    pupil: true,
    parentIds: [],
    agency: c.rng.pick(c.la.socialWorkers),
  };
  hold(c, aim2, pupilOnly);
  c.cur.on(reviewDay(c, aim2), H(13), H(15, 30));
  review(c, aim2);
  noEngagement(
    c,
    'Parents have not responded since the home visit; the pupil’s attendance has not improved.',
  );
  consultInclusionOfficer(c, c.rng.chance(0.3));
  legalMeetingAndRequest(c);
  considerProsecution(
    c,
    'apply',
    'defer',
    'The family needs structured support more than a penalty; an ESO gives a supervisor to advise and direct.',
  );
  c.w.emit('RecordLegalStep', c.cur.after(c.rng.int(3, 8)), c.la.leadOfficer.actor, {
    stepId: stepId(c),
    step: { kind: 'education-supervision-order', appliedOn: c.cur.day },
  });
  c.reg.setRegime(addDays(c.cur.day, 1), REGIMES.partial);
  // ATT-8: AIMs alongside the order, with the supervising officer.
  const aim3 = scheduleAim(c);
  answerLetter(c, aim3, 'will-attend');
  const who = everyone(c, { agency: c.la.esoOfficer });
  hold(c, aim3, who);
  c.reg.setRegime(addDays(aim3.day, 1), REGIMES.improving);
  c.cur.on(reviewDay(c, aim3), H(13), H(15, 30));
  review(c, aim3);
};

const year11Path = (c: Case): void => {
  const ends = endOfCompulsorySchoolAge(c.pupil.dateOfBirth, c.policy.finalCompulsoryYearGroup);
  openCase(c, 'not-engaged');
  const aim1 = scheduleAim(c, { badLetter: c.plan.showRejections.has('ATT-2') });
  hold(
    c,
    aim1,
    { pupil: false, parentIds: [] },
    {
      ifNot: {
        action: 'consult-inclusion-officer',
        note: 'Year 11: time is short; speak with the inclusion officer this week.',
      },
    },
  );
  nextStepSoon(c);
  const p = carers(c)[0] ?? c.parents[0]!;
  interact(
    c,
    { kind: 'parent', parentId: p.parentId },
    'phone',
    'Rang twice; no answer. Email sent.',
  );
  noEngagement(c, 'No response to the AIM letter, calls or email.');
  consultInclusionOfficer(c, false);
  legalMeetingAndRequest(c);
  // ATT-10: the pupil is in the final academic year: a court case is unlikely.
  considerProsecution(
    c,
    'not-appropriate',
    'do-not-prosecute',
    'The pupil is in Year 11 with months of compulsory school age left; an order could not run its course.',
  );
  // ATT-8: an AIM continues with the pupil, who comes on their own (secondary: proceeds).
  const aim2 = scheduleAim(c);
  const pupilOnly: Presence = { pupil: true, parentIds: [], agency: c.rng.pick(c.la.earlyHelp) };
  hold(c, aim2, pupilOnly);
  c.reg.setRegime(addDays(aim2.day, 1), REGIMES.partial);
  c.cur.on(reviewDay(c, aim2), H(13), H(15, 30));
  review(c, aim2);
  // After the last Friday in June of Year 11 (NAT-8): a penalty notice is refused.
  const after = c.terms.onOrAfter(addDays(ends, 3));
  if (c.plan.showRejections.has('NAT-8') && after < `${ends.slice(0, 4)}-07-23`) {
    c.cur.on(after, H(9, 30), H(11));
    importToYesterday(c);
    c.w.emit(
      'RecordLegalStep',
      c.cur.later(10, 30),
      c.enforcement.actor,
      {
        stepId: stepId(c),
        step: { kind: 'penalty-notice', issuedOn: c.cur.day, parentId: p.parentId },
      },
      'NAT-8',
    );
    c.w.emit('CloseCase', c.cur.later(30, 60), lead(c), {
      reason: `Compulsory school age ended on ${ends}; referred to the post-16 participation team.`,
    });
  }
};

const PATH_SCRIPTS: Record<AttendancePath, (c: Case) => void> = {
  engaged: engagedPath,
  'primary-parents': primaryParentsPath,
  'pupil-alone': pupilAlonePath,
  'parents-without-pupil': parentsWithoutPupilPath,
  'no-engagement-legal': noEngagementLegalPath,
  'penalty-paid': penaltyPaidPath,
  eso: esoPath,
  year11: year11Path,
};

/** Calendar days a path takes (roughly), so required cases end inside the demo window. */
const DURATION: Record<AttendancePath, number> = {
  engaged: 130,
  'primary-parents': 110,
  'pupil-alone': 140,
  'parents-without-pupil': 160,
  'no-engagement-legal': 270,
  'penalty-paid': 230,
  eso: 250,
  year11: 200,
};

const BASELINE: Record<AttendancePath, Regime> = {
  engaged: REGIMES.persistent,
  'primary-parents': REGIMES.illness,
  'pupil-alone': REGIMES.persistentUnauthorised,
  'parents-without-pupil': REGIMES.severe,
  'no-engagement-legal': REGIMES.persistentUnauthorised,
  'penalty-paid': REGIMES.persistentUnauthorised,
  eso: REGIMES.severe,
  year11: REGIMES.severe,
};

/** Every path once (Year 11 among them) when there are at least 8 cases, then a realistic mix. */
export const attendancePathsFor = (rng: Rng, cases: number): AttendancePath[] => {
  const core: AttendancePath[] = [
    'engaged',
    'no-engagement-legal',
    'pupil-alone',
    'parents-without-pupil',
    'primary-parents',
    'year11',
    'penalty-paid',
    'eso',
  ];
  const mix: AttendancePath[] = [
    'engaged',
    'engaged',
    'primary-parents',
    'pupil-alone',
    'parents-without-pupil',
    'penalty-paid',
    'no-engagement-legal',
  ];
  const chosen = core.slice(0, Math.max(0, cases));
  while (chosen.length < cases) chosen.push(rng.pick(mix));
  return chosen;
};

// ── people on a case ─────────────────────────────────────────────────────────

/** A date of birth in `yearGroup` during the school year starting in September of `s`. */
const dobFor = (rng: Rng, s: number, yearGroup: number): Day => {
  const from = `${s - yearGroup - 5}-09-01`;
  const to = `${s - yearGroup - 4}-08-31`;
  return addDays(from, rng.int(0, daysBetween(from, to)));
};

const STREETS = [
  'Larkspur Close',
  'Mossbridge Road',
  'Kettleby Lane',
  'Oakenshaw Way',
  'Thistlewood Court',
];

const makeParents = (rng: Rng, caseId: string, lastName: string): ParentCarer[] => {
  const phone = () => `07700 900${String(rng.int(100, 999))}`;
  const first: ParentCarer = {
    parentId: `${caseId}-par-1`,
    firstName: rng.pick(FIRST_NAMES),
    lastName,
    relationship: rng.chance(0.8) ? 'mother' : 'father',
    dayToDayResponsibility: true,
    contact: rng.chance(0.6)
      ? { email: `${slug(lastName)}.family@example.org`, phone: phone() }
      : { phone: phone() },
  };
  const r = rng.next();
  if (r < 0.35) return [first];
  const together = r < 0.75;
  return [
    first,
    {
      parentId: `${caseId}-par-2`,
      firstName: rng.pick(FIRST_NAMES),
      lastName: together ? lastName : rng.pick(LAST_NAMES),
      relationship: first.relationship === 'mother' ? 'father' : 'mother',
      dayToDayResponsibility: together,
      contact: together
        ? { phone: phone() }
        : { post: `Flat ${rng.int(1, 30)}, ${rng.pick(STREETS)}, Otterbrook` },
    },
  ];
};

// ── the generator ────────────────────────────────────────────────────────────

const LATE_RECORDING_TYPES: ReadonlySet<string> = new Set([
  'RecordInteraction',
  'CaptureVoice',
  'FileDocument',
]);

export const attendanceScenarios: ScenarioGenerator = (ctx: ScenarioContext) => {
  const { rng } = ctx;
  const module: AnyDomainModule = moduleNamed(ctx.modules, 'attendance-aim');
  const policy = ctx.policy.attendance;
  const terms = new SchoolTerms(ctx.policy.calendar);
  const people = new People(rng);
  const schools = makeSchools(people);
  const la = makeLaStaff(people);
  const {
    start: windowStart,
    end: windowEnd,
    endInstant,
  } = demoWindow(ctx.from, ctx.years, (d) => terms.onOrAfter(d));

  const paths = attendancePathsFor(rng, ctx.cases);
  const firstOf = (p: AttendancePath) => paths.indexOf(p);
  const rejectionsFor = (i: number): Set<Rejectable> => {
    const s = new Set<Rejectable>();
    if (i === firstOf('engaged')) s.add('ATT-2');
    if (i === firstOf('pupil-alone')) s.add('NAT-4');
    if (i === firstOf('year11')) s.add('NAT-8');
    return s;
  };
  const lateReviewFor = (i: number, p: AttendancePath): boolean =>
    i === firstOf('engaged') ||
    i === firstOf('pupil-alone') ||
    (p !== 'engaged' && rng.chance(0.25));

  const plans = paths.map((path, i) => {
    let openDay: Day;
    let yearGroup: number;
    if (path === 'year11') {
      // The January of a Year 11 whose summer ends inside the window.
      const years: number[] = [];
      for (
        let s = SchoolTerms.startYearOf(windowStart) - 1;
        s <= SchoolTerms.startYearOf(windowEnd);
        s++
      )
        if (`${s + 1}-01-08` >= windowStart && `${s + 1}-07-20` < windowEnd) years.push(s);
      const s = years.length > 0 ? rng.pick(years) : SchoolTerms.startYearOf(windowStart);
      openDay = terms.onOrAfter(addDays(`${s + 1}-01-08`, rng.int(0, 10)));
      yearGroup = 11;
    } else {
      const latest = addDays(windowEnd, -DURATION[path]);
      const span = Math.max(0, daysBetween(windowStart, latest));
      openDay = terms.onOrAfter(addDays(windowStart, rng.int(0, span)));
      const legal = path === 'no-engagement-legal' || path === 'penalty-paid' || path === 'eso';
      const autumn = Number(openDay.slice(5, 7)) >= 9;
      yearGroup =
        path === 'primary-parents'
          ? rng.int(1, Math.max(1, Math.min(6, policy.pupilExpectedFromYearGroup - 1)))
          : path === 'pupil-alone' || path === 'parents-without-pupil' || path === 'eso'
            ? rng.int(
                Math.max(7, policy.secondaryFromYearGroup, policy.pupilExpectedFromYearGroup),
                legal || !autumn ? 10 : 11,
              )
            : rng.chance(0.35)
              ? rng.int(2, 6)
              : rng.int(7, legal || !autumn ? 10 : 11);
    }
    return { path, i, openDay, yearGroup };
  });
  plans.sort((a, b) => (a.openDay < b.openDay ? -1 : a.openDay > b.openDay ? 1 : a.i - b.i));

  const perYear = new Map<string, number>();
  const drafts: Draft[] = [];
  for (const p of plans) {
    const year = p.openDay.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const caseId = `att-${year}-${String(seq).padStart(3, '0')}`;
    const plan: CasePlan = {
      caseId,
      path: p.path,
      openDay: p.openDay,
      yearGroup: p.yearGroup,
      showRejections: rejectionsFor(p.i),
      lateReview: lateReviewFor(p.i, p.path),
    };
    const lastName = rng.pick(LAST_NAMES);
    const school = rng.pick(
      schools.filter((s) => s.primary === p.yearGroup < policy.secondaryFromYearGroup),
    );
    const s = SchoolTerms.startYearOf(p.openDay);
    const pupil: Pupil = {
      pupilId: `${caseId}-pup`,
      firstName: rng.pick(FIRST_NAMES),
      lastName,
      dateOfBirth: dobFor(rng, s, p.yearGroup),
    };
    const caseRng = rng.fork(caseId);
    const c: Case = {
      w: new CaseWriter<AttendanceAimCommand>(caseId, module, { inOrder: true }),
      rng: caseRng,
      terms,
      policy,
      reg: new Register(caseRng.fork('register'), terms, addDays(p.openDay, -70), BASELINE[p.path]),
      cur: new Cursor(terms, caseRng, p.openDay, H(9, 30) + 5 * caseRng.int(0, 18)),
      plan,
      pupil,
      parents: makeParents(rng, caseId, lastName),
      school,
      la,
      address: `${rng.int(2, 98)} ${rng.pick(STREETS)}, ${school.name.split(' ')[0] ?? 'Otterbrook'}`,
      inclusionOfficer: rng.pick(la.inclusionOfficers),
      enforcement: rng.pick(la.enforcement),
      seq: { meeting: 0, interaction: 0, step: 0, doc: 0 },
      targets: new Map(),
    };
    PATH_SCRIPTS[p.path](c);
    drafts.push(...c.w.drafts.filter((d) => isBefore(d.command.at, endInstant)));
  }

  // Some notes, quotes and documents are recorded days after they happened.
  return toSteps(drafts, rng, {
    types: LATE_RECORDING_TYPES,
    surely: (k) => k % 17 === 3,
    recordingDay: (day) => terms.onOrAfter(day),
  });
};
