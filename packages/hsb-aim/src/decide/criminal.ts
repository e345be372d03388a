/** Criminal-justice paths: HSB-28 (assessment informing the decision), HSB-29 (prosecution), HSB-30. */
import { decideWhen, accept, refuse, check } from '@aimline/kernel';
import { deriveLeadAgency } from '../lead-agency.js';
import type { Handler } from './handler.js';
import { addCalendarDays, instantMs, localDate } from '@aimline/calendar';
import type { OpenCase } from '../state.js';

export const criminalRoute = (s: OpenCase): boolean =>
  s.route?.route === 'criminal-justice' || s.route?.route === 'both';

export const inCustody = (s: OpenCase): boolean =>
  s.criminal.custody !== undefined &&
  (s.criminal.releasedAt === undefined ||
    instantMs(s.criminal.releasedAt) < instantMs(s.criminal.custody.from));

const onCriminalRoute = (s: OpenCase) =>
  check(!criminalRoute(s), 'STATE', 'the case is not on the criminal-justice route');

/** Each step of the proceedings is recorded once: STATE, with `reason`, once `recorded` is set. */
const once = (recorded: unknown, reason: string) => check(recorded !== undefined, 'STATE', reason);

/** HSB-28: the young person admits the offence. */
export const recordAdmission: Handler<'RecordAdmission'> = (command, s) =>
  decideWhen([() => onCriminalRoute(s)], () =>
    accept({ type: 'AdmissionRecorded', data: { ...command.data, at: command.at } }),
  );

/** HSB-28: bail or release under investigation, 28 days (policy) unless a date is set. */
export const recordBail: Handler<'RecordBail'> = (command, s, ctx) => {
  const d = command.data;
  const until = d.until ?? localDate(addCalendarDays(command.at, ctx.policy.bailDays));
  return decideWhen(
    [
      () => onCriminalRoute(s),
      () =>
        check(until <= localDate(command.at), 'INPUT', 'bail must run beyond today', 'data.until'),
    ],
    () => accept({ type: 'BailRecorded', data: { ...d, until, at: command.at } }),
  );
};

/** HSB-28: the police contact CSC and the YOS to trigger the assessment. */
export const policeTriggerAssessment: Handler<'PoliceTriggerAssessment'> = (command, s) =>
  decideWhen(
    [
      () => onCriminalRoute(s),
      () =>
        check(
          s.criminal.admissionAt === undefined,
          'HSB-28',
          'the police trigger an assessment after the young person admits the offence',
        ),
      () => once(s.criminal.triggeredAt, 'the police already triggered the assessment'),
    ],
    () =>
      accept({ type: 'AssessmentTriggeredByPolice', data: { ...command.data, at: command.at } }),
  );

/** HSB-28: the police / CPS decide; when the assessment informs it, after the report to the officer. */
export const recordPoliceDecision: Handler<'RecordPoliceDecision'> = (command, s) =>
  decideWhen(
    [
      () => onCriminalRoute(s),
      () => once(s.criminal.policeDecision, 'the police decision is already recorded'),
    ],
    () => accept({ type: 'PoliceDecisionRecorded', data: { ...command.data, at: command.at } }),
  );

export const recordCharge: Handler<'RecordCharge'> = (command, s) =>
  decideWhen(
    [
      () => onCriminalRoute(s),
      () => once(s.criminal.chargedAt, 'already charged'),
      () =>
        check(
          s.criminal.policeDecision !== undefined &&
            s.criminal.policeDecision.decision !== 'charge',
          'STATE',
          'the police decided not to charge',
        ),
    ],
    () => accept({ type: 'Charged', data: { ...command.data, at: command.at } }),
  );

export const enterPlea: Handler<'EnterPlea'> = (command, s) =>
  decideWhen(
    [
      () => check(s.criminal.chargedAt === undefined, 'STATE', 'a plea follows a charge'),
      () => once(s.criminal.plea, 'a plea is already entered'),
    ],
    () => accept({ type: 'PleaEntered', data: { ...command.data, at: command.at } }),
  );

export const recordFinding: Handler<'RecordFinding'> = (command, s) =>
  decideWhen(
    [
      () => check(s.criminal.plea !== 'not-guilty', 'STATE', 'a finding follows a not-guilty plea'),
      () => once(s.criminal.finding, 'the finding is already recorded'),
    ],
    () => accept({ type: 'FindingRecorded', data: { ...command.data, at: command.at } }),
  );

