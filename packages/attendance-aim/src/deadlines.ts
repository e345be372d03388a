/**
 * attendanceDeadlines(state, policy, schoolCalendar): every obligation of a case as a calendar `Deadline`
 * with its rule id (T-6). Counts in school days use the school's term dates and closures.
 */
import {
  calendarDaysUntil,
  compareInstants,
  daysBetween,
  deadlineOf,
  type Deadline,
  type DeadlineSpec,
  isAfter,
  localDate,
} from '@aimline/calendar';
import { isUnavailablePersonalData, type PersonalDataUse } from '@aimline/kernel';
import type { AttendancePolicy } from './policy.js';
import {
  addSchoolDays,
  isSchoolDay,
  schoolDayOnOrAfter,
  subtractSchoolDays,
  termDatesCover,
  type SchoolCalendar,
} from './school-calendar.js';
import { endOfCompulsorySchoolAge } from './school-year.js';
import { meetingsOf, type AttendanceAimState, type OpenCase } from './state.js';

const schoolDaysNote = (c: SchoolCalendar, n: number, from: string, to: string): string => {
  const beyond = !termDatesCover(c, from) || !termDatesCover(c, to);
  return `; ${n} school days by the term dates and closures of ${c.id}${beyond ? ' (beyond the known term dates every working day counts)' : ''}`;
};

/** The case's closing: it waives what it leaves outstanding, never what was met. */
const caseClosing = (s: OpenCase): DeadlineSpec['waived'] =>
  s.closedAt === undefined
    ? undefined
    : { reason: 'the case is closed', at: s.closedAt, ifUnmet: true };

/** The deadline with a note after its explanation (school days, or the end of school age). */
const noted = (d: Deadline, note: string): Deadline => ({
  ...d,
  explanation: d.explanation + note,
});

/** ATT-2: each letter reaches its parent the policy's school days before the AIM. */
const letterDeadlines = (s: OpenCase, policy: AttendancePolicy, c: SchoolCalendar): Deadline[] =>
  meetingsOf(s).flatMap((m) =>
    Object.values(s.parents)
      .filter((p) => p.dayToDayResponsibility)
      .map((p) => {
        const meetingDay = localDate(m.start);
        const dueDay = subtractSchoolDays(c, meetingDay, policy.letterNoticeSchoolDays);
        const letter = m.letters[p.parentId];
        const sentAt =
          letter !== undefined && letter.forStart === m.start ? letter.sentAt : undefined;
        const d = deadlineOf(
          {
            ruleId: 'ATT-2',
            label: `AIM letter to parent ${p.parentId} for meeting ${m.meetingId}`,
            trigger: { event: 'AimScheduled', at: m.scheduledAt },
            unit: 'daysBefore',
            amount: daysBetween(dueDay, meetingDay),
            start: m.start,
            startDescription: 'the AIM',
            metAt: sentAt,
            waived:
              m.status === 'scheduled'
                ? caseClosing(s)
                : {
                    reason: `meeting ${m.meetingId} is recorded`,
                    at: m.decidedAt ?? m.start,
                    ifUnmet: true,
                  },
          },
          c.region,
        );
        return noted(d, schoolDaysNote(c, policy.letterNoticeSchoolDays, dueDay, meetingDay));
      }),
  );

/** ATT-7: a review the policy's weeks after each AIM that was held. */
const reviewDeadlines = (s: OpenCase, policy: AttendancePolicy, c: SchoolCalendar): Deadline[] =>
  meetingsOf(s)
    .filter((m) => m.status === 'held')
    .map((m) => {
      const d = deadlineOf(
        {
          ruleId: 'ATT-7',
          label: `Review of the targets of meeting ${m.meetingId}`,
          trigger: { event: 'AimHeld', at: m.decidedAt ?? m.start },
          unit: 'weeks',
          amount: policy.reviewAfterWeeks,
          start: m.start,
          startDescription: 'the AIM',
          metAt: m.reviewedAt,
          waived: caseClosing(s),
        },
        c.region,
      );
      const dueDay = localDate(d.due);
      return isSchoolDay(c, dueDay)
        ? d
        : noted(
            d,
            `; ${dueDay} is not a school day at ${c.id}: the first school day after is ${schoolDayOnOrAfter(c, dueDay)}`,
          );
    });

/** N school days after an event, counted in calendar days to the school day it lands on. */
const schoolDaysAfter = (
  c: SchoolCalendar,
  input: { ruleId: string; label: string; event: string; at: string; n: number } & Pick<
    DeadlineSpec,
    'metAt' | 'waived'
  >,
): Deadline => {
  const { ruleId, label, event, at, n, ...settledBy } = input;
  const from = localDate(at);
  const dueDay = addSchoolDays(c, from, n);
  const d = deadlineOf(
    {
      ruleId,
      label,
      trigger: { event, at },
      unit: 'calendarDays',
      amount: daysBetween(from, dueDay),
      ...settledBy,
    },
    c.region,
  );
  return noted(d, schoolDaysNote(c, n, from, dueDay));
};

