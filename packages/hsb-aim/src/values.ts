/**
 * Shared io-ts value codecs of an HSB AIM case. Every field about a person is marked with
 * `personal(...)` so the kernel can list, redact and erase it.
 */
import * as t from 'io-ts';
import {
  Agency,
  IsoDate as KernelIsoDate,
  IsoInstant as KernelIsoInstant,
  NonEmptyString,
  personal,
  subjectId,
} from '@aimline/kernel';

/** An ISO-8601 instant with offset (T-1); validated as the kernel's `IsoInstant`, typed as a string. */
export const Instant = t.refinement(t.string, (s): boolean => KernelIsoInstant.is(s), 'IsoInstant');
/** A calendar date `YYYY-MM-DD`. */
export const DateOnly = t.refinement(t.string, (s): boolean => KernelIsoDate.is(s), 'IsoDate');
export { NonEmptyString };
export const Id = NonEmptyString;

/** Free text about a child or family: personal data. */
export const FreeText = personal(NonEmptyString, 'freeText');

/** A social worker allocated to a child (a professional, but named: personal). */
export const SocialWorker = t.strict({
  id: subjectId(Id, 'professional'),
  name: personal(NonEmptyString, 'name'),
});

/** A child in the case: the alleged child or the victim child. */
export const Child = t.intersection([
  t.strict({
    childId: subjectId(Id, 'child'),
    name: personal(NonEmptyString, 'name'),
    dateOfBirth: personal(DateOnly, 'dateOfBirth'),
  }),
  t.exact(
    t.partial({
      school: personal(NonEmptyString, 'school'),
      socialWorker: SocialWorker,
      lookedAfter: t.boolean,
      learningDisability: personal(t.boolean, 'specialCategory'),
      openToYosForSexualOffence: t.boolean,
    }),
  ),
]);
export type Child = t.TypeOf<typeof Child>;

/** Whose discussion: the alleged child's, the victim child's, or one joint discussion (HSB-4). */
export const DiscussionFor = t.keyof({ 'alleged-child': null, 'victim-child': null, joint: null });
export type DiscussionFor = t.TypeOf<typeof DiscussionFor>;

/** A participant of a strategy discussion; a school representative names the school. */
export const Participant = t.intersection([
  t.strict({
    id: subjectId(Id, 'professional'),
    name: personal(NonEmptyString, 'name'),
    role: NonEmptyString,
    agency: Agency,
  }),
  t.exact(t.partial({ school: personal(NonEmptyString, 'school') })),
]);
export type Participant = t.TypeOf<typeof Participant>;

/** HSB-5: the route out of the strategy discussion. */
export const Route = t.keyof({
  'child-protection': null,
  'criminal-justice': null,
  both: null,
  'no-aim-intervention': null,
});
export type Route = t.TypeOf<typeof Route>;

/** HSB-5: why no AIM intervention follows (001: police caution, CAF / team around the child). */
export const NoInterventionReason = t.strict({
  kind: t.keyof({
    'police-caution': null,
    'early-help': null,
    'team-around-the-child': null,
    other: null,
  }),
  detail: FreeText,
});

/** HSB-8: the assessment models. */
export const AssessmentModel = t.keyof({ AIM2: null, AIM3: null, 'under-12s': null });
export type AssessmentModel = t.TypeOf<typeof AssessmentModel>;

export const Qualification = t.keyof({ 'social-work': null, 'other-suitable': null, none: null });

/** An assessor as allocated (HSB-10): training, qualification and agency as declared by the allocating manager. */
export const Assessor = t.strict({
  id: subjectId(Id, 'professional'),
  name: personal(NonEmptyString, 'name'),
  agency: Agency,
  trainedIn: t.array(AssessmentModel),
  qualification: Qualification,
});
export type Assessor = t.TypeOf<typeof Assessor>;

export const LeadAgency = t.keyof({
  'youth-offending-service': null,
  'childrens-social-care': null,
  joint: null,
});
export type LeadAgency = t.TypeOf<typeof LeadAgency>;

/** A warning recorded in an event (a rule the process expects but does not enforce, e.g. HSB-3). */
export const Warning = t.strict({ ruleId: NonEmptyString, message: t.string });
export type Warning = t.TypeOf<typeof Warning>;

/** A manager who signs something off. */
export const Manager = t.strict({ id: Id, agency: Agency });
export type Manager = t.TypeOf<typeof Manager>;

// ── Records that commands and stored events carry ────────────────────────────

