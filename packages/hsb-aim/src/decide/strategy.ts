/** Strategy: discussion (HSB-2 … HSB-4), route (HSB-5, HSB-6), Section 47 (HSB-7, NAT-1), NAT-3. */
import { decideWhen, accept, guard, noneTwice } from '@aimline/kernel';
import { afterStrategyDiscussion, goesWith } from './guards.js';
import type { CommandOfType, Handler } from './handler.js';
import { addWorkingDays, ageOn, instantMs } from '@aimline/calendar';
import type { ConferenceState, OpenCase } from '../state.js';
import type { Participant, Warning } from '../values.js';

/** HSB-3: police, children's social care, and the YOS when the child is over 8: warned, never rejected. */
const participantWarnings = (
  participants: ReadonlyArray<Participant>,
  s: OpenCase,
  at: string,
  overAge: number,
): Warning[] => {
  const has = (agency: Participant['agency']) => participants.some((p) => p.agency === agency);
  const warnings: Warning[] = [];
  if (!has('police')) warnings.push({ ruleId: 'HSB-3', message: 'no police participant' });
  if (!has('childrens-social-care'))
    warnings.push({ ruleId: 'HSB-3', message: "no children's social care participant" });
  const age = ageOn(s.child.dateOfBirth, at);
  if (age > overAge && !has('youth-offending-service'))
    warnings.push({
      ruleId: 'HSB-3',
      message: `no youth offending service participant for a child aged ${age} (over ${overAge})`,
    });
  return warnings;
};

/**
 * HSB-4: at separate discussions each school attends only its own pupil's discussion: a
 * participant from the other child's school is rejected.
 */
const schoolOfOtherChild = (
  participants: ReadonlyArray<Participant>,
  s: OpenCase,
  forChild: string,
): number => {
  if (forChild === 'joint' || s.victim === undefined) return -1;
  const own = forChild === 'alleged-child' ? s.child.school : s.victim.school;
  const other = forChild === 'alleged-child' ? s.victim.school : s.child.school;
  if (other === undefined || other === own) return -1;
  return participants.findIndex(
    (p) => p.school !== undefined && p.school.trim().toLowerCase() === other.trim().toLowerCase(),
  );
};

export const holdStrategyDiscussion: Handler<'HoldStrategyDiscussion'> = (
  { data: d, at },
  s,
  ctx,
) => {
  const otherSchool = schoolOfOtherChild(d.participants, s, d.forChild);
  return decideWhen(
    [
      guard(
        'STATE',
        `strategy discussion ${d.discussionId} is already recorded`,
        'data.discussionId',
        () => s.strategy.some((x) => x.discussionId === d.discussionId),
      ),
      guard(
        'INPUT',
        'a strategy discussion needs participants',
        'data.participants',
        () => d.participants.length === 0,
      ),
      noneTwice(
        d.participants,
        (p) => p.id,
        (_, i, twice) => [
          guard('INPUT', 'a participant is listed twice', `data.participants.${i}.id`, () => twice),
        ],
      ),
      guard(
        'STATE',
        'no victim child is recorded in this case',
        'data.forChild',
        () => d.forChild === 'victim-child' && s.victim === undefined,
      ),
      guard(
        'HSB-4',
        "a school attends only its own pupil's discussion",
        `data.participants.${otherSchool}.school`,
        () => otherSchool >= 0,
      ),
    ],
    () => {
      const warnings =
        d.forChild === 'victim-child'
          ? []
          : participantWarnings(d.participants, s, at, ctx.policy.yosExpectedOverAge);
      return accept({ type: 'StrategyDiscussionHeld', data: { ...d, at, warnings } });
    },
  );
};

