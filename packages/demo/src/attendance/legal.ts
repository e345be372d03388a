/** The road to legal intervention (ATT-9, ATT-10, NAT-7): consultation, legal meeting, notice, penalty notices, prosecution. */
import { unauthorisedInRollingWindow } from '@aimline/attendance-aim';
import { addDays } from '@aimline/calendar';
import { type Day, H } from '../london-time.js';
import { carers, type Case, doc, lead, officer, stepId } from './case.js';
import { importToYesterday } from './records.js';

export const noEngagement = (c: Case, note: string): void => {
  c.w.emit('RecordNoEngagement', c.cur.after(c.rng.int(1, 3)), lead(c), { note });
};

export const consultInclusionOfficer = (c: Case, late: boolean): void => {
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

export const legalMeetingAndRequest = (c: Case): void => {
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

export const noticeToImprove = (c: Case): Day => {
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
export const penaltyNotices = (c: Case): Array<{ stepId: string; issuedOn: Day }> => {
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

export const considerProsecution = (
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
