import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { readPolicyFile } from './policy-file.js';
import { describeJsonRefusal, parseStrictJson } from './strict-json.js';
import { calendarForRegion, extendCalendarFromData, type Calendar } from '@aimline/calendar';
import {
  defaultPlausibility,
  describeProblems,
  fieldProblems,
  PlausibilityPolicyCodec,
  unknownFields,
  type PlausibilityPolicy,
} from '@aimline/kernel';
import { defaultHsbPolicy, HsbPolicyCodec, type HsbPolicy } from '@aimline/hsb-aim';
import { defaultMeetingPolicy, MeetingPolicy } from '@aimline/meetings';
import { defaultPanelPolicy, PanelPolicyCodec, type PanelPolicy } from '@aimline/panel';
import {
  AttendancePolicyCodec,
  defaultAttendancePolicy,
  schoolCalendar,
  SchoolCalendarCodec,
  type AttendancePolicy,
  type SchoolCalendar,
} from '@aimline/attendance-aim';
import { defaultAuditPolicy, type AuditPolicy } from '@aimline/projections';

/**
 * A council's policy: its region's calendar (plus its own closure days and any newly
 * proclaimed holidays), and each process's timescales. Defaults are the source documents'.
 * A council overrides data (`--policy council.json`), not code.
 */
export interface CouncilPolicy {
  readonly region: 'england-and-wales' | 'scotland' | 'northern-ireland';
  readonly calendar: Calendar;
  readonly hsb: HsbPolicy;
  readonly panel: PanelPolicy;
  readonly attendance: AttendancePolicy;
  readonly meetings: MeetingPolicy;
  readonly audit: AuditPolicy;
  /** Plausibility rules every command meets (a child's age, years, amounts, ids, text). */
  readonly plausibility: PlausibilityPolicy;
  /** Term dates and closures per school id; schools not listed count every working day as a school day. */
  readonly schoolCalendars: Readonly<Record<string, SchoolCalendar>>;
  /** An open deadline due within this many hours of `asOf` reads as "due soon" (default 48). */
  readonly dueSoonHours: number;
}

/**
 * The school calendar for a school: its own term dates, or working days of the council's region.
 * Only the policy's own entries count: a school id such as `constructor` names no calendar.
 */
export const schoolCalendarFor = (
  policy: CouncilPolicy,
  schoolId: string | undefined,
): SchoolCalendar =>
  (schoolId !== undefined && Object.hasOwn(policy.schoolCalendars, schoolId)
    ? policy.schoolCalendars[schoolId]
    : undefined) ?? schoolCalendar({ id: 'working-days', terms: [], region: policy.calendar });

const Region = t.keyof({ 'england-and-wales': null, scotland: null, 'northern-ireland': null });

const PolicyFile = t.partial({
  region: Region,
  calendarExtension: t.unknown,
  hsb: t.UnknownRecord,
  panel: t.UnknownRecord,
  attendance: t.UnknownRecord,
  meetings: t.UnknownRecord,
  audit: t.type({ lateRecordingHours: t.number }),
  plausibility: t.UnknownRecord,
  schoolCalendars: t.record(t.string, t.unknown),
  dueSoonHours: t.refinement(t.number, (n) => Number.isFinite(n) && n >= 0, 'NonNegativeHours'),
});

const merge = (base: unknown, over: unknown): unknown => {
  if (over === undefined) return base;
  if (
    typeof base !== 'object' ||
    base === null ||
    Array.isArray(base) ||
    typeof over !== 'object' ||
    over === null ||
    Array.isArray(over)
  )
    return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v);
  return out;
};

const check = <A>(
  codec: t.Decoder<unknown, A>,
  value: unknown,
  where: string,
): E.Either<string, A> => {
  const r = codec.decode(value);
  const problems = [
    ...(E.isLeft(r) ? fieldProblems(r.left) : []),
    ...unknownFields(codec as t.Mixed, value),
  ];
  return E.isLeft(r) || problems.length > 0
    ? E.left(`policy ${where}: ${describeProblems(problems)}`)
    : E.right(r.right);
};

/** The policies this module validated (or built from the defaults): nothing else is one. */
const validated = new WeakSet<object>();
const validatedPolicy = (p: CouncilPolicy): CouncilPolicy => {
  validated.add(p);
  return p;
};

