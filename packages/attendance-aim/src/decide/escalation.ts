/** Still no engagement (ATT-8, ATT-9, ATT-10, NAT-7, NAT-8): towards legal intervention. */
import { addDays, localDate } from '@aimline/calendar';
import { decideWhen, decideWith, accept, found, guard } from '@aimline/kernel';
import { compulsorySchoolAge, compulsorySchoolAgeGuard } from './compulsory-school-age.js';
import type { CaseCommand, Decision, Handler } from './handler.js';
import type { AttendancePolicy } from '../policy.js';
import { summariseAttendance } from '../attendance.js';
import { unauthorisedInRollingWindow } from '../rolling-window.js';
import { yearGroupOn } from '../school-year.js';
import { marksOf, meetingsOf, type OpenCase } from '../state.js';

const lettersSent = (s: {
  meetings: Readonly<Record<string, { letters: Readonly<Record<string, unknown>> }>>;
}): number => Object.values(s.meetings).reduce((n, m) => n + Object.keys(m.letters).length, 0);

export const recordNoEngagement: Handler<'RecordNoEngagement'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      // ATT-9: "no engagement from the family with the AIM process": the process has begun with a letter.
      guard(
        'ATT-9',
        'no AIM letter has been sent, so the family has not yet been asked to engage',
        'data.caseId',
        () => lettersSent(s) === 0,
      ),
    ],
    () => accept({ type: 'NoEngagementRecorded', data: { ...d, at } }),
  );

/**
 * ATT-9's ladder: a step is recorded only after the step before it (`before`, that step's record
 * in the state), and only while the child is of compulsory school age.
 */
const ladderStep =
  <C extends CaseCommand>(
    before: (s: OpenCase) => unknown,
    reason: string,
    record: (command: C) => Decision,
  ) =>
  (command: C, s: OpenCase, policy: AttendancePolicy): Decision =>
    decideWhen(
      [
        guard('ATT-9', reason, 'data.caseId', () => before(s) === undefined),
        compulsorySchoolAgeGuard(s, localDate(command.at), policy, 'at'),
      ],
      () => record(command),
    );

export const consultInclusionOfficer: Handler<'ConsultInclusionOfficer'> = ladderStep(
  (s) => s.noEngagementAt,
  'record the lack of engagement before consulting about legal action',
  ({ data: d, at }) => accept({ type: 'InclusionOfficerConsulted', data: { ...d, at } }),
);

export const holdLegalInterventionMeeting: Handler<'HoldLegalInterventionMeeting'> = ladderStep(
  (s) => s.inclusionOfficerConsultedAt,
  'the inclusion officer arranges the meeting with the lead officer for legal intervention',
  ({ data: d, at }) => accept({ type: 'LegalInterventionMeetingHeld', data: { ...d, at } }),
);

/** ATT-9: the request with its evidence bundle. ATT-8: no minimum number of AIMs before it. */
export const requestLegalProceedings: Handler<'RequestLegalProceedings'> = (
  { data: d, at },
  s,
  policy,
) =>
  decideWhen(
    [
      guard(
        'ATT-9',
        'the meeting with the lead officer for legal intervention comes first',
        'data.caseId',
        () => s.legalMeetingAt === undefined,
      ),
      guard(
        'ATT-1',
        'the evidence of the support steps taken is not attached',
        'data.caseId',
        () => s.supportEvidence.length === 0,
      ),
      guard(
        'ATT-9',
        'the request carries the evidence the school collated',
        'data.evidence',
        () => d.evidence.length === 0,
      ),
      guard('STATE', `request ${d.requestId} is already made`, 'data.requestId', () =>
        s.legalRequests.some((r) => r.requestId === d.requestId),
      ),
      compulsorySchoolAgeGuard(s, localDate(at), policy, 'at'),
    ],
    () => {
      const marks = marksOf(s);
      const summary = summariseAttendance(marks, undefined, policy);
      const window = unauthorisedInRollingWindow(
        marks,
        localDate(at),
        policy.penaltyNoticeThreshold,
      );
      const meetings = meetingsOf(s);
      return accept({
        type: 'LegalProceedingsRequested',
        data: {
          ...d,
          bundle: {
            supportEvidence: s.supportEvidence.map((x) => x.documentRef),
            letters: meetings.flatMap((m) =>
              Object.values(m.letters).map((l) => ({
                meetingId: m.meetingId,
                parentId: l.parentId,
                documentRef: l.documentRef,
                sentAt: l.sentAt,
              })),
            ),
            meetingsHeld: meetings.filter((m) => m.status === 'held').map((m) => m.meetingId),
            meetingsNotHeld: meetings
              .filter((m) => m.status === 'not-held')
              .map((m) => m.meetingId),
            interactions: s.interactions.length,
            directQuotes: s.directQuotes,
            documents: [...s.documents],
            attendance: {
              possibleSessions: summary.possibleSessions,
              absenceSessions: summary.authorisedAbsence + summary.unauthorisedAbsence,
              unauthorisedSessions: summary.unauthorisedAbsence,
              attendanceRate: summary.attendanceRate ?? null,
            },
            rollingWindow: {
              from: window.from ?? null,
              to: window.to,
              unauthorisedSessions: window.unauthorisedSessions,
              thresholdMet: window.thresholdMet,
            },
          },
          at,
        },
      });
    },
  );

/** ATT-10, NAT-7: the considerations before prosecution, the education supervision order among them. */
export const recordProsecutionConsiderations: Handler<'RecordProsecutionConsiderations'> = (
  { data: d, at },
  s,
  policy,
) => {
  const today = localDate(at);
  return decideWhen(
    [
      guard(
        'ATT-9',
        'no request to initiate legal proceedings has been made',
        'data.caseId',
        () => s.legalRequests.length === 0,
      ),
    ],
    () =>
      decideWith(
        found(
          d.educationSupervisionOrder,
          'NAT-7',
          'an education supervision order must be considered before prosecuting',
          'data.educationSupervisionOrder',
        ),
        (educationSupervisionOrder) =>
          decideWith(compulsorySchoolAge(s, today, policy, 'at'), (ends) => {
            const yearGroup = yearGroupOn(s.pupil.dateOfBirth, today);
            const finalAcademicYear = yearGroup >= policy.finalCompulsoryYearGroup;
            const nearEnd = addDays(today, 7 * policy.compulsorySchoolAgeWarningWeeks) >= ends;
            return accept({
              type: 'ProsecutionConsidered',
              data: {
                caseId: d.caseId,
                prosecutorsGuidelines: d.prosecutorsGuidelines,
                paceCautioning: d.paceCautioning,
                educationSupervisionOrder,
                pupilAge: { yearGroup, finalAcademicYear, compulsorySchoolAgeEnds: ends },
                // ATT-10: where the pupil is reaching the final academic year, a court case is unlikely.
                courtUnlikely: finalAcademicYear || nearEnd,
                decision: d.decision,
                at,
              },
            });
          }),
      ),
  );
};
