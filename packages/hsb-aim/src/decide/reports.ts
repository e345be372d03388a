/**
 * Reports (HSB-18, HSB-19, MTG-5, HSB-28), sharing with the family (HSB-20), consent (HSB-24)
 * and emerging risk to other children (HSB-23).
 */
import { decideWhen, accept, check, firstDuplicate } from '@aimline/kernel';
import type { Handler } from './handler.js';
import { needsAllocation } from './assessment.js';
import { trackedMeeting } from './meeting.js';

export const submitReport: Handler<'SubmitReport'> = (command, s) => {
  const d = command.data;
  const toOfficer = d.recipient === 'investigating-officer';
  return decideWhen(
    [
      () => needsAllocation(s),
      () =>
        check(
          !toOfficer && s.assessment.meeting === undefined,
          'STATE',
          'no initial AIM meeting is booked',
          'data.recipient',
        ),
      () =>
        check(
          !toOfficer && s.initialMeetingAt !== undefined,
          'STATE',
          'the initial AIM meeting has been held',
          'data.recipient',
        ),
      () =>
        check(
          d.recipient === 'chair' && s.assessment.meeting?.tracked === true,
          'MTG-5',
          `the report to the chair is recorded on the meeting's own stream (SubmitReportToChair on meeting ${s.assessment.meeting?.meetingId ?? ''}); this case is told of it`,
          'data.recipient',
        ),
      () =>
        check(
          toOfficer && s.criminal.triggeredAt === undefined,
          'HSB-28',
          'a report goes to the investigating officer when the police triggered the assessment',
          'data.recipient',
        ),
      () =>
        check(
          toOfficer && d.disposalRecommendation === undefined,
          'HSB-28',
          'the report to the investigating officer recommends a disposal',
          'data.disposalRecommendation',
        ),
      () =>
        check(
          !toOfficer && d.disposalRecommendation !== undefined,
          'INPUT',
          'a disposal recommendation goes to the investigating officer',
          'data.disposalRecommendation',
        ),
    ],
    () => accept({ type: 'ReportSubmitted', data: { ...d, at: command.at } }),
  );
};

/**
 * MTG-5, one record: the tracked meeting's stream says a report reached its chair (sent by a
 * process manager). The first AIM report meets the deadline; anything later changes nothing.
 */
export const noteReportToChair: Handler<'NoteReportToChair'> = (command, s) => {
  const d = command.data;
  return decideWhen(
    [
      () => trackedMeeting(s, d.meetingId),
      () =>
        check(s.initialMeetingAt !== undefined, 'STATE', 'the initial AIM meeting has been held'),
    ],
    () => {
      if (d.reportKind !== 'aim-report' || s.assessment.reports.chair !== undefined)
        return accept();
      return accept({ type: 'ReportToChairNoted', data: { ...d, at: command.at } });
    },
  );
};

/** HSB-20: shared with the young person and parents before the meeting; disagreements attached. */
export const shareAssessmentWithFamily: Handler<'ShareAssessmentWithFamily'> = (command, s) => {
  const d = command.data;
  const dup = firstDuplicate(d.sharedWith, (x) => x);
  return decideWhen(
    [
      () => needsAllocation(s),
      () =>
        check(
          d.sharedWith.length === 0,
          'HSB-20',
          'the assessment is shared with the young person and parents',
          'data.sharedWith',
        ),
      () => check(dup !== undefined, 'INPUT', 'listed twice', `data.sharedWith.${dup ?? ''}`),
    ],
    () => accept({ type: 'AssessmentSharedWithFamily', data: { ...d, at: command.at } }),
  );
};

/** HSB-24: without consent the assessment may still proceed on existing information. */
export const recordConsentRefused: Handler<'RecordConsentRefused'> = (command, s) =>
  decideWhen(
    [
      () =>
        check(
          s.assessment.commissioned === undefined,
          'STATE',
          'no assessment has been commissioned',
        ),
    ],
    () => accept({ type: 'ConsentRefused', data: { ...command.data, at: command.at } }),
  );

/** HSB-23: a risk to other children opens an urgent obligation for a multi-agency meeting. */
export const raiseEmergingRisk: Handler<'RaiseEmergingRisk'> = (command, s) => {
  const d = command.data;
  return decideWhen(
    [
      () =>
        check(
          s.assessment.commissioned === undefined,
          'STATE',
          'risks emerge during an assessment; none is commissioned',
        ),
      () =>
        check(
          s.emergingRisks.some((r) => r.riskId === d.riskId),
          'INPUT',
          `risk ${d.riskId} is already recorded`,
          'data.riskId',
        ),
    ],
    () => accept({ type: 'EmergingRiskRaised', data: { ...d, at: command.at } }),
  );
};

export const holdRiskManagementMeeting: Handler<'HoldRiskManagementMeeting'> = (command, s) => {
  const d = command.data;
  const risk = s.emergingRisks.find((r) => r.riskId === d.riskId);
  return decideWhen(
    [
      () => check(risk === undefined, 'STATE', `no emerging risk ${d.riskId}`, 'data.riskId'),
      () =>
        check(
          risk?.meetingAt !== undefined,
          'STATE',
          `risk ${d.riskId} already has its meeting`,
          'data.riskId',
        ),
    ],
    () => accept({ type: 'RiskManagementMeetingHeld', data: { ...d, at: command.at } }),
  );
};
