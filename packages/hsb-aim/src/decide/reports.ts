/**
 * Reports (HSB-18, HSB-19, MTG-5, HSB-28), sharing with the family (HSB-20), consent (HSB-24)
 * and emerging risk to other children (HSB-23).
 */
import { decideWhen, accept, guard, noneTwice } from '@aimline/kernel';
import { needsAllocation, trackedMeeting } from './guards.js';
import type { Handler } from './handler.js';

export const submitReport: Handler<'SubmitReport'> = ({ data: d, at }, s) => {
  const toOfficer = d.recipient === 'investigating-officer';
  return decideWhen(
    [
      needsAllocation(s),
      guard(
        'STATE',
        'no initial AIM meeting is booked',
        'data.recipient',
        () => !toOfficer && s.assessment.meeting === undefined,
      ),
      guard(
        'STATE',
        'the initial AIM meeting has been held',
        'data.recipient',
        () => !toOfficer && s.initialMeetingAt !== undefined,
      ),
      guard(
        'MTG-5',
        `the report to the chair is recorded on the meeting's own stream (SubmitReportToChair on meeting ${s.assessment.meeting?.meetingId ?? ''}); this case is told of it`,
        'data.recipient',
        () => d.recipient === 'chair' && s.assessment.meeting?.tracked === true,
      ),
      guard(
        'HSB-28',
        'a report goes to the investigating officer when the police triggered the assessment',
        'data.recipient',
        () => toOfficer && s.criminal.triggeredAt === undefined,
      ),
      guard(
        'HSB-28',
        'the report to the investigating officer recommends a disposal',
        'data.disposalRecommendation',
        () => toOfficer && d.disposalRecommendation === undefined,
      ),
      guard(
        'INPUT',
        'a disposal recommendation goes to the investigating officer',
        'data.disposalRecommendation',
        () => !toOfficer && d.disposalRecommendation !== undefined,
      ),
    ],
    () => accept({ type: 'ReportSubmitted', data: { ...d, at } }),
  );
};

/**
 * MTG-5, one record: the tracked meeting's stream says a report reached its chair (sent by a
 * process manager). The first AIM report meets the deadline; anything later changes nothing.
 */
export const noteReportToChair: Handler<'NoteReportToChair'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      trackedMeeting(s, d.meetingId),
      guard(
        'STATE',
        'the initial AIM meeting has been held',
        'data.caseId',
        () => s.initialMeetingAt !== undefined,
      ),
    ],
    () => {
      if (d.reportKind !== 'aim-report' || s.assessment.reports.chair !== undefined)
        return accept();
      return accept({ type: 'ReportToChairNoted', data: { ...d, at } });
    },
  );

/** HSB-20: shared with the young person and parents before the meeting; disagreements attached. */
export const shareAssessmentWithFamily: Handler<'ShareAssessmentWithFamily'> = (
  { data: d, at },
  s,
) => {
  return decideWhen(
    [
      needsAllocation(s),
      guard(
        'HSB-20',
        'the assessment is shared with the young person and parents',
        'data.sharedWith',
        () => d.sharedWith.length === 0,
      ),
      noneTwice(
        d.sharedWith,
        (x) => x,
        (_, i, twice) => [guard('INPUT', 'listed twice', `data.sharedWith.${i}`, () => twice)],
      ),
    ],
    () => accept({ type: 'AssessmentSharedWithFamily', data: { ...d, at } }),
  );
};

/** HSB-24: without consent the assessment may still proceed on existing information. */
export const recordConsentRefused: Handler<'RecordConsentRefused'> = (command, s) =>
  decideWhen(
    [
      guard(
        'STATE',
        'no assessment has been commissioned',
        'data.caseId',
        () => s.assessment.commissioned === undefined,
      ),
    ],
    () => accept({ type: 'ConsentRefused', data: { ...command.data, at: command.at } }),
  );

/** HSB-23: a risk to other children opens an urgent obligation for a multi-agency meeting. */
export const raiseEmergingRisk: Handler<'RaiseEmergingRisk'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      guard(
        'STATE',
        'risks emerge during an assessment; none is commissioned',
        'data.caseId',
        () => s.assessment.commissioned === undefined,
      ),
      guard('INPUT', `risk ${d.riskId} is already recorded`, 'data.riskId', () =>
        s.emergingRisks.some((r) => r.riskId === d.riskId),
      ),
    ],
    () => accept({ type: 'EmergingRiskRaised', data: { ...d, at } }),
  );

export const holdRiskManagementMeeting: Handler<'HoldRiskManagementMeeting'> = (
  { data: d, at },
  s,
) => {
  const risk = s.emergingRisks.find((r) => r.riskId === d.riskId);
  return decideWhen(
    [
      guard('STATE', `no emerging risk ${d.riskId}`, 'data.riskId', () => risk === undefined),
      guard(
        'STATE',
        `risk ${d.riskId} already has its meeting`,
        'data.riskId',
        () => risk?.meetingAt !== undefined,
      ),
    ],
    () => accept({ type: 'RiskManagementMeetingHeld', data: { ...d, at } }),
  );
};
