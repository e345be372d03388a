/** The start of an HSB case: the concern, the strategy discussion(s), the route, section 47 and its follow-ups. */
import { addDays, addMonthsToDate } from '@aimline/calendar';
import type { CommandData } from '@aimline/hsb-aim';
import { type Day, H, instant, onOrBefore, tod, wd } from '../london-time.js';
import { SUMMARIES } from './content.js';
import type { CaseFacts } from './plan.js';
import type { Pro } from './staff.js';
import { asAssessor } from './assessment.js';

/** The name as first typed in a hurry: the surname's last two letters swapped (or its last dropped). */
const misspelt = (name: string): string =>
  name.at(-1) !== name.at(-2)
    ? `${name.slice(0, -2)}${name.at(-1)}${name.at(-2)}`
    : name.slice(0, -1);

interface Start {
  readonly strategyDay: Day;
  readonly reportedAt: string;
}

/** HSB-1 … HSB-4: the concern reported to CSC and the police, then the strategy discussion(s). */
export const startCase = (f: CaseFacts): Start => {
  const { w, rng, clock, plan, staff } = f;
  const day = plan.disclosureDay;
  const disclosed = tod(clock.rng, H(9), H(10, 30));
  const disclosedAt = instant(day, disclosed);
  const reportedAt = instant(day, disclosed + 60 + 5 * rng.int(0, 6));
  w.emit('ReportConcern', reportedAt, f.caseHolder.actor, {
    disclosedAt,
    behaviourDate: addDays(day, -rng.int(0, 10)),
    child: plan.correctName ? { ...f.child, name: misspelt(f.child.name) } : f.child,
    ...(f.victim === undefined ? {} : { victim: f.victim }),
    notifications: {
      childrensSocialCare: instant(day, disclosed + 10 + 5 * rng.int(0, 4)),
      police: instant(day, disclosed + 20 + 5 * rng.int(0, 6)),
    },
    summary: rng.pick(SUMMARIES),
  });
  if (plan.correctName)
    // A refusal shown on purpose (issue 13 item 1): a team manager allocates the assessors
    // (HSB-11), so the command policy refuses the case's social worker, typed FORBIDDEN naming
    // the principal and the command; nothing is recorded.
    w.emit(
      'AllocateAssessors',
      instant(day, disclosed + 120),
      f.caseHolder.actor,
      { model: f.policy.modelsInUse[0]!, assessors: [asAssessor(f.caseHolder)] },
      'FORBIDDEN',
    );
  if (plan.correctName)
    // Rectification (UK GDPR Article 16): a new event with the reason; the original stays.
    w.emit('CorrectChildDetails', instant(day, disclosed + 150), f.caseHolder.actor, {
      childId: f.child.childId,
      name: f.child.name,
      reason: 'surname misspelt on the referral; corrected from the school record',
    });
  const participant = (p: Pro) => ({
    id: p.id,
    name: p.name,
    role: p.role,
    agency: p.agency,
    ...(p.school === undefined ? {} : { school: p.school }),
  });
  const core = [participant(f.police), participant(f.caseHolder), participant(f.cscManager)];
  // HSB-3 warns (does not refuse) when the YOS is missing for a child over the policy age.
  const yos = rng.chance(0.9) ? [participant(rng.pick(staff.yosOfficers))] : [];
  const childDsl = f.child.school === undefined ? undefined : staff.dsl.get(f.child.school);
  const victimDsl = f.victim?.school === undefined ? undefined : staff.dsl.get(f.victim.school);
  const separate =
    f.victim !== undefined && victimDsl !== undefined && victimDsl !== childDsl && rng.chance(0.6);
  const strategyAt = instant(day, tod(clock.rng, H(13), H(14, 30)));
  w.emit('HoldStrategyDiscussion', strategyAt, f.cscManager.actor, {
    discussionId: `sd-${f.plan.caseId}-1`,
    forChild: separate ? 'alleged-child' : f.victim === undefined ? 'alleged-child' : 'joint',
    participants: [
      ...core,
      ...yos,
      ...(childDsl === undefined ? [] : [participant(childDsl)]),
      ...(!separate && victimDsl !== undefined && victimDsl !== childDsl
        ? [participant(victimDsl)]
        : []),
    ],
  });
  if (separate && victimDsl !== undefined)
    w.emit('HoldStrategyDiscussion', instant(day, H(15, 30)), f.cscManager.actor, {
      discussionId: `sd-${f.plan.caseId}-2`,
      forChild: 'victim-child',
      participants: [...core, participant(victimDsl)],
    });
  return { strategyDay: day, reportedAt };
};

export const decideRoute = (
  f: CaseFacts,
  s: Start,
  route: CommandData<'DecideRoute'>['route'],
  extra: { outOfCourtDisposal?: boolean } = {},
): void => {
  const at = instant(s.strategyDay, H(16));
  if (f.plan.showRejections.has('HSB-6') && f.age < f.policy.criminalResponsibilityAge)
    // On purpose: the criminal-justice route for a child under the age of criminal responsibility.
    f.w.emit(
      'DecideRoute',
      instant(s.strategyDay, H(15, 50)),
      f.cscManager.actor,
      {
        route: 'criminal-justice',
        temporaryRiskStrategy: 'Interim safety measures at home and school.',
      },
      'HSB-6',
    );
  f.w.emit('DecideRoute', at, f.cscManager.actor, {
    route,
    temporaryRiskStrategy: 'Interim safety measures at home and school until the assessment.',
    ...extra,
  });
};

interface Section47 {
  readonly conference: boolean;
}

/** HSB-7 (and NAT-1 when the child who harmed is also a victim). */
export const section47 = (f: CaseFacts, s: Start, commissioned: boolean): Section47 => {
  const conference = commissioned && f.rng.chance(0.35);
  f.w.emit('DecideSection47', instant(s.strategyDay, H(16, 15)), f.cscManager.actor, {
    section47: commissioned,
    assessmentCommissioned: commissioned,
    ...(conference ? { conferenceCalled: true } : {}),
  });
  return { conference };
};

/** NAT-1 … NAT-3 follow-ups, emitted once the end of the case is known. */
export const childProtectionFollowUps = (
  f: CaseFacts,
  s: Start,
  s47: Section47,
  endDay: Day,
): void => {
  const { w, clock, rng } = f;
  const cfa = wd(clock, s.strategyDay, rng.int(25, 40));
  if (cfa < endDay)
    w.emit(
      'RecordChildAndFamilyAssessment',
      instant(cfa, tod(clock.rng, H(11), H(16))),
      f.caseHolder.actor,
      {},
    );
  if (!s47.conference) return;
  const chair = rng.pick(f.staff.iros);
  const initial = wd(clock, s.strategyDay, rng.int(9, 14));
  if (initial >= endDay) return;
  w.emit('RecordConference', instant(initial, H(10)), chair.actor, {
    conferenceId: `cpc-${f.plan.caseId}-1`,
    kind: 'initial',
  });
  let next = onOrBefore(
    clock,
    addDays(addMonthsToDate(initial, f.policy.firstReviewConferenceMonths), -rng.int(1, 5)),
  );
  for (let i = 2; next < endDay; i++) {
    w.emit('RecordConference', instant(next, H(10)), chair.actor, {
      conferenceId: `cpc-${f.plan.caseId}-${i}`,
      kind: 'review',
    });
    next = onOrBefore(
      clock,
      addDays(addMonthsToDate(next, f.policy.reviewConferenceMonths), -rng.int(1, 5)),
    );
  }
};