/** ATT-5: after an AIM that did not proceed, the next step (a new date, a home visit, a consultation). */
const notHeldDeadlines = (s: OpenCase, policy: AttendancePolicy, c: SchoolCalendar): Deadline[] =>
  meetingsOf(s).flatMap((m) => {
    const at = m.decidedAt;
    if (m.status !== 'not-held' || at === undefined) return [];
    const later = [
      ...meetingsOf(s)
        .filter((x) => isAfter(x.scheduledAt, at))
        .map((x) => x.scheduledAt),
      ...s.interactions.filter((x) => isAfter(x.at, at)).map((x) => x.at),
      ...(s.inclusionOfficerConsultedAt !== undefined && isAfter(s.inclusionOfficerConsultedAt, at)
        ? [s.inclusionOfficerConsultedAt]
        : []),
    ].sort(compareInstants);
    return [
      schoolDaysAfter(c, {
        ruleId: 'ATT-5',
        label: `Next step (${m.notHeldAction ?? 'follow-up'}) after meeting ${m.meetingId} did not proceed`,
        event: 'AimNotHeld',
        at,
        n: policy.nextStepAfterNotHeldSchoolDays,
        metAt: later[0],
        waived: caseClosing(s),
      }),
    ];
  });

/** ATT-9: the inclusion officer is consulted after no engagement is recorded. */
const consultationDeadlines = (
  s: OpenCase,
  policy: AttendancePolicy,
  c: SchoolCalendar,
): Deadline[] => {
  if (s.noEngagementAt === undefined) return [];
  return [
    schoolDaysAfter(c, {
      ruleId: 'ATT-9',
      label: 'Consult the inclusion officer about legal action',
      event: 'NoEngagementRecorded',
      at: s.noEngagementAt,
      n: policy.inclusionOfficerConsultationSchoolDays,
      metAt: s.inclusionOfficerConsultedAt,
      waived: caseClosing(s),
    }),
  ];
};

/** NAT-7: the improvement period of a notice to improve; payment of a penalty notice. */
const ladderDeadlines = (s: OpenCase, policy: AttendancePolicy, c: SchoolCalendar): Deadline[] =>
  s.stepOrder.flatMap((id) => {
    const r = s.legalSteps[id];
    if (r === undefined) return [];
    const step = r.step;
    if (step.kind === 'notice-to-improve') {
      const next = s.stepOrder
        .map((x) => s.legalSteps[x])
        .find((x) => x !== undefined && isAfter(x.at, r.at));
      return [
        deadlineOf(
          {
            ruleId: 'NAT-7',
            label: `End of the improvement period of notice to improve ${id}: review attendance`,
            trigger: { event: 'LegalStepRecorded', at: r.at },
            unit: 'weeks',
            amount: step.improvementPeriodWeeks,
            start: step.issuedOn,
            startDescription: 'the notice to improve',
            metAt: next?.at,
            waived: caseClosing(s),
          },
          c.region,
        ),
      ];
    }
    if (step.kind === 'penalty-notice' && r.penalty !== undefined) {
      const p = r.penalty;
      const paidAt = r.paidOn === undefined ? undefined : `${r.paidOn}T12:00:00Z`;
      const payment = (days: number, label: string): Deadline =>
        deadlineOf(
          {
            ruleId: 'NAT-7',
            label,
            trigger: { event: 'LegalStepRecorded', at: r.at },
            unit: 'calendarDays',
            amount: days,
            start: step.issuedOn,
            startDescription: 'the penalty notice',
            metAt: paidAt,
            waived: caseClosing(s),
          },
          c.region,
        );
      const out = [
        payment(policy.penaltyNotice.fullWithinDays, `Penalty notice ${id}: £${p.amount} paid`),
      ];
      if (p.reducedAmount !== null)
        out.unshift(
          payment(
            policy.penaltyNotice.reducedWithinDays,
            `Penalty notice ${id}: £${p.reducedAmount} paid at the reduced amount`,
          ),
        );
      return out;
    }
    return [];
  });

/** NAT-8: legal steps end when compulsory school age ends. */
const compulsoryAgeDeadline = (
  s: OpenCase,
  policy: AttendancePolicy,
  c: SchoolCalendar,
): Deadline => {
  const ends = endOfCompulsorySchoolAge(s.pupil.dateOfBirth, policy.finalCompulsoryYearGroup);
  const d = deadlineOf(
    {
      ruleId: 'NAT-8',
      label: 'Legal attendance steps while the pupil is of compulsory school age',
      trigger: { event: 'AttendanceCaseOpened', at: s.openedAt },
      unit: 'calendarDays',
      amount: calendarDaysUntil(s.openedAt, ends),
      // Nothing meets it: it runs while the case is open, and is waived when the case closes.
      waived: caseClosing(s),
    },
    c.region,
  );
  return noted(
    d,
    `; compulsory school age ends on ${ends}, the last Friday in June of Year ${policy.finalCompulsoryYearGroup}: legal steps after it are rejected`,
  );
};

/**
 * The personal data the deadlines below are worked out from: the pupil's date of birth, as the
 * case was opened with it (NAT-8's end of compulsory school age). No other deadline reads a
 * personal field, so a read for deadlines opens nothing else (the parents' contact details, the
 * pupil's name and every note stay closed).
 */
export const attendanceDeadlinePersonalData: PersonalDataUse = [
  { eventType: 'AttendanceCaseOpened', path: 'pupil.dateOfBirth' },
];

export const attendanceDeadlines = (
  state: AttendanceAimState,
  policy: AttendancePolicy,
  calendar: SchoolCalendar,
): Deadline[] => {
  if (state.status === 'none') return [];
  return [
    ...letterDeadlines(state, policy, calendar),
    ...reviewDeadlines(state, policy, calendar),
    ...notHeldDeadlines(state, policy, calendar),
    ...consultationDeadlines(state, policy, calendar),
    ...ladderDeadlines(state, policy, calendar),
    // An erased or withheld date of birth (issue 13) leaves the end of compulsory school age unknown: no NAT-8 deadline.
    ...(isUnavailablePersonalData(state.pupil.dateOfBirth)
      ? []
      : [compulsoryAgeDeadline(state, policy, calendar)]),
  ];
};