/** When the concern was passed on to children's social care and the police (HSB-1). */
export const Notifications = t.exact(t.partial({ childrensSocialCare: Instant, police: Instant }));

export const CaseRelationship = t.keyof({
  'victim-case': null,
  'alleged-child-case': null,
  'sibling-case': null,
  'related-case': null,
});

/** A plan written under named headings, each optional in the codec (the decider says which it needs). */
const headed = <H extends string, C extends t.Mixed>(headings: ReadonlyArray<H>, codec: C) =>
  t.exact(t.partial(Object.fromEntries(headings.map((h) => [h, codec])) as Record<H, C>));

/** HSB-13: the minimum contents of a home safety plan. */
export const safetyPlanHeadings = [
  'supervisionLevel',
  'livingEnvironment',
  'sleepingArrangements',
  'privacyRules',
  'stateOfDress',
  'playFighting',
] as const;

export const HomeSafetyPlan = headed(safetyPlanHeadings, FreeText);

export const SupervisionKind = t.keyof({ initial: null, second: null, final: null });

export const ReportRecipient = t.keyof({
  manager: null,
  iro: null,
  chair: null,
  'investigating-officer': null,
});

export const Invitation = t.intersection([
  t.strict({ invited: t.boolean }),
  t.exact(t.partial({ exclusionReason: FreeText })),
]);

export const PlanHeading = t.union([
  t.strict({ status: t.literal('addressed'), text: FreeText }),
  t.strict({ status: t.literal('not-applicable'), reason: FreeText }),
]);

export const planHeadings = [
  'childProtectionConcerns',
  'safetyOfPotentialVictims',
  'riskManagement',
  'livingArrangements',
  'education',
  'health',
  'support',
  'needs',
  'victimIssues',
  'intervention',
  'rolesAndTasks',
  'furtherAssessment',
  'barredListConsideration',
  'reviewTiming',
] as const;

export type PlanHeadingName = (typeof planHeadings)[number];

export const InterventionPlan = headed(planHeadings, PlanHeading);

export const RemainingConcern = t.intersection([
  t.strict({ concern: FreeText }),
  t.exact(t.partial({ howAddressed: FreeText })),
]);

export const PoliceDecision = t.keyof({
  charge: null,
  'out-of-court-disposal': null,
  caution: null,
  'no-further-action': null,
});

// ── Facts that arrive from the other processes (issue 15: process managers) ──

/** A panel's traffic-light rating (NAT-9), as the panel referral recorded it. */
export const PanelRating = t.keyof({ green: null, amber: null, red: null });

/** The panel referral a case was opened from (the panel's `HsbAimCaseRequested`). */
export const PanelReferralRef = t.strict({
  referralId: Id,
  sittingId: Id,
  route: NonEmptyString,
  rating: PanelRating,
});
export type PanelReferralRef = t.TypeOf<typeof PanelReferralRef>;

/**
 * A professional with a part in a meeting (the chair, the lead professional). Their name is
 * theirs (`subjectId`): sealed with their own key, erased with it, withheld from the child's
 * subject access response.
 */
export const MeetingProfessional = t.strict({
  id: subjectId(Id, 'professional'),
  name: personal(NonEmptyString, 'name'),
  role: NonEmptyString,
  agency: Agency,
});
export type MeetingProfessional = t.TypeOf<typeof MeetingProfessional>;

/** Where a meeting takes place: a venue (may be a family's home: personal) or online. */
export const MeetingLocation = t.union([
  t.strict({ mode: t.literal('venue'), venue: personal(NonEmptyString, 'address') }),
  t.strict({ mode: t.literal('online'), platform: NonEmptyString }),
]);
export type MeetingLocation = t.TypeOf<typeof MeetingLocation>;

/**
 * MTG-1: what the meeting's own stream (`@aimline/meetings`) needs to be scheduled: the end,
 * the chair, the lead professional and the place. A booking with arrangements is tracked in
 * the meeting stream `meeting-{meetingId}`: invitations, attendance, minutes and MTG-9 there.
 */
export const MeetingArrangements = t.strict({
  end: Instant,
  chair: MeetingProfessional,
  leadProfessional: MeetingProfessional,
  location: MeetingLocation,
});
export type MeetingArrangements = t.TypeOf<typeof MeetingArrangements>;

/** MTG-5: the kinds of paper that reach the meeting's chair. */
export const ChairReportKind = t.keyof({ 'aim-report': null, 'professional-report': null });

/** The author of a report as the meeting recorded it: a work identity. */
export const ReportAuthor = t.strict({ id: Id, role: NonEmptyString, agency: Agency });
