/** The AIM itself: scheduling, letters to each parent, the meeting and its ATT-5 outcome. */
import {
  type Attendee,
  type CommandData,
  mayProceed,
  schoolPhase,
  type Target,
  yearGroupOn,
} from '@aimline/attendance-aim';
import { type Day, H, hhmm, instant } from '../london-time.js';
import { type Aim, carers, type Case, doc, lead } from './case.js';
import { pickSome, SETTING_TEXT, STRATEGIES, WHAT_WORKED } from './content.js';
import type { Person } from './people.js';
import { importToYesterday, interact, voice } from './records.js';

/** ATT-2, ATT-3: the AIM is set by the school and each parent is written to individually. */
export const scheduleAim = (
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

/** The case's first AIM, its letter bad on purpose when the plan shows ATT-2's rejection. */
export const firstAim = (c: Case): Aim =>
  scheduleAim(c, { badLetter: c.plan.showRejections.has('ATT-2') });

export const sendLetters = (c: Case, aim: Aim, badLetter: boolean): void => {
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
export const answerLetter = (
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

export interface Presence {
  readonly pupil: boolean;
  readonly parentIds: ReadonlyArray<string>;
  readonly agency?: Person;
  readonly seniorMissing?: boolean;
}

/** ATT-4, ATT-5: who came, and whether the AIM could proceed (worked out as the decider will). */
export const recordAim = (
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
export const recordOutcome = (
  c: Case,
  aim: Aim,
  who: Presence,
  stage: 'first' | 'follow-up',
): void => {
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
