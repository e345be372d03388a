/**
 * hsbDeadlines(state, policy, calendar): every obligation of the case as a calendar `Deadline`
 * (T-6): rule id, trigger event, start, unit and amount, calendar, due instant, status and an
 * explanation. Pure: nothing is read from a clock; a tracker decides `breached` at its `asOf`.
 * On a closed case every obligation still open is waived ("case closed"), so a closed case has
 * no open obligation.
 */
import {
  calendarDaysUntil,
  compareInstants,
  deadlineOf,
  waive,
  type Calendar,
  type Deadline,
  type DeadlineSpec,
} from '@aimline/calendar';
import { contactDeadlines } from './contact-deadlines.js';
import type { HsbPolicy } from './policy.js';
import { isCase, type HsbState, type OpenCase } from './state.js';

const later = (a: string | undefined, b: string | undefined): string | undefined =>
  a === undefined || b === undefined ? undefined : compareInstants(a, b) >= 0 ? a : b;

type Trigger = Pick<DeadlineSpec, 'trigger' | 'start' | 'startDescription'>;

/** Obligations started by one event: each spec with the trigger, start and its description. */
const fromOneTrigger = (
  trigger: Trigger,
  ...specs: ReadonlyArray<Omit<DeadlineSpec, keyof Trigger>>
): DeadlineSpec[] => specs.map((spec) => ({ ...trigger, ...spec }));

/** A chain of rolling obligations: from each point to the next, the last one open. */
const rolling = (
  points: ReadonlyArray<{ readonly at: string; readonly event: string }>,
  next: ReadonlyArray<string>,
  make: (
    from: { readonly at: string; readonly event: string },
    index: number,
  ) => Omit<DeadlineSpec, 'trigger' | 'metAt'>,
): DeadlineSpec[] =>
  points.map((p, i) => ({ ...make(p, i), trigger: { event: p.event, at: p.at }, metAt: next[i] }));

/**
 * HSB-12, source 000: "Home visit to be undertaken with family and safety plans to be put in place
 * within 5 days of allocation"; source 001: the plan "should also be completed in any other
 * setting where a young person is placed". One obligation per stay in a setting, from allocation
 * or from the child's arrival there if later; a stay that ends before its visit and plan is
 * waived ("the child left the setting"). A case that recorded no setting by allocation keeps one
 * obligation for the home, met by the first visit and plan whatever their setting.
 */
const homeSafetyDeadlines = (
  s: OpenCase,
  allocatedAt: string,
  policy: HsbPolicy,
): DeadlineSpec[] => {
  const a = s.assessment;
  const base = {
    ruleId: 'HSB-12',
    unit: policy.homeSafetyPlanUnit,
    amount: policy.homeSafetyPlanDays,
  } as const;
  const allocation = { event: 'AssessorsAllocated', at: allocatedAt };
  const knownAtAllocation = s.settings.some((x) => compareInstants(x.from, allocatedAt) <= 0);
  const home: DeadlineSpec[] = knownAtAllocation
    ? []
    : [
        {
          ...base,
          label: 'Home visit and home safety plan',
          trigger: allocation,
          startDescription: 'allocation',
          metAt: later(a.homeVisitAt, a.safetyPlanAt),
        },
      ];
  const stays = s.settings
    .filter((x) => x.endedAt === undefined || compareInstants(x.endedAt, allocatedAt) > 0)
    .map((x): DeadlineSpec => {
      const arrivedLater = compareInstants(x.from, allocatedAt) > 0;
      const metAt = later(x.visitAt, x.planAt);
      return {
        ...base,
        label: `Home visit and home safety plan (${x.setting})`,
        trigger: arrivedLater ? { event: 'SettingRecorded', at: x.from } : allocation,
        startDescription: arrivedLater ? `the move to ${x.setting}` : 'allocation',
        metAt,
        waived:
          x.endedAt === undefined
            ? undefined
            : { reason: 'the child left the setting', at: x.endedAt, ifUnmet: true },
      };
    });
  return [...home, ...stays];
};

/** The obligations `make` builds once their trigger has happened (`at` is known); none before. */
const onceStarted = <A>(at: A | undefined, make: (at: A) => DeadlineSpec[]): DeadlineSpec[] =>
  at === undefined ? [] : make(at);

/**
 * From the referral to the conferences: the strategy discussion (HSB-2), the allocation of
 * assessors (HSB-11), the initial child protection conference (NAT-1) and its reviews (NAT-2),
 * and a Section 47 enquiry's child and family assessment (NAT-3).
 */