/** Whether `value` is a council policy validated by `parseCouncilPolicy` (or the defaults). */
export const isCouncilPolicy = (value: unknown): value is CouncilPolicy =>
  typeof value === 'object' && value !== null && validated.has(value);

export const defaultCouncilPolicy = (): CouncilPolicy =>
  validatedPolicy({
    region: 'england-and-wales',
    calendar: calendarForRegion('england-and-wales'),
    hsb: defaultHsbPolicy,
    panel: defaultPanelPolicy,
    attendance: defaultAttendancePolicy,
    meetings: defaultMeetingPolicy,
    audit: defaultAuditPolicy,
    plausibility: defaultPlausibility,
    schoolCalendars: {},
    dueSoonHours: 48,
  });

/** Loads a council policy file (JSON, every part optional) over the defaults; errors name the field. */
export const loadCouncilPolicy = (file: string | undefined): E.Either<string, CouncilPolicy> => {
  if (file === undefined) return E.right(defaultCouncilPolicy());
  const text = readPolicyFile(file);
  if (E.isLeft(text)) return E.left(`cannot read policy file ${file}: ${text.left}`);
  // Strictly, once: a member given twice (JSON.parse would keep the last) is refused by name.
  const raw = parseStrictJson(text.right);
  if (E.isLeft(raw))
    return E.left(`cannot read policy file ${file}: ${describeJsonRefusal(raw.left)}`);
  return parseCouncilPolicy(raw.right, file);
};

/**
 * A council policy from its data (the content of a policy file: every part optional, over the
 * defaults), validated strictly once; errors name the field. `base` is the calendar the
 * region's (or the council's own) working days start from; `calendarExtension` is added to it.
 */
export const parseCouncilPolicy = (
  raw: unknown,
  where = '(object)',
  base?: Calendar,
): E.Either<string, CouncilPolicy> => {
  const file = where;
  const parsed = check(PolicyFile, raw, file);
  if (E.isLeft(parsed)) return parsed;
  const p = parsed.right;
  const region = p.region ?? 'england-and-wales';
  let calendar = base ?? calendarForRegion(region);
  if (p.calendarExtension !== undefined) {
    const extended = extendCalendarFromData(calendar, p.calendarExtension);
    if (E.isLeft(extended))
      return E.left(`policy ${file} calendarExtension: ${extended.left.join('; ')}`);
    calendar = extended.right;
  }
  const hsb = check(HsbPolicyCodec, merge(defaultHsbPolicy, p.hsb), `${file} hsb`);
  const panel = check(PanelPolicyCodec, merge(defaultPanelPolicy, p.panel), `${file} panel`);
  const attendance = check(
    AttendancePolicyCodec,
    merge(defaultAttendancePolicy, p.attendance),
    `${file} attendance`,
  );
  const meetings = check(
    MeetingPolicy,
    merge(defaultMeetingPolicy, p.meetings),
    `${file} meetings`,
  );
  const plausibility = check(
    PlausibilityPolicyCodec,
    merge(defaultPlausibility, p.plausibility),
    `${file} plausibility`,
  );
  for (const r of [hsb, panel, attendance, meetings, plausibility]) if (E.isLeft(r)) return r;
  const schoolCalendars: Record<string, SchoolCalendar> = {};
  for (const [schoolId, raw] of Object.entries(p.schoolCalendars ?? {})) {
    const c = check(
      SchoolCalendarCodec,
      { closures: [], ...(raw as object), region: calendar },
      `${file} schoolCalendars.${schoolId}`,
    );
    if (E.isLeft(c)) return c;
    schoolCalendars[schoolId] = c.right;
  }
  return E.right(
    validatedPolicy({
      region,
      calendar,
      hsb: (hsb as E.Right<HsbPolicy>).right,
      panel: (panel as E.Right<PanelPolicy>).right,
      attendance: (attendance as E.Right<AttendancePolicy>).right,
      meetings: (meetings as E.Right<MeetingPolicy>).right,
      audit: p.audit ?? defaultAuditPolicy,
      plausibility: (plausibility as E.Right<PlausibilityPolicy>).right,
      schoolCalendars,
      dueSoonHours: p.dueSoonHours ?? 48,
    }),
  );
};
