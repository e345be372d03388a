/**
 * Synthetic HSB AIM cases for `aimline demo`: invented children walking every path of the
 * process (child protection, criminal justice, prosecution, custody, no AIM intervention, the
 * under-12s model, AIM3 where the council uses it), with realistic timings in Europe/London
 * business hours, some deadlines missed and some events recorded late on purpose, and a few
 * commands that are refused on purpose to show typed rejections. Pure apart from `ctx.rng`.
 */
import { isBefore } from '@aimline/calendar';
import type { Actor, AnyDomainModule } from '@aimline/kernel';
import type {
  AssessmentModel,
  AssessmentOutcome,
  Child,
  CommandData,
  HsbCommand,
  HsbPolicy,
  Level,
  PlanHeadingName,
} from '@aimline/hsb-aim';
import { planHeadings } from '@aimline/hsb-aim';
import { CaseWriter, toSteps, type Draft } from './case-writer.js';
import { AGENCIES, dateOfBirthFor, inventName, SCHOOLS } from './invented-people.js';
import { shuffle, type Rng } from './rng.js';
import { moduleNamed, type ScenarioContext, type ScenarioGenerator } from './scenario.js';
import {
  daysBetween,
  demoWindow,
  H,
  instant,
  minutesOf,
  onOrAfter,
  onOrBefore,
  plusDays,
  plusMonths,
  plusWeeks,
  tod,
  wd,
  type Clock,
  type Day,
} from './london-time.js';

/** The paths a case can walk (see `pathsFor`). */
export type HsbPath =
  | 'child-protection'
  | 'criminal-justice-assessment'
  | 'prosecution'
  | 'custody'
  | 'no-aim-intervention'
  | 'under-12s'
  | 'aim3'
  | 'referral-back';

/** What can happen on top of a path (each at least once when there are enough cases). */
export type HsbFeature =
  'consent-refused' | 'emerging-risk' | 'disagreement' | 'late-allocation' | 'late-home-visit';

// ── invented professionals ───────────────────────────────────────────────────

type DomainAgency =
  'police' | 'childrens-social-care' | 'youth-offending-service' | 'health' | 'education';

interface Pro {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly agency: DomainAgency;
  readonly actor: Actor;
  readonly trainedIn: AssessmentModel[];
  readonly qualification: 'social-work' | 'other-suitable' | 'none';
  readonly school?: string;
}

interface Staff {
  readonly socialWorkers: ReadonlyArray<Pro>;
  readonly yosOfficers: ReadonlyArray<Pro>;
  readonly health: ReadonlyArray<Pro>;
  readonly police: ReadonlyArray<Pro>;
  readonly cscManagers: ReadonlyArray<Pro>;
  readonly yosManagers: ReadonlyArray<Pro>;
  readonly iros: ReadonlyArray<Pro>;
  readonly businessSupport: ReadonlyArray<Pro>;
  readonly dsl: ReadonlyMap<string, Pro>;
}

const actorAgency: Record<DomainAgency, string> = {
  police: AGENCIES.police,
  'childrens-social-care': AGENCIES.csc,
  'youth-offending-service': AGENCIES.yos,
  health: AGENCIES.health,
  education: AGENCIES.education,
};