const strategyDeadlines = (s: OpenCase, policy: HsbPolicy): DeadlineSpec[] => {
  const c = s.conferences;
  const first = s.strategy[0];
  return [
    {
      ruleId: 'HSB-2',
      label: 'Strategy discussion',
      trigger: { event: 'ConcernReported', at: s.reportedAt },
      start: s.disclosedAt,
      startDescription: 'the disclosure',
      unit: 'hours',
      amount: policy.strategyWithinHours,
      metAt: s.strategy.find((x) => x.forChild !== 'victim-child')?.at,
    },
    ...onceStarted(s.assessment.commissioned, (commissioned) => {
      const fromStrategy = commissioned.by === 'section-47' && first !== undefined;
      return [
        {
          ruleId: 'HSB-11',
          label: 'Allocation of assessors',
          trigger: fromStrategy
            ? { event: 'StrategyDiscussionHeld', at: first.at }
            : { event: `AssessmentCommissioned(${commissioned.by})`, at: commissioned.at },
          startDescription: fromStrategy
            ? 'the strategy meeting'
            : 'the assessment being commissioned',
          unit: 'workingDays',
          amount: policy.allocationWorkingDays,
          metAt: s.assessment.allocatedAt,
        },
      ];
    }),
    ...onceStarted(c.calledAt, (calledAt) => [
      {
        ruleId: 'NAT-1',
        label: 'Initial child protection conference',
        trigger: { event: 'StrategyDiscussionHeld', at: c.startedFrom ?? calledAt },
        startDescription: 'the strategy discussion that started the Section 47 enquiry',
        unit: 'workingDays',
        amount: policy.initialConferenceWorkingDays,
        metAt: c.initialAt,
      },
    ]),
    ...onceStarted(c.initialAt, (initialAt) =>
      rolling(
        [
          { at: initialAt, event: 'ConferenceHeld(initial)' },
          ...c.reviews.map((at) => ({ at, event: 'ConferenceHeld(review)' })),
        ],
        c.reviews,
        (_p, i) => ({
          ruleId: 'NAT-2',
          label: i === 0 ? 'First review conference' : 'Review conference',
          unit: 'months',
          amount: i === 0 ? policy.firstReviewConferenceMonths : policy.reviewConferenceMonths,
        }),
      ),
    ),
    ...onceStarted(s.section47?.section47 === true ? s.reportedAt : undefined, (reportedAt) => [
      {
        ruleId: 'NAT-3',
        label: 'Child and family assessment',
        trigger: { event: 'ConcernReported', at: reportedAt },
        startDescription: 'the referral',
        unit: 'workingDays',
        amount: policy.childAndFamilyAssessmentWorkingDays,
        metAt: s.childAndFamilyAssessmentAt,
      },
    ]),
  ];
};

/**
 * The assessment: from allocation, the home safety plans (HSB-12) and the three supervisions
 * (HSB-14, 16, 17); the initial AIM meeting (HSB-15) and the reports before it (HSB-18, HSB-19,
 * MTG-5); a risk-management meeting for each emerging risk (HSB-23).
 */
const assessmentDeadlines = (s: OpenCase, policy: HsbPolicy): DeadlineSpec[] => {
  const { allocatedAt, supervisions, meeting, reports } = s.assessment;
  return [
    ...onceStarted(allocatedAt, (at) => [
      ...homeSafetyDeadlines(s, at, policy),
      ...fromOneTrigger(
        { trigger: { event: 'AssessorsAllocated', at }, startDescription: 'allocation' },
        {
          ruleId: 'HSB-14',
          label: 'Initial joint supervision',
          unit: 'workingDays',
          amount: policy.initialSupervisionWorkingDays,
          metAt: supervisions.initial,
        },
        {
          ruleId: 'HSB-16',
          label: 'Second supervision',
          unit: 'weeks',
          amount: policy.secondSupervisionWeeks,
          metAt: supervisions.second,
        },
        {
          ruleId: 'HSB-17',
          label: 'Final supervision (scores and evidence)',
          unit: 'weeks',
          amount: policy.finalSupervisionWeeks,
          metAt: supervisions.final,
        },
      ),
    ]),
    ...onceStarted(supervisions.initial, (at) => [
      {
        ruleId: 'HSB-15',
        label: 'Initial AIM meeting',
        trigger: { event: 'SupervisionHeld(initial)', at },
        startDescription: 'the initial joint supervision',
        unit: 'weeks',
        amount: policy.initialMeetingWeeksAfterSupervision,
        metAt: s.initialMeetingAt,
      },
    ]),
    ...onceStarted(meeting, (m) =>
      fromOneTrigger(
        {
          trigger: { event: 'InitialAimMeetingBooked', at: m.bookedAt },
          start: m.start,
          startDescription: 'the initial AIM meeting',
        },
        {
          ruleId: 'HSB-18',
          label: 'Report to the responsible manager',
          unit: policy.reportToManagerUnit,
          amount: policy.reportToManagerDaysBefore,
          metAt: reports.manager,
        },
        {
          ruleId: 'HSB-19',
          label: 'Report to the IRO',
          unit: 'hoursBefore',
          amount: policy.reportToIroHoursBefore,
          metAt: reports.iro,
        },
        {
          ruleId: 'MTG-5',
          label: 'Reports to the chair',
          unit: 'daysBefore',
          amount: policy.reportToChairDaysBefore,
          metAt: reports.chair,
        },
      ),
    ),
    ...s.emergingRisks.map((r): DeadlineSpec => ({
      ruleId: 'HSB-23',
      label: `Multi-agency risk-management meeting (${r.riskId})`,
      trigger: { event: 'EmergingRiskRaised', at: r.raisedAt },
      unit: 'hours',
      amount: policy.emergingRiskMeetingHours,
      metAt: r.meetingAt,
    })),
  ];
};

