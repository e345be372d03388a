/**
 * The state of one HSB AIM case: only what the decider's guards and the deadline rules need.
 * Names and free text stay in the events; the state keeps ids, dates and decisions.
 */
import type { ScoreRecord } from './outcomes.js';
import type {
  AssessmentModel,
  Assessor,
  DiscussionFor,
  LeadAgency,
  Route,
  Warning,
} from './values.js';

export interface ChildFacts {
  readonly childId: string;
  readonly dateOfBirth: string;
  readonly school?: string;
  readonly socialWorkerId?: string;
  readonly lookedAfter: boolean;
  readonly learningDisability: boolean;
  readonly openToYosForSexualOffence: boolean;
}

export interface StrategyDiscussion {
  readonly discussionId: string;
  readonly at: string;
  readonly forChild: DiscussionFor;
  readonly warnings: ReadonlyArray<Warning>;
}

export interface Stamp {
  readonly at: string;
}

export interface EmergingRisk {
  readonly riskId: string;
  readonly raisedAt: string;
  readonly meetingAt?: string;
}

export interface Disagreement {
  readonly disagreementId: string;
  readonly stages: ReadonlyArray<{
    readonly stage: 'line-managers' | 'professional-differences';
    readonly at: string;
  }>;
  readonly resolvedAt?: string;
}

/**
 * HSB-12: one stay of the child in a setting, from its recording to its end, with the first home
 * visit and safety plan for that setting during the stay.
 */
export interface SettingStay {
  readonly setting: string;
  readonly kind: string;
  readonly from: string;
  readonly endedAt?: string;
  readonly visitAt?: string;
  readonly planAt?: string;
}

/** Settings are matched by label, ignoring case and surrounding spaces. */
export const settingKey = (setting: string): string => setting.trim().toLowerCase();

/** The stay in this setting that is still running, if any. */
export const currentStay = (
  stays: ReadonlyArray<SettingStay>,
  setting: string,
): SettingStay | undefined =>
  stays.find((x) => x.endedAt === undefined && settingKey(x.setting) === settingKey(setting));

export type CommissionedBy = 'section-47' | 'police' | 'court' | 'referral-back';

export interface AssessmentState {
  readonly commissioned?: { readonly by: CommissionedBy; readonly at: string };
  readonly model?: AssessmentModel;
  readonly leadAgency?: LeadAgency;
  readonly allocatedAt?: string;
  readonly assessors: ReadonlyArray<Assessor>;
  readonly homeVisitAt?: string;
  readonly safetyPlanAt?: string;
  readonly supervisions: {
    readonly initial?: string;
    readonly second?: string;
    readonly final?: string;
  };
  readonly meeting?: {
    readonly meetingId: string;
    readonly start: string;
    readonly bookedAt: string;
    /** Booked with its arrangements: the meeting stream `meeting-{meetingId}` is its record. */
    readonly tracked: boolean;
    /** MTG-6 as the meeting stream recorded it (the latest attendance sheet). */
    readonly attendance?: {
      readonly parentsCarersInvited: boolean;
      readonly youngPersonInvited: boolean;
      readonly iroPresent: boolean;
      readonly at: string;
    };
  };
  readonly reports: {
    readonly manager?: string;
    readonly iro?: string;
    readonly chair?: string;
    readonly 'investigating-officer'?: string;
  };
  readonly sharedWithFamilyAt?: string;
  readonly consentRefusedAt?: string;
}

export interface InterventionState {
  readonly planAgreedAt?: string;
  readonly intensive: boolean;
  /** Each contact with the intensity in force after it (HSB-25 rolling obligation). */
  readonly contacts: ReadonlyArray<{ readonly at: string; readonly intensive: boolean }>;
  readonly practitionerSupervisions: ReadonlyArray<string>;
  readonly reviews: ReadonlyArray<string>;
  readonly endedAt?: string;
}

export interface CriminalState {
  readonly admissionAt?: string;
  readonly bail?: {
    readonly kind: 'bail' | 'released-under-investigation';
    readonly at: string;
    readonly until: string;
  };
  readonly triggeredAt?: string;
  readonly policeDecision?: {
    readonly decision: 'charge' | 'out-of-court-disposal' | 'caution' | 'no-further-action';
    readonly at: string;
  };
  readonly chargedAt?: string;
  readonly plea?: 'guilty' | 'not-guilty';
  readonly finding?: 'guilty' | 'not-guilty';
  readonly courtTimeRequestedAt?: string;
  /** HSB-29: the date of the adjourned hearing the assessment is to inform. */
  readonly adjournedUntil?: string;
  readonly referredBackAt?: string;
  /** HSB-30: criminal proceedings ended (no further action, not guilty, withdrawn). */
  readonly ended?: { readonly ending: ProceedingsEnding; readonly at: string };
  readonly custody?: { readonly kind: 'remand' | 'sentence'; readonly from: string };
  /** Every period in custody (remand or sentence), `to` once released (HSB-25 pauses contact). */
  readonly custodyPeriods?: ReadonlyArray<{ readonly from: string; readonly to?: string }>;
  readonly releasedAt?: string;
}

export type ProceedingsEnding = 'no-further-action' | 'not-guilty' | 'withdrawn';

export interface RouteChange {
  readonly from: Route;
  readonly to: Route;
  readonly at: string;
}

export interface ConferenceState {
  readonly calledAt?: string;
  /** The strategy discussion at which the Section 47 enquiry started (NAT-1). */
  readonly startedFrom?: string;
  readonly initialAt?: string;
  readonly reviews: ReadonlyArray<string>;
}

export interface OpenCase {
  readonly status: 'open' | 'closed';
  readonly caseId: string;
  readonly reportedAt: string;
  readonly disclosedAt: string;
  readonly behaviourDate: string;
  readonly child: ChildFacts;
  readonly victim?: ChildFacts;
  readonly links: ReadonlyArray<{ readonly linkedCaseId: string; readonly relationship: string }>;
  /** HSB-12: where the child lives or is placed, each stay in order. */
  readonly settings: ReadonlyArray<SettingStay>;
  readonly strategy: ReadonlyArray<StrategyDiscussion>;
  readonly route?: { readonly route: Route; readonly at: string };
  /** HSB-30: every change of route after the first decision, in order. */
  readonly routeChanges: ReadonlyArray<RouteChange>;
  readonly section47?: { readonly section47: boolean; readonly at: string };
  readonly conferences: ConferenceState;
  readonly childAndFamilyAssessmentAt?: string;
  readonly assessment: AssessmentState;
  readonly scores: ReadonlyArray<ScoreRecord>;
  readonly emergingRisks: ReadonlyArray<EmergingRisk>;
  readonly initialMeetingAt?: string;
  readonly intervention: InterventionState;
  readonly exitPlanAt?: string;
  readonly criminal: CriminalState;
  readonly disagreements: ReadonlyArray<Disagreement>;
  readonly closedAt?: string;
  readonly reopenings: ReadonlyArray<string>;
}

export type HsbState = { readonly status: 'none' } | OpenCase;

export const initialState: HsbState = { status: 'none' };

export const emptyAssessment: AssessmentState = { assessors: [], supervisions: {}, reports: {} };
export const emptyIntervention: InterventionState = {
  intensive: false,
  reviews: [],
  contacts: [],
  practitionerSupervisions: [],
};

/** Whether the case exists (a concern has been reported). */
export const isCase = (s: HsbState): s is OpenCase => s.status !== 'none';