const makeStaff = (rng: Rng): Staff => {
  const used = new Set<string>();
  const newId = (prefix: string): string => {
    for (;;) {
      const id = `${prefix}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  const pro = (
    prefix: string,
    role: string,
    agency: DomainAgency,
    trainedIn: AssessmentModel[] = [],
    qualification: Pro['qualification'] = 'none',
    actorAgencyName: string = actorAgency[agency],
    school?: string,
  ): Pro => {
    const id = newId(prefix);
    return {
      id,
      name: inventName(rng),
      role,
      agency,
      actor: { id, role, agency: actorAgencyName },
      trainedIn,
      qualification,
      ...(school === undefined ? {} : { school }),
    };
  };
  const times = <A>(n: number, f: (i: number) => A): A[] =>
    Array.from({ length: n }, (_, i) => f(i));
  return {
    socialWorkers: times(6, (i) =>
      pro(
        'sw',
        'social worker',
        'childrens-social-care',
        i % 3 === 0
          ? ['AIM2', 'under-12s', 'AIM3']
          : i % 3 === 1
            ? ['AIM2', 'under-12s']
            : ['AIM2'],
        'social-work',
      ),
    ),
    yosOfficers: times(4, (i) =>
      pro(
        'yos',
        'youth justice officer',
        'youth-offending-service',
        i % 2 === 0 ? ['AIM2', 'AIM3'] : ['AIM2'],
        i % 2 === 0 ? 'other-suitable' : 'none',
      ),
    ),
    health: times(2, () =>
      pro('hp', 'child psychotherapist', 'health', ['under-12s', 'AIM2'], 'other-suitable'),
    ),
    police: times(4, () => pro('pc', 'detective constable', 'police')),
    cscManagers: times(2, () => pro('mgr-csc', 'team manager', 'childrens-social-care')),
    yosManagers: times(2, () =>
      pro('mgr-yos', 'youth justice team manager', 'youth-offending-service'),
    ),
    iros: times(2, () =>
      pro(
        'iro',
        'independent reviewing officer',
        'childrens-social-care',
        [],
        'social-work',
        AGENCIES.iro,
      ),
    ),
    businessSupport: times(2, () =>
      pro(
        'bs',
        'business support officer',
        'childrens-social-care',
        [],
        'none',
        AGENCIES.businessSupport,
      ),
    ),
    dsl: new Map(
      SCHOOLS.map((school) => [
        school,
        pro(
          'dsl',
          'designated safeguarding lead',
          'education',
          [],
          'none',
          AGENCIES.education,
          school,
        ),
      ]),
    ),
  };
};

// ── one case being written ───────────────────────────────────────────────────

interface CasePlan {
  readonly caseId: string;
  readonly path: HsbPath;
  readonly features: ReadonlySet<HsbFeature>;
  /** The rule ids of the commands this case sends on purpose to be refused. */
  readonly showRejections: ReadonlySet<'HSB-6' | 'HSB-8' | 'HSB-22'>;
  readonly disclosureDay: Day;
  /** Steps after this instant are left out (a case still open at the end of the demo window). */
  readonly cutOff?: string;
}

interface CaseFacts {
  readonly w: CaseWriter<HsbCommand>;
  readonly plan: CasePlan;
  readonly child: Child;
  readonly victim?: Child;
  readonly age: number;
  readonly staff: Staff;
  readonly policy: HsbPolicy;
  readonly rng: Rng;
  readonly clock: Clock;
  /** The duty social worker who took the referral and is the case holder. */
  readonly caseHolder: Pro;
  readonly cscManager: Pro;
  readonly yosManager: Pro;
  readonly police: Pro;
}

// ── invented content ─────────────────────────────────────────────────────────

const SUMMARIES = [
  'A younger pupil told a teaching assistant about unwanted touching during break time.',
  'A parent reported sexualised messages sent to a younger child on a gaming platform.',
  'A sibling disclosed to a foster carer repeated touching at bedtime.',
  'Staff at an after-school club observed sexualised behaviour towards a younger child.',
  'A child told a school nurse about being made to watch explicit videos by an older child.',
  'A neighbour reported an older child exposing himself to younger children in the park.',
] as const;

const OFFENCES = [
  'Sexual assault of a child under 13 (invented demo charge).',
  'Causing a child to watch a sexual act (invented demo charge).',
  'Sexual activity with a child (invented demo charge).',
] as const;

const safetyPlan = {
  supervisionLevel: 'Line-of-sight supervision whenever younger children are present.',
  livingEnvironment: 'No unsupervised internet access; devices kept downstairs overnight.',
  sleepingArrangements: 'Own bedroom; younger siblings do not share a room.',
  privacyRules:
    'Knock before entering bedrooms and the bathroom; one person in the bathroom at a time.',
  stateOfDress: 'Everyone fully dressed in shared rooms.',
  playFighting: 'No play fighting or tickling games.',
};

const levels: ReadonlyArray<Level> = ['low', 'medium', 'high'];
const lvl = (i: number): Level => levels[Math.max(0, Math.min(2, i))] ?? 'medium';

/** Scores that improve over time: `step` 0 is the initial scoring, then each review. */
const outcome = (
  model: AssessmentModel,
  start: number,
  step: number,
  rng: Rng,
): AssessmentOutcome => {
  const concern = Math.max(0, start - Math.floor((step + rng.int(0, 1)) / 2));
  switch (model) {
    case 'AIM2':
      return {
        model: 'AIM2',
        staticConcerns: lvl(start),
        dynamicConcerns: lvl(concern),
        dynamicStrengths: lvl(Math.min(2, step === 0 ? 0 : 1 + Math.floor(step / 2))),
        recommendedSupervision: lvl(concern),
        evidence: `Practitioners' evidence notes, scoring ${step === 0 ? 'at assessment' : `at review ${step}`} (synthetic).`,
      };
    case 'under-12s':
      return {
        model: 'under-12s',
        summary:
          'Behaviour understood in the context of the home; carers engaging with the plan (synthetic).',
        recommendedSupervision: lvl(concern),
        evidence: `Practitioners' evidence notes (synthetic), occasion ${step}.`,
      };
    case 'AIM3': {
      const domain = (what: string) => ({
        summary: `${what}: what is known (synthetic).`,
        needs: `${what}: needs identified (synthetic).`,
        strengths: `${what}: strengths identified (synthetic).`,
      });
      return {
        model: 'AIM3',
        domains: {
          sexualBehaviour: domain('Sexual behaviour'),
          nonSexualBehaviour: domain('Non-sexual behaviour'),
          developmental: domain('Developmental'),
          family: domain('Family'),
          environment: domain('Environment'),
        },
        caseFormulation: `Case formulation agreed by the assessors (synthetic), occasion ${step}.`,
        evidence: 'Evidence notes (synthetic).',
      };
    }
  }
};

type InterventionPlan = CommandData<'HoldInitialAimMeeting'>['plan'];
type PlanHeading = NonNullable<InterventionPlan[PlanHeadingName]>;

/** HSB-22: every heading addressed, or marked not applicable with a reason. */
const interventionPlan = (young: boolean, rng: Rng): InterventionPlan => {
  const plan: Partial<Record<PlanHeadingName, PlanHeading>> = {};
  for (const h of planHeadings)
    plan[h] =
      h === 'barredListConsideration' && young
        ? { status: 'not-applicable', reason: 'Not in employment or volunteering (a child).' }
        : h === 'victimIssues' && rng.chance(0.2)
          ? {
              status: 'not-applicable',
              reason: 'Victim support is planned in the victim’s own case.',
            }
          : { status: 'addressed', text: `Agreed actions for ${h} (synthetic).` };
  return plan;
};

// ── people ───────────────────────────────────────────────────────────────────

// ── phases ───────────────────────────────────────────────────────────────────

interface Start {
  readonly strategyDay: Day;
  readonly reportedAt: string;
}