const interventionDeadlines = (s: OpenCase, policy: HsbPolicy): DeadlineSpec[] => {
  const iv = s.intervention;
  if (iv.planAgreedAt === undefined) return [];
  const start = { at: iv.planAgreedAt, event: 'InitialAimMeetingHeld' };
  const ended = iv.endedAt !== undefined;
  const trim = <A>(points: ReadonlyArray<A>, metCount: number): ReadonlyArray<A> =>
    ended ? points.slice(0, metCount) : points;
  return [
    ...contactDeadlines(s, policy),
    ...rolling(
      trim(
        [
          start,
          ...iv.practitionerSupervisions.map((at) => ({ at, event: 'PractitionerSupervised' })),
        ],
        iv.practitionerSupervisions.length,
      ),
      iv.practitionerSupervisions,
      () => ({
        ruleId: 'HSB-25',
        label: 'Practitioner supervision (monthly)',
        unit: 'months',
        amount: policy.practitionerSupervisionMonths,
      }),
    ),
    ...rolling(
      trim([start, ...iv.reviews.map((at) => ({ at, event: 'ReviewHeld' }))], iv.reviews.length),
      iv.reviews,
      () => ({
        ruleId: 'HSB-26',
        label: 'AIM review meeting',
        unit: 'weeks',
        amount: policy.reviewWeeks,
      }),
    ),
  ];
};

/**
 * HSB-29, source 001: "a request for an adjournment should be made in order to carry out the
 * initial assessment, which will inform the pre-sentence report": the assessment (final
 * supervision, scores and evidence agreed) is due before the adjourned hearing.
 */
const adjournmentDeadline = (s: OpenCase, policy: HsbPolicy): DeadlineSpec[] => {
  const { courtTimeRequestedAt: at, adjournedUntil: until } = s.criminal;
  if (at === undefined || until === undefined) return [];
  return [
    {
      ruleId: 'HSB-29',
      label: 'AIM assessment for the pre-sentence report, before the adjourned hearing',
      trigger: { event: 'CourtTimeRequested', at },
      start: until,
      startDescription: 'the adjourned hearing',
      unit: 'daysBefore',
      amount: policy.preSentenceAssessmentDaysBeforeHearing,
      metAt: s.assessment.supervisions.final,
    },
  ];
};

const criminalDeadlines = (s: OpenCase, policy: HsbPolicy): DeadlineSpec[] => {
  const bail = s.criminal.bail;
  if (bail === undefined) return adjournmentDeadline(s, policy);
  return [
    ...adjournmentDeadline(s, policy),
    {
      ruleId: 'HSB-28',
      label:
        bail.kind === 'bail'
          ? 'Police decision by the bail date'
          : 'Police decision by the end of release under investigation',
      trigger: { event: 'BailRecorded', at: bail.at },
      unit: 'calendarDays',
      amount: calendarDaysUntil(bail.at, bail.until),
      metAt: s.criminal.policeDecision?.at ?? s.criminal.chargedAt,
    },
  ];
};

/**
 * Every obligation of the case under the council's policy and calendar. Both are required: a
 * default here once let a caller forget them and get the source documents' timescales while the
 * guards used the council's (issue 15). `hsbCaseModule(policy, calendar).deadlines` binds them.
 */
export const hsbDeadlines = (
  state: HsbState,
  policy: HsbPolicy,
  calendar: Calendar,
): Deadline[] => {
  if (!isCase(state)) return [];
  const all = [
    ...strategyDeadlines(state, policy),
    ...assessmentDeadlines(state, policy),
    ...interventionDeadlines(state, policy),
    ...criminalDeadlines(state, policy),
  ].map((spec) => deadlineOf(spec, calendar));
  const closedAt = state.status === 'closed' ? state.closedAt : undefined;
  return closedAt === undefined ? all : all.map((d) => waive(d, 'case closed', closedAt));
};
