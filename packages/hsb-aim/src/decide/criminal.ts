/** Criminal-justice paths: HSB-28 (assessment informing the decision), HSB-29 (prosecution), HSB-30. */
import { decideWhen, decideWith, accept, found, guard, type Check } from '@aimline/kernel';
import { criminalRoute } from './guards.js';
import { deriveLeadAgency } from '../lead-agency.js';
import type { Handler } from './handler.js';
import { addCalendarDays, instantMs, localDate } from '@aimline/calendar';
import type { OpenCase } from '../state.js';

const inCustody = (s: OpenCase): boolean =>
  s.criminal.custody !== undefined &&
  (s.criminal.releasedAt === undefined ||
    instantMs(s.criminal.releasedAt) < instantMs(s.criminal.custody.from));

const onCriminalRoute = (s: OpenCase): Check =>
  guard(
    'STATE',
    'the case is not on the criminal-justice route',
    'data.caseId',
    () => !criminalRoute(s),
  );

/** Each step of the proceedings is recorded once: STATE, with `reason`, once `recorded` is set. */
const once = (recorded: unknown, reason: string): Check =>
  guard('STATE', reason, 'data.caseId', () => recorded !== undefined);

/** HSB-28: the young person admits the offence. */
export const recordAdmission: Handler<'RecordAdmission'> = (command, s) =>
  decideWhen([onCriminalRoute(s)], () =>
    accept({ type: 'AdmissionRecorded', data: { ...command.data, at: command.at } }),
  );

/** HSB-28: bail or release under investigation, 28 days (policy) unless a date is set. */
export const recordBail: Handler<'RecordBail'> = ({ data: d, at }, s, ctx) => {
  const until = d.until ?? localDate(addCalendarDays(at, ctx.policy.bailDays));
  return decideWhen(
    [
      onCriminalRoute(s),
      guard('INPUT', 'bail must run beyond today', 'data.until', () => until <= localDate(at)),
    ],
    () => accept({ type: 'BailRecorded', data: { ...d, until, at } }),
  );
};

/** HSB-28: the police contact CSC and the YOS to trigger the assessment. */
export const policeTriggerAssessment: Handler<'PoliceTriggerAssessment'> = (command, s) =>
  decideWhen(
    [
      onCriminalRoute(s),
      guard(
        'HSB-28',
        'the police trigger an assessment after the young person admits the offence',
        'data.caseId',
        () => s.criminal.admissionAt === undefined,
      ),
      once(s.criminal.triggeredAt, 'the police already triggered the assessment'),
    ],
    () =>
      accept({ type: 'AssessmentTriggeredByPolice', data: { ...command.data, at: command.at } }),
  );

/** HSB-28: the police / CPS decide; when the assessment informs it, after the report to the officer. */
export const recordPoliceDecision: Handler<'RecordPoliceDecision'> = (command, s) =>
  decideWhen(
    [
      onCriminalRoute(s),
      once(s.criminal.policeDecision, 'the police decision is already recorded'),
    ],
    () => accept({ type: 'PoliceDecisionRecorded', data: { ...command.data, at: command.at } }),
  );

export const recordCharge: Handler<'RecordCharge'> = (command, s) =>
  decideWhen(
    [
      onCriminalRoute(s),
      once(s.criminal.chargedAt, 'already charged'),
      guard(
        'STATE',
        'the police decided not to charge',
        'data.caseId',
        () =>
          s.criminal.policeDecision !== undefined &&
          s.criminal.policeDecision.decision !== 'charge',
      ),
    ],
    () => accept({ type: 'Charged', data: { ...command.data, at: command.at } }),
  );

export const enterPlea: Handler<'EnterPlea'> = (command, s) =>
  decideWhen(
    [
      guard(
        'STATE',
        'a plea follows a charge',
        'data.caseId',
        () => s.criminal.chargedAt === undefined,
      ),
      once(s.criminal.plea, 'a plea is already entered'),
    ],
    () => accept({ type: 'PleaEntered', data: { ...command.data, at: command.at } }),
  );

export const recordFinding: Handler<'RecordFinding'> = (command, s) =>
  decideWhen(
    [
      guard(
        'STATE',
        'a finding follows a not-guilty plea',
        'data.caseId',
        () => s.criminal.plea !== 'not-guilty',
      ),
      once(s.criminal.finding, 'the finding is already recorded'),
    ],
    () => accept({ type: 'FindingRecorded', data: { ...command.data, at: command.at } }),
  );

/** HSB-29: after a guilty plea or finding, the court is asked for time for the AIM assessment (PSR). */
export const requestCourtTime: Handler<'RequestCourtTime'> = (command, s) => {
  const guilty = s.criminal.plea === 'guilty' || s.criminal.finding === 'guilty';
  return decideWhen(
    [
      guard('HSB-29', 'no AIM assessment before a guilty plea or finding', 'data.caseId', () => {
        return !guilty;
      }),
      once(s.criminal.courtTimeRequestedAt, 'court time already requested'),
      guard(
        'INPUT',
        'the adjournment must run beyond today',
        'data.untilDate',
        () => command.data.untilDate <= localDate(command.at),
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
  const to = 'child-protection' as const;
  /** The criminal-justice route the referral back leaves. */
  const from = criminalRoute(s) ? s.route?.route : undefined;
  return decideWith(
    found(
      s.criminal.ended,
      'HSB-30',
      'a referral back follows the end of criminal proceedings (no further action, not guilty, withdrawn)',
      'data.caseId',
    ),
    (ended) =>
      decideWith(
        found(from, 'STATE', 'the case is already on the child-protection route', 'data.caseId'),
        (from) => {
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
        },
      ),
  );
};

/** HSB-30: the prosecution is withdrawn before any finding: the criminal proceedings end. */
export const recordWithdrawal: Handler<'RecordWithdrawal'> = (command, s) =>
  decideWhen(
    [
      guard(
        'STATE',
        'a withdrawal follows a charge',
        'data.caseId',
        () => s.criminal.chargedAt === undefined,
      ),
      guard(
        'STATE',
        'the case was already decided in court',
        'data.caseId',
        () => s.criminal.finding !== undefined || s.criminal.plea === 'guilty',
      ),
      once(s.criminal.ended, 'the criminal proceedings have already ended'),
    ],
    () => accept({ type: 'ProceedingsWithdrawn', data: { ...command.data, at: command.at } }),
  );

export const startCustody: Handler<'StartCustody'> = (command, s) =>
  decideWhen(
    [
      guard(
        'STATE',
        'custody follows a charge',
        'data.caseId',
        () => s.criminal.chargedAt === undefined,
      ),
      guard('STATE', 'the young person is already in custody', 'data.caseId', () => inCustody(s)),
    ],
    () => accept({ type: 'CustodyStarted', data: { ...command.data, at: command.at } }),
  );

/** HSB-30: work continues on release and appears in the pre-release plan and licence conditions. */
export const recordRelease: Handler<'RecordRelease'> = ({ data: d, at }, s) => {
  const started = s.assessment.allocatedAt !== undefined;
  return decideWhen(
    [
      guard('STATE', 'the young person is not in custody', 'data.caseId', () => !inCustody(s)),
      guard(
        'HSB-30',
        'AIM work appears in the pre-release plan',
        'data.inPreReleasePlan',
        () => !d.inPreReleasePlan,
      ),
      guard(
        'HSB-30',
        'AIM work started continues on release as a licence condition',
        'data.inLicenceConditions',
        () => started && !d.inLicenceConditions,
      ),
    ],
    () => accept({ type: 'ReleasedFromCustody', data: { ...d, at } }),
  );
};