/** HSB-1 … HSB-4: the concern reported to CSC and the police, then the strategy discussion(s). */
const startCase = (f: CaseFacts): Start => {
  const { w, rng, clock, plan, staff } = f;
  const day = plan.disclosureDay;
  const disclosed = tod(clock.rng, H(9), H(10, 30));
  const disclosedAt = instant(day, disclosed);
  const reportedAt = instant(day, disclosed + 60 + 5 * rng.int(0, 6));
  w.emit('ReportConcern', reportedAt, f.caseHolder.actor, {
    disclosedAt,
    behaviourDate: plusDays(day, -rng.int(0, 10)),
    child: f.child,
    ...(f.victim === undefined ? {} : { victim: f.victim }),
    notifications: {
      childrensSocialCare: instant(day, disclosed + 10 + 5 * rng.int(0, 4)),
      police: instant(day, disclosed + 20 + 5 * rng.int(0, 6)),
    },
    summary: rng.pick(SUMMARIES),
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

const decideRoute = (
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
const section47 = (f: CaseFacts, s: Start, commissioned: boolean): Section47 => {
  const conference = commissioned && f.rng.chance(0.35);
  f.w.emit('DecideSection47', instant(s.strategyDay, H(16, 15)), f.cscManager.actor, {
    section47: commissioned,
    assessmentCommissioned: commissioned,
    ...(conference ? { conferenceCalled: true } : {}),
  });
  return { conference };
};

/** NAT-1 … NAT-3 follow-ups, emitted once the end of the case is known. */
const childProtectionFollowUps = (f: CaseFacts, s: Start, s47: Section47, endDay: Day): void => {
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
    plusDays(plusMonths(initial, f.policy.firstReviewConferenceMonths), -rng.int(1, 5)),
  );
  for (let i = 2; next < endDay; i++) {
    w.emit('RecordConference', instant(next, H(10)), chair.actor, {
      conferenceId: `cpc-${f.plan.caseId}-${i}`,
      kind: 'review',
    });
    next = onOrBefore(
      clock,
      plusDays(plusMonths(next, f.policy.reviewConferenceMonths), -rng.int(1, 5)),
    );
  }
};

interface Assessors {
  readonly model: AssessmentModel;
  readonly assessors: ReadonlyArray<Pro>;
  readonly overseer: Pro;
}

const asAssessor = (p: Pro) => ({
  id: p.id,
  name: p.name,
  agency: p.agency,
  trainedIn: p.trainedIn,
  qualification: p.qualification,
});

/** HSB-8 … HSB-10: a model the council uses that fits the child, assessors who may assess it. */
const chooseAssessors = (
  f: CaseFacts,
  preferred: AssessmentModel,
  criminal: boolean,
): Assessors => {
  const { rng, staff, policy } = f;
  const fits = (m: AssessmentModel) =>
    policy.modelsInUse.includes(m) &&
    policy.modelAgeBands.some((b) => b.model === m && f.age >= b.minAge && f.age + 1 <= b.maxAge);
  const model: AssessmentModel = fits(preferred)
    ? preferred
    : (policy.modelsInUse.find(fits) ?? preferred);
  const victimWorker = f.victim?.socialWorker?.id;
  const trained = (pool: ReadonlyArray<Pro>) =>
    pool.filter((p) => p.trainedIn.includes(model) && p.id !== victimWorker);
  const lead = rng.pick(trained(staff.socialWorkers));
  const partners =
    model === 'under-12s'
      ? [...staff.health, ...trained(staff.socialWorkers).filter((p) => p.id !== lead.id)]
      : criminal
        ? staff.yosOfficers
        : [...staff.yosOfficers, ...trained(staff.socialWorkers).filter((p) => p.id !== lead.id)];
  const partner = rng.pick(partners);
  const assessors = model === 'AIM3' && rng.chance(0.5) ? [lead] : [lead, partner];
  return { model, assessors, overseer: criminal ? f.yosManager : f.cscManager };
};

interface AssessmentOptions {
  readonly criminal: boolean;
  readonly preferredModel: AssessmentModel;
  /** Day the assessors are allocated (late when the case has the late-allocation feature). */
  readonly allocationDay: Day;
  /** Whether the assessment goes on to the initial AIM meeting (else it stops after the initial supervision). */
  readonly toMeeting: boolean;
  readonly homeSetting: string;
}

interface AssessmentResult {
  readonly a: Assessors;
  readonly allocationDay: Day;
  readonly initialSupervisionDay: Day;
  /** The booked initial AIM meeting start, when the assessment goes on to it. */
  readonly meetingDay?: Day;
  readonly meetingStart?: string;
  readonly initialScores?: AssessmentOutcome;
  readonly startLevel: number;
}

/** HSB-8 … HSB-24: allocation, home visit and safety plan, supervisions, reports, sharing. */
const assessment = (f: CaseFacts, o: AssessmentOptions): AssessmentResult => {
  const { w, rng, clock, plan, policy } = f;
  const a = chooseAssessors(f, o.preferredModel, o.criminal);
  const allocator = o.criminal ? f.yosManager : f.cscManager;
  const allocDay = o.allocationDay;
  const allocMin = tod(clock.rng, H(9, 30), H(11));
  if (plan.showRejections.has('HSB-8') && !policy.modelsInUse.includes('AIM3'))
    // On purpose: an AIM3 allocation where the council has not adopted AIM3 (002).
    w.emit(
      'AllocateAssessors',
      instant(allocDay, allocMin - 20),
      allocator.actor,
      {
        model: 'AIM3',
        assessors: [
          asAssessor(rng.pick(f.staff.yosOfficers.filter((p) => p.trainedIn.includes('AIM3')))),
        ],
      },
      'HSB-8',
    );
  w.emit('AllocateAssessors', instant(allocDay, allocMin), allocator.actor, {
    model: a.model,
    assessors: a.assessors.map(asAssessor),
  });
  const lead = a.assessors[0] ?? f.caseHolder;
  const coWorker = a.assessors[1] ?? lead;

  // HSB-12, HSB-13: home visit and typed safety plan (late on purpose for some cases).
  const visitDay = plan.features.has('late-home-visit')
    ? onOrAfter(clock, plusDays(allocDay, rng.int(7, 10)))
    : wd(clock, allocDay, 1);
  w.emit('RecordHomeVisit', instant(visitDay, tod(clock.rng, H(10), H(11, 30))), lead.actor, {
    setting: o.homeSetting,
  });
  w.emit('AgreeHomeSafetyPlan', instant(visitDay, tod(clock.rng, H(14), H(16))), lead.actor, {
    setting: o.homeSetting,
    plan: safetyPlan,
    typed: true,
    signedBy: [`carer-${plan.caseId}`, lead.id],
    agreedByManagers: [{ id: a.overseer.id, agency: a.overseer.agency }],
  });

  if (plan.features.has('consent-refused'))
    w.emit('RecordConsentRefused', instant(wd(clock, allocDay, 1), H(16, 30)), lead.actor, {
      refusedBy: rng.pick(['young-person', 'parents-carers'] as const),
      concernRemains: true,
    });

  // HSB-14, HSB-15: initial joint supervision, at which the initial AIM meeting is booked.
  const supDay = wd(clock, allocDay, rng.int(2, 4));
  const attendees = [...a.assessors.map((p) => p.id), a.overseer.id];
  const supMin = tod(clock.rng, H(9, 30), H(16));
  const supAt = instant(supDay, supMin);
  w.emit('HoldSupervision', supAt, a.overseer.actor, {
    kind: 'initial',
    attendees,
    overseeingManager: { id: a.overseer.id, agency: a.overseer.agency },
    rolesAgreed: `${lead.id} leads; ${coWorker.id} co-works; ${a.overseer.id} oversees.`,
  });
  const startLevel = rng.int(1, 2);
  if (!o.toMeeting)
    return { a, allocationDay: allocDay, initialSupervisionDay: supDay, startLevel };

  const meetingDay = onOrBefore(
    clock,
    plusDays(plusWeeks(supDay, policy.initialMeetingWeeksAfterSupervision), -rng.int(0, 2)),
  );
  const meetingStart = instant(meetingDay, rng.pick([H(10), H(13, 30)]));
  w.emit(
    'BookInitialAimMeeting',
    instant(supDay, supMin + 20),
    rng.pick(f.staff.businessSupport).actor,
    {
      meetingId: `aim-${plan.caseId}`,
      start: meetingStart,
    },
  );

  if (plan.features.has('emerging-risk')) {
    const riskDay = wd(clock, allocDay, rng.int(6, 10));
    const riskMin = tod(clock.rng, H(9, 30), H(11, 30));
    w.emit('RaiseEmergingRisk', instant(riskDay, riskMin), lead.actor, {
      riskId: `risk-${plan.caseId}-1`,
      description: 'The young person has unsupervised weekend contact with younger cousins.',
    });
    w.emit('HoldRiskManagementMeeting', instant(riskDay, riskMin + H(3)), f.cscManager.actor, {
      riskId: `risk-${plan.caseId}-1`,
      writtenPlan:
        'No unsupervised contact with younger children; cousins’ parents informed (synthetic).',
    });
  }

  // HSB-16, HSB-17: second and final supervisions (scores and evidence at the final one).
  const secondDay = onOrBefore(
    clock,
    plusDays(plusWeeks(allocDay, policy.secondSupervisionWeeks), -rng.int(0, 2)),
  );
  const finalDay = onOrBefore(
    clock,
    plusDays(plusWeeks(allocDay, policy.finalSupervisionWeeks), -rng.int(0, 2)),
  );
  w.emit('HoldSupervision', instant(secondDay, H(9, 15)), a.overseer.actor, {
    kind: 'second',
    attendees,
    overseeingManager: { id: a.overseer.id, agency: a.overseer.agency },
  });
  if (plan.features.has('disagreement')) {
    const first = wd(clock, secondDay, 1);
    const second = wd(clock, first, rng.int(2, 4));
    const resolved = wd(clock, second, rng.int(2, 4));
    const id = `dis-${plan.caseId}-1`;
    const subject = 'The assessors disagree on the level of dynamic concerns.';
    w.emit('EscalateDisagreement', instant(first, H(11)), coWorker.actor, {
      disagreementId: id,
      stage: 'line-managers',
      subject,
    });
    w.emit('EscalateDisagreement', instant(second, H(11)), f.yosManager.actor, {
      disagreementId: id,
      stage: 'professional-differences',
      subject,
    });
    w.emit('ResolveDisagreement', instant(resolved, H(15)), f.cscManager.actor, {
      disagreementId: id,
      resolution:
        'Agreed at the professional-differences meeting: scores reviewed with the evidence.',
    });
  }
  const initialScores = outcome(a.model, startLevel, 0, rng);
  w.emit('HoldSupervision', instant(finalDay, H(9, 15)), a.overseer.actor, {
    kind: 'final',
    attendees,
    overseeingManager: { id: a.overseer.id, agency: a.overseer.agency },
    scores: initialScores,
  });

  // HSB-18, HSB-19, MTG-5: reports before the meeting; HSB-20: shared with the family.
  const managerDay = onOrBefore(
    clock,
    plusDays(meetingDay, -(policy.reportToManagerDaysBefore + 1)),
  );
  const chairDay = onOrBefore(clock, plusDays(meetingDay, -(policy.reportToChairDaysBefore + 1)));
  const iroDay = onOrBefore(
    clock,
    plusDays(meetingDay, -(Math.ceil(policy.reportToIroHoursBefore / 24) + 1)),
  );
  w.emit('SubmitReport', instant(managerDay, H(9, 30)), lead.actor, { recipient: 'manager' });
  w.emit('ShareAssessmentWithFamily', instant(managerDay, H(15, 30)), lead.actor, {
    sharedWith: ['young-person', 'parents-carers'],
    disagreements: rng.chance(0.3)
      ? ['The parents disagree with the description of the incident.']
      : [],
    copyRetained: true,
    childFriendlyVersion: true,
  });
  w.emit('SubmitReport', instant(chairDay, H(11, 30)), lead.actor, { recipient: 'chair' });
  w.emit('SubmitReport', instant(iroDay, H(14, 30)), lead.actor, { recipient: 'iro' });
  return {
    a,
    allocationDay: allocDay,
    initialSupervisionDay: supDay,
    meetingDay,
    meetingStart,
    initialScores,
    startLevel,
  };
};

interface InterventionOptions {
  readonly minReviews: number;
  /** Keep reviewing until after this day (e.g. release from custody). */
  readonly reviewUntil?: Day;
}

/** HSB-21, HSB-22 the initial AIM meeting; HSB-25 contacts and supervision; HSB-26 reviews; HSB-27 exit. */
const intervention = (f: CaseFacts, r: AssessmentResult, o: InterventionOptions): Day => {
  const { w, rng, clock, plan, policy } = f;
  if (r.meetingDay === undefined || r.meetingStart === undefined || r.initialScores === undefined)
    throw new Error('demo: intervention without a booked meeting');
  const chair = f.child.lookedAfter === true ? rng.pick(f.staff.iros) : f.cscManager;
  const heldMin = minutesOf(r.meetingStart) + 90;
  const intensive = rng.chance(0.25);
  const young = f.age < 12;
  const meeting = {
    meetingId: `aim-${plan.caseId}`,
    parentsCarers: { invited: true },
    youngPerson: { invited: true },
    iroPresent: f.child.lookedAfter === true || rng.chance(0.5),
    scores: r.initialScores,
    intensive,
  };
  if (plan.showRejections.has('HSB-22')) {
    // On purpose: an intervention plan with a heading neither addressed nor marked not applicable.
    const { barredListConsideration: _b, ...incomplete } = interventionPlan(young, rng);
    w.emit(
      'HoldInitialAimMeeting',
      instant(r.meetingDay, heldMin - 10),
      chair.actor,
      { ...meeting, plan: incomplete },
      'HSB-22',
    );
  }
  w.emit('HoldInitialAimMeeting', instant(r.meetingDay, heldMin), chair.actor, {
    ...meeting,
    plan: interventionPlan(young, rng),
  });

  // Reviews every `reviewWeeks` (HSB-26), re-scored so the score graph has points.
  const reviewDays: Day[] = [];
  let prev = r.meetingDay;
  for (let i = 1; i <= 8; i++) {
    const day = onOrBefore(clock, plusDays(plusWeeks(prev, policy.reviewWeeks), -rng.int(0, 3)));
    reviewDays.push(day);
    prev = day;
    const enough =
      i >= o.minReviews && (o.reviewUntil === undefined || day > plusWeeks(o.reviewUntil, 3));
    if (enough) break;
  }
  const lastReview = reviewDays[reviewDays.length - 1] ?? r.meetingDay;
  const practitioners = r.a.assessors;
  const reviewer = r.a.overseer;
  let intensiveNow = intensive;
  reviewDays.forEach((day, i) => {
    const ends = i === reviewDays.length - 1;
    w.emit('HoldReview', instant(day, H(10)), reviewer.actor, {
      meetingId: `rev-${plan.caseId}-${i + 1}`,
      rescored: outcome(r.a.model, r.startLevel, i + 1, rng),
      workDone: `Sessions delivered on the plan's goals since the last review (synthetic, review ${i + 1}).`,
      remainingConcerns: ends ? [] : ['Consistency of supervision at weekends.'],
      nextPlan: ends ? 'Move to the exit plan.' : 'Continue the agreed sessions.',
      signedOffBy: [
        { id: f.cscManager.id, agency: 'childrens-social-care' },
        { id: f.yosManager.id, agency: 'youth-offending-service' },
      ],
      interventionEnds: ends,
    });
    if (i === 0 && intensiveNow && !ends) {
      intensiveNow = false;
      w.emit('ChangeIntensity', instant(day, H(10, 45)), reviewer.actor, { intensive: false });
    }
  });

  // Contacts: twice weekly while intensive, then weekly (HSB-25); a rare gap shows a breach.
  const firstReview = reviewDays[0] ?? lastReview;
  let contactDay = r.meetingDay;
  let n = 0;
  for (;;) {
    const stillIntensive = intensive && contactDay < firstReview;
    const gap = stillIntensive
      ? rng.int(2, policy.intensiveContactIntervalDays)
      : rng.int(4, policy.contactIntervalDays);
    const missed = rng.chance(0.015) ? rng.int(3, 6) : 0;
    let next = onOrBefore(clock, plusDays(contactDay, gap + missed));
    if (next <= contactDay) next = onOrAfter(clock, plusDays(contactDay, 1));
    if (next >= lastReview) break;
    contactDay = next;
    const who = practitioners[n % practitioners.length] ?? f.caseHolder;
    w.emit('RecordContact', instant(contactDay, tod(clock.rng, H(13), H(16))), who.actor, {
      contactId: `con-${plan.caseId}-${++n}`,
      practitionerId: who.id,
    });
  }
  // Practitioners' supervision, monthly (HSB-25).
  let supDay = r.meetingDay;
  for (;;) {
    supDay = onOrBefore(
      clock,
      plusDays(plusMonths(supDay, policy.practitionerSupervisionMonths), -rng.int(0, 3)),
    );
    if (supDay >= lastReview) break;
    w.emit('RecordPractitionerSupervision', instant(supDay, H(9, 10)), reviewer.actor, {
      practitionerIds: practitioners.map((p) => p.id),
      managerId: reviewer.id,
    });
  }

  // HSB-27: the exit plan says how every remaining concern is addressed.
  const exitDay = wd(clock, lastReview, rng.int(1, 3));
  w.emit(
    'AgreeExitPlan',
    instant(exitDay, tod(clock.rng, H(10), H(15))),
    (practitioners[0] ?? f.caseHolder).actor,
    {
      remainingConcerns: [
        {
          concern: 'Online safety.',
          howAddressed: 'School e-safety mentor and parental controls.',
        },
        ...(rng.chance(0.5)
          ? [
              {
                concern: 'Peer relationships.',
                howAddressed: 'Youth club key worker (early help).',
              },
            ]
          : []),
      ],
      signposting: rng.chance(0.5) ? ['early-help', 'camhs'] : ['early-help'],
    },
  );
  return exitDay;
};

const closeCase = (f: CaseFacts, day: Day, reason: string): void =>
  f.w.emit('CloseCase', instant(day, tod(f.clock.rng, H(10), H(16))), f.cscManager.actor, {
    reason,
  });

// ── the paths ────────────────────────────────────────────────────────────────

const allocationDayFrom = (f: CaseFacts, from: Day): Day =>
  f.plan.features.has('late-allocation')
    ? wd(
        f.clock,
        from,
        f.rng.int(f.policy.allocationWorkingDays + 2, f.policy.allocationWorkingDays + 4),
      )
    : wd(f.clock, from, f.rng.int(1, Math.max(1, f.policy.allocationWorkingDays - 2)));

/** Child protection (and the under-12s and AIM3 variants): HSB-5, HSB-7 … HSB-27. */
const childProtectionPath = (f: CaseFacts, model: AssessmentModel): void => {
  const s = startCase(f);
  decideRoute(f, s, 'child-protection');
  const s47 = section47(f, s, true);
  const r = assessment(f, {
    criminal: false,
    preferredModel: model,
    allocationDay: allocationDayFrom(f, s.strategyDay),
    toMeeting: true,
    homeSetting: 'family home',
  });
  const exitDay = intervention(f, r, { minReviews: f.rng.int(2, 4) });
  const closeDay = wd(f.clock, exitDay, f.rng.int(1, 5));
  closeCase(f, closeDay, 'Intervention complete; exit plan agreed.');
  childProtectionFollowUps(f, s, s47, closeDay);
};

/** HSB-28: admission, bail, the police trigger the assessment, report to the officer, decision. */
const criminalJusticeAssessmentPath = (f: CaseFacts): void => {
  const { w, rng, clock, policy } = f;
  const s = startCase(f);
  decideRoute(f, s, 'criminal-justice', rng.chance(0.6) ? { outOfCourtDisposal: true } : {});
  section47(f, s, false);
  const interview = wd(clock, s.strategyDay, rng.int(1, 2));
  w.emit('RecordAdmission', instant(interview, H(11)), f.police.actor, {});
  const bailKind = rng.pick(['bail', 'released-under-investigation'] as const);
  w.emit('RecordBail', instant(interview, H(12, 30)), f.police.actor, { kind: bailKind });
  const bailUntil = plusDays(interview, policy.bailDays);
  w.emit('PoliceTriggerAssessment', instant(interview, H(15)), f.police.actor, {
    officerId: f.police.id,
  });
  const continues = rng.chance(0.5);
  const r = assessment(f, {
    criminal: true,
    preferredModel: 'AIM2',
    allocationDay: wd(clock, interview, rng.int(1, 2)),
    toMeeting: continues,
    homeSetting: 'family home',
  });
  const reportDay = onOrAfter(clock, plusDays(r.allocationDay, rng.int(12, 15)));
  w.emit('SubmitReport', instant(reportDay, H(12)), (r.a.assessors[0] ?? f.caseHolder).actor, {
    recipient: 'investigating-officer',
    disposalRecommendation:
      'Out-of-court disposal with AIM intervention (synthetic recommendation).',
  });
  const decisionDay =
    [wd(clock, reportDay, rng.int(2, 4)), onOrBefore(clock, plusDays(bailUntil, -1))].sort()[0] ??
    reportDay;
  const decision = rng.pick(['out-of-court-disposal', 'caution'] as const);
  w.emit('RecordPoliceDecision', instant(decisionDay, H(15, 45)), f.police.actor, { decision });
  if (continues) {
    const exitDay = intervention(f, r, { minReviews: rng.int(1, 2) });
    closeCase(
      f,
      wd(clock, exitDay, rng.int(1, 4)),
      'Intervention under the out-of-court disposal complete.',
    );
  } else {
    closeCase(
      f,
      wd(clock, decisionDay, rng.int(2, 6)),
      decision === 'caution'
        ? 'Youth caution given; support continues through early help.'
        : 'Out-of-court disposal; support continues with the youth offending service.',
    );
  }
};

/** HSB-29 (and HSB-30 custody and release): charge, guilty plea, court time for the PSR. */
const prosecutionPath = (f: CaseFacts, custody: boolean): void => {
  const { w, rng, clock } = f;
  const court = rng.pick(f.staff.yosOfficers);
  const s = startCase(f);
  decideRoute(f, s, 'criminal-justice');
  section47(f, s, false);
  const charged = wd(clock, s.strategyDay, rng.int(1, 3));
  w.emit('RecordCharge', instant(charged, H(16)), f.police.actor, { offence: rng.pick(OFFENCES) });
  const pleaDay = onOrAfter(clock, plusDays(charged, rng.int(14, 28)));
  w.emit('EnterPlea', instant(pleaDay, H(11)), court.actor, { plea: 'guilty' });
  const sentencing = onOrAfter(clock, plusWeeks(pleaDay, 8));
  w.emit('RequestCourtTime', instant(pleaDay, H(11, 30)), court.actor, { untilDate: sentencing });
  const r = assessment(f, {
    criminal: true,
    preferredModel: 'AIM2',
    allocationDay: allocationDayFrom(f, pleaDay),
    toMeeting: true,
    homeSetting: 'family home',
  });
  let release: Day | undefined;
  if (custody) {
    w.emit('StartCustody', instant(sentencing, H(15)), court.actor, { kind: 'sentence' });
    release = onOrAfter(clock, plusWeeks(sentencing, rng.int(8, 14)));
    w.emit('RecordRelease', instant(release, H(10)), court.actor, {
      inPreReleasePlan: true,
      inLicenceConditions: true,
    });
  }
  const exitDay = intervention(f, r, {
    minReviews: rng.int(2, 3),
    ...(release === undefined ? {} : { reviewUntil: release }),
  });
  closeCase(
    f,
    wd(clock, exitDay, rng.int(1, 4)),
    custody
      ? 'Licence period complete; exit plan agreed.'
      : 'Youth rehabilitation order AIM requirement complete.',
  );
};

/** HSB-5: no AIM intervention, with its reason, then closure. */
const noInterventionPath = (f: CaseFacts): void => {
  const { rng } = f;
  const s = startCase(f);
  const kind = rng.pick(['police-caution', 'early-help', 'team-around-the-child'] as const);
  f.w.emit('DecideRoute', instant(s.strategyDay, H(16)), f.cscManager.actor, {
    route: 'no-aim-intervention',
    temporaryRiskStrategy: 'Safety advice to the family and school.',
    noInterventionReason: {
      kind,
      detail:
        kind === 'police-caution'
          ? 'Police caution; behaviour assessed as inappropriate rather than harmful.'
          : 'Needs met through a team around the child with school support.',
    },
  });
  section47(f, s, false);
  closeCase(f, wd(f.clock, s.strategyDay, rng.int(2, 6)), 'No AIM intervention; referred on.');
};

/** HSB-30: no further action, referred back through child protection, then the full AIM. */
const referralBackPath = (f: CaseFacts): void => {
  const { w, rng, clock } = f;
  const s = startCase(f);
  decideRoute(f, s, 'criminal-justice');
  section47(f, s, false);
  const nfa = wd(clock, s.strategyDay, rng.int(10, 18));
  w.emit('RecordPoliceDecision', instant(nfa, H(11)), f.police.actor, {
    decision: 'no-further-action',
  });
  w.emit('ReferBackToChildProtection', instant(nfa, H(14)), f.cscManager.actor, {
    reason: 'Insufficient evidence to charge; welfare concerns remain.',
  });
  const r = assessment(f, {
    criminal: true,
    preferredModel: 'AIM2',
    allocationDay: allocationDayFrom(f, nfa),
    toMeeting: true,
    homeSetting: 'family home',
  });
  const exitDay = intervention(f, r, { minReviews: rng.int(1, 3) });
  closeCase(f, wd(clock, exitDay, rng.int(1, 4)), 'Intervention complete; exit plan agreed.');
};

// ── planning the run ─────────────────────────────────────────────────────────

/** Longest expected duration of a path, in days (to start cases early enough to finish). */
const durationDays: Record<HsbPath, number> = {
  'child-protection': 280,
  'under-12s': 280,
  aim3: 280,
  'criminal-justice-assessment': 200,
  prosecution: 300,
  custody: 340,
  'no-aim-intervention': 14,
  'referral-back': 260,
};

/**
 * Which path each case walks: every path when there are 6 cases or more (with 6, the custody
 * case is also the prosecution with a guilty plea), then a realistic mix.
 */
export const pathsFor = (rng: Rng, cases: number): HsbPath[] => {
  const core: HsbPath[] =
    cases >= 7
      ? [
          'child-protection',
          'criminal-justice-assessment',
          'prosecution',
          'custody',
          'no-aim-intervention',
          'under-12s',
          'aim3',
        ]
      : [
          'child-protection',
          'criminal-justice-assessment',
          'custody',
          'no-aim-intervention',
          'under-12s',
          'aim3',
        ];
  const mix: HsbPath[] = [
    'child-protection',
    'child-protection',
    'child-protection',
    'no-aim-intervention',
    'no-aim-intervention',
    'criminal-justice-assessment',
    'prosecution',
    'under-12s',
    'referral-back',
  ];
  const extra: HsbPath[] = cases >= 8 ? ['referral-back'] : [];
  const chosen = [...core, ...extra].slice(0, cases);
  while (chosen.length < cases) chosen.push(rng.pick(mix));
  return chosen;
};

const featureList: HsbFeature[] = [
  'consent-refused',
  'emerging-risk',
  'disagreement',
  'late-allocation',
  'late-home-visit',
];

const assessmentPaths: ReadonlySet<HsbPath> = new Set<HsbPath>([
  'child-protection',
  'under-12s',
  'aim3',
  'prosecution',
  'custody',
  'referral-back',
]);

// ── the generator ────────────────────────────────────────────────────────────

const LATE_RECORDING_TYPES: ReadonlySet<string> = new Set([
  'RecordHomeVisit',
  'RecordContact',
  'HoldReview',
  'RecordPractitionerSupervision',
  'ShareAssessmentWithFamily',
]);

export const hsbScenarios: ScenarioGenerator = (ctx: ScenarioContext) => {
  const { rng } = ctx;
  const module: AnyDomainModule = moduleNamed(ctx.modules, 'hsb-case');
  const policy = ctx.policy.hsb;
  const clock: Clock = { cal: ctx.policy.calendar, rng };
  const staff = makeStaff(rng);
  const {
    start: windowStart,
    end: windowEnd,
    endInstant,
  } = demoWindow(ctx.from, ctx.years, (d) => onOrAfter(clock, d));

  const paths = pathsFor(rng, ctx.cases);
  const required = paths.length >= 6 ? Math.min(paths.length, 8) : paths.length;
  // Features go to distinct cases that have an assessment; some cases get two when few.
  const withAssessment = shuffle(
    rng,
    paths.map((p, i) => ({ p, i })).filter((x) => assessmentPaths.has(x.p) && x.i < required),
  );
  const features = paths.map(() => new Set<HsbFeature>());
  featureList.forEach((feature, k) => {
    const target = withAssessment[k % Math.max(1, withAssessment.length)];
    if (target !== undefined) features[target.i]?.add(feature);
  });
  // A couple more late deadlines among the rest, for a realistic tracker.
  paths.forEach((p, i) => {
    if (i >= required && assessmentPaths.has(p) && rng.chance(0.15))
      features[i]?.add('late-home-visit');
  });

  const firstCp = paths.indexOf('child-protection');
  const firstUnder12 = paths.indexOf('under-12s');
  const firstAim3 = paths.indexOf('aim3');
  const plans = paths.map((path, i) => {
    const showRejections = new Set<'HSB-6' | 'HSB-8' | 'HSB-22'>();
    if (i === firstUnder12) showRejections.add('HSB-6');
    if (i === firstAim3 && !policy.modelsInUse.includes('AIM3')) showRejections.add('HSB-8');
    if (i === firstCp) showRejections.add('HSB-22');
    const isRequired = i < required;
    const latest = isRequired ? plusDays(windowEnd, -durationDays[path]) : plusDays(windowEnd, -21);
    const span = Math.max(0, daysBetween(windowStart, latest));
    const disclosureDay = onOrAfter(clock, plusDays(windowStart, rng.int(0, span)));
    return { path, i, showRejections, disclosureDay, isRequired };
  });
  plans.sort((a, b) =>
    a.disclosureDay < b.disclosureDay ? -1 : a.disclosureDay > b.disclosureDay ? 1 : a.i - b.i,
  );

  const perYear = new Map<string, number>();
  let childSeq = 0;
  const drafts: Draft[] = [];
  for (const p of plans) {
    const year = p.disclosureDay.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const caseId = `hsb-${year}-${String(seq).padStart(3, '0')}`;
    const plan: CasePlan = {
      caseId,
      path: p.path,
      features: features[p.i] ?? new Set(),
      showRejections: p.showRejections,
      disclosureDay: p.disclosureDay,
      ...(p.isRequired ? {} : { cutOff: endInstant }),
    };
    const crAge = policy.criminalResponsibilityAge;
    const age =
      p.path === 'under-12s'
        ? rng.int(7, Math.max(7, Math.min(9, crAge - 1)))
        : p.path === 'no-aim-intervention'
          ? rng.int(8, 15)
          : rng.int(Math.max(12, crAge + 1), 17);
    const school = rng.pick(SCHOOLS);
    const childId = `ch-${String(++childSeq).padStart(4, '0')}`;
    const hasWorker = rng.chance(0.3);
    const child: Child = {
      childId,
      name: inventName(rng),
      dateOfBirth: dateOfBirthFor(rng, p.disclosureDay, age),
      school,
      ...(hasWorker
        ? { socialWorker: (({ id, name }) => ({ id, name }))(rng.pick(staff.socialWorkers)) }
        : {}),
      ...(rng.chance(0.15) ? { lookedAfter: true } : {}),
      ...(rng.chance(0.1) ? { learningDisability: true } : {}),
    };
    const hasVictim = p.path !== 'no-aim-intervention' || rng.chance(0.5);
    const victimWorker = rng.pick(staff.socialWorkers);
    const victim: Child | undefined = hasVictim
      ? {
          childId: `ch-${String(++childSeq).padStart(4, '0')}`,
          name: inventName(rng),
          dateOfBirth: dateOfBirthFor(rng, p.disclosureDay, rng.int(4, Math.max(4, age - 1))),
          school: rng.chance(0.5) ? school : rng.pick(SCHOOLS),
          ...(rng.chance(0.5)
            ? { socialWorker: { id: victimWorker.id, name: victimWorker.name } }
            : {}),
        }
      : undefined;
    const w = new CaseWriter<HsbCommand>(caseId, module);
    const f: CaseFacts = {
      w,
      plan,
      child,
      ...(victim === undefined ? {} : { victim }),
      age,
      staff,
      policy,
      rng,
      clock,
      caseHolder: rng.pick(staff.socialWorkers.filter((s) => s.id !== victim?.socialWorker?.id)),
      cscManager: rng.pick(staff.cscManagers),
      yosManager: rng.pick(staff.yosManagers),
      police: rng.pick(staff.police),
    };
    switch (p.path) {
      case 'child-protection':
        childProtectionPath(f, 'AIM2');
        break;
      case 'under-12s':
        childProtectionPath(f, 'under-12s');
        break;
      case 'aim3':
        childProtectionPath(f, 'AIM3');
        break;
      case 'criminal-justice-assessment':
        criminalJusticeAssessmentPath(f);
        break;
      case 'prosecution':
        prosecutionPath(f, false);
        break;
      case 'custody':
        prosecutionPath(f, true);
        break;
      case 'no-aim-intervention':
        noInterventionPath(f);
        break;
      case 'referral-back':
        referralBackPath(f);
        break;
    }
    const cut = plan.cutOff;
    drafts.push(
      ...(cut === undefined ? w.drafts : w.drafts.filter((d) => isBefore(d.command.at, cut))),
    );
  }

  return toSteps(drafts, rng, {
    types: LATE_RECORDING_TYPES,
    surely: () => true,
    recordingDay: (day) => onOrAfter(clock, day),
  });
};