/** HSB-29: after a guilty plea or finding, the court is asked for time for the AIM assessment (PSR). */
export const requestCourtTime: Handler<'RequestCourtTime'> = (command, s) => {
  const guilty = s.criminal.plea === 'guilty' || s.criminal.finding === 'guilty';
  return decideWhen(
    [
      () => check(!guilty, 'HSB-29', 'no AIM assessment before a guilty plea or finding'),
      () => once(s.criminal.courtTimeRequestedAt, 'court time already requested'),
      () =>
        check(
          command.data.untilDate <= localDate(command.at),
          'INPUT',
          'the adjournment must run beyond today',
          'data.untilDate',
        ),
    ],
    () => accept({ type: 'CourtTimeRequested', data: { ...command.data, at: command.at } }),
  );
};

/**
 * HSB-30, source 001: "Where it is concluded there is insufficient evidence to charge
 * consideration should be given to a referral to Children's Social Care for an assessment of
 * need and an AIM assessment via the child protection/child in need route". Once criminal
 * proceedings have ended (no further action, not guilty, withdrawn) the referral back moves the
 * case to the child-protection route: `ReferredBackToChildProtection` and `RouteChanged` (from,
 * to, why, how the proceedings ended, and the lead agency derived afresh: CSC, HSB-9).
 */
export const referBackToChildProtection: Handler<'ReferBackToChildProtection'> = (
  command,
  s,
  ctx,
) => {
  const ended = s.criminal.ended;
  const from = s.route?.route;
  if (ended === undefined)
    return refuse(
      'HSB-30',
      'a referral back follows the end of criminal proceedings (no further action, not guilty, withdrawn)',
    );
  if (from === undefined || !criminalRoute(s))
    return refuse('STATE', 'the case is already on the child-protection route');
  const to = 'child-protection' as const;
  const lead = deriveLeadAgency(
    { ...s, route: { route: to, at: command.at } },
    command.at,
    ctx.policy,
  );
  return accept(
    { type: 'ReferredBackToChildProtection', data: { ...command.data, at: command.at } },
    {
      type: 'RouteChanged',
      data: {
        caseId: command.data.caseId,
        from,
        to,
        reason: command.data.reason,
        proceedingsEnded: { ending: ended.ending, at: ended.at },
        leadAgency: lead.leadAgency,
        leadAgencyReason: lead.reason,
        at: command.at,
      },
    },
  );
};

/** HSB-30: the prosecution is withdrawn before any finding: the criminal proceedings end. */
export const recordWithdrawal: Handler<'RecordWithdrawal'> = (command, s) =>
  decideWhen(
    [
      () => check(s.criminal.chargedAt === undefined, 'STATE', 'a withdrawal follows a charge'),
      () =>
        check(
          s.criminal.finding !== undefined || s.criminal.plea === 'guilty',
          'STATE',
          'the case was already decided in court',
        ),
      () => once(s.criminal.ended, 'the criminal proceedings have already ended'),
    ],
    () => accept({ type: 'ProceedingsWithdrawn', data: { ...command.data, at: command.at } }),
  );

export const startCustody: Handler<'StartCustody'> = (command, s) =>
  decideWhen(
    [
      () => check(s.criminal.chargedAt === undefined, 'STATE', 'custody follows a charge'),
      () => check(inCustody(s), 'STATE', 'the young person is already in custody'),
    ],
    () => accept({ type: 'CustodyStarted', data: { ...command.data, at: command.at } }),
  );

/** HSB-30: work continues on release and appears in the pre-release plan and licence conditions. */
export const recordRelease: Handler<'RecordRelease'> = (command, s) => {
  const d = command.data;
  const started = s.assessment.allocatedAt !== undefined;
  return decideWhen(
    [
      () => check(!inCustody(s), 'STATE', 'the young person is not in custody'),
      () =>
        check(
          !d.inPreReleasePlan,
          'HSB-30',
          'AIM work appears in the pre-release plan',
          'data.inPreReleasePlan',
        ),
      () =>
        check(
          started && !d.inLicenceConditions,
          'HSB-30',
          'AIM work started continues on release as a licence condition',
          'data.inLicenceConditions',
        ),
    ],
    () => accept({ type: 'ReleasedFromCustody', data: { ...d, at: command.at } }),
  );
};