/** HSB-5 the route and temporary risk-management strategy; HSB-6 criminal justice needs 10+ at the behaviour. */
export const decideRoute: Handler<'DecideRoute'> = ({ data: d, at }, s, ctx) => {
  const criminal = d.route === 'criminal-justice' || d.route === 'both';
  const ageAtBehaviour = ageOn(s.child.dateOfBirth, s.behaviourDate);
  return decideWhen(
    [
      afterStrategyDiscussion(s, 'the route is decided'),
      guard('STATE', 'the route is already decided', 'data.caseId', () => s.route !== undefined),
      guard(
        'HSB-6',
        `the criminal-justice route needs the child to be ${ctx.policy.criminalResponsibilityAge} or over at the time of the behaviour (was ${ageAtBehaviour})`,
        'data.route',
        () => criminal && ageAtBehaviour < ctx.policy.criminalResponsibilityAge,
      ),
      ...goesWith(
        'noInterventionReason',
        d.route === 'no-aim-intervention',
        d.noInterventionReason !== undefined,
      ),
      guard(
        'INPUT',
        'an out-of-court disposal belongs to the criminal-justice route',
        'data.outOfCourtDisposal',
        () => d.outOfCourtDisposal === true && !criminal,
      ),
    ],
    () => accept({ type: 'RouteDecided', data: { ...d, at } }),
  );
};

/** HSB-7: whether a Section 47 enquiry is conducted and an assessment commissioned; NAT-1 a conference. */
export const decideSection47: Handler<'DecideSection47'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      afterStrategyDiscussion(s, 'the Section 47 decision is taken'),
      guard(
        'STATE',
        'the Section 47 decision is already recorded',
        'data.caseId',
        () => s.section47 !== undefined,
      ),
      guard(
        'INPUT',
        'a child protection conference follows a Section 47 enquiry',
        'data.conferenceCalled',
        () => d.conferenceCalled === true && !d.section47,
      ),
      guard(
        'HSB-5',
        'no AIM intervention was decided: an assessment cannot be commissioned',
        'data.assessmentCommissioned',
        () => d.assessmentCommissioned && s.route?.route === 'no-aim-intervention',
      ),
    ],
    () => accept({ type: 'Section47Decided', data: { ...d, at } }),
  );

type ConferenceKind = CommandOfType<'RecordConference'>['data']['kind'];

/** NAT-1 / NAT-2: what a conference of each kind follows, and why it cannot be held yet (STATE). */
const conferenceOrder: Readonly<
  Record<ConferenceKind, (c: ConferenceState) => ReadonlyArray<readonly [string, boolean]>>
> = {
  initial: (c) => [
    ['no child protection conference was called', c.calledAt === undefined],
    ['the initial conference is already recorded', c.initialAt !== undefined],
  ],
  review: (c) => [
    ['a review conference follows the initial conference', c.initialAt === undefined],
  ],
};

/** NAT-1 / NAT-2: conferences happen only once called; reviews only after the initial one. */
export const recordConference: Handler<'RecordConference'> = ({ data: d, at }, s) =>
  decideWhen(
    conferenceOrder[d.kind](s.conferences).map(([reason, broken]) =>
      guard('STATE', reason, 'data.kind', () => broken),
    ),
    () => accept({ type: 'ConferenceHeld', data: { ...d, at } }),
  );

/** NAT-3: a child and family assessment within 45 working days of the referral; a late one records why. */
export const recordChildAndFamilyAssessment: Handler<'RecordChildAndFamilyAssessment'> = (
  command,
  s,
  ctx,
) => {
  const due = addWorkingDays(
    ctx.calendar,
    s.reportedAt,
    ctx.policy.childAndFamilyAssessmentWorkingDays,
  );
  const late = instantMs(command.at) > due.toMillis();
  return decideWhen(
    [
      guard('STATE', 'the child and family assessment is already recorded', 'data.caseId', () => {
        return s.childAndFamilyAssessmentAt !== undefined;
      }),
      guard(
        'NAT-3',
        'a late child and family assessment records the reason',
        'data.lateReason',
        () => {
          return late && command.data.lateReason === undefined;
        },
      ),
    ],
    () =>
      accept({
        type: 'ChildAndFamilyAssessmentCompleted',
        data: { ...command.data, at: command.at },
      }),
  );
};
