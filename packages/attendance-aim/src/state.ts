/** The state of one attendance AIM case, folded from its events. */
import type { Period, SessionMark } from './attendance.js';
import type {
  AimVenue,
  LegalStep,
  ParentCarer,
  PenaltyTerms,
  Pupil,
  School,
  Target,
} from './values.js';

export interface LetterRecord {
  readonly parentId: string;
  readonly sentAt: string;
  readonly documentRef: string;
  /** The meeting start the letter named (a rearranged meeting needs a new letter). */
  readonly forStart: string;
}

export interface AimMeeting {
  readonly meetingId: string;
  readonly start: string;
  readonly venue: AimVenue;
  readonly scheduledAt: string;
  readonly status: 'scheduled' | 'held' | 'not-held';
  readonly letters: Readonly<Record<string, LetterRecord>>;
  /** Parents who said they cannot attend at the current date and time (ATT-2). */
  readonly cannotAttend: ReadonlyArray<{ readonly parentId: string; readonly at: string }>;
  readonly decidedAt: string | undefined;
  readonly notHeldAction: string | undefined;
  readonly outcome:
    | { readonly targets: ReadonlyArray<Target>; readonly reviewDueOn: string; readonly at: string }
    | undefined;
  readonly reviewedAt: string | undefined;
}

export interface LegalStepRecord {
  readonly stepId: string;
  readonly step: LegalStep;
  readonly at: string;
  readonly penalty: PenaltyTerms | undefined;
  readonly improvementPeriodEnds: string | undefined;
  readonly paidOn: string | undefined;
}

export interface OpenCase {
  readonly status: 'open' | 'closed';
  readonly caseId: string;
  readonly openedAt: string;
  readonly pupil: Pupil;
  readonly school: School;
  readonly parents: Readonly<Record<string, ParentCarer>>;
  readonly marks: Readonly<Record<string, SessionMark>>;
  readonly importedPeriods: ReadonlyArray<Period>;
  readonly supportEvidence: ReadonlyArray<{ readonly documentRef: string; readonly at: string }>;
  readonly meetings: Readonly<Record<string, AimMeeting>>;
  readonly meetingOrder: ReadonlyArray<string>;
  readonly interactions: ReadonlyArray<{ readonly interactionId: string; readonly at: string }>;
  readonly directQuotes: number;
  readonly documents: ReadonlyArray<string>;
  readonly noEngagementAt: string | undefined;
  readonly inclusionOfficerConsultedAt: string | undefined;
  readonly legalMeetingAt: string | undefined;
  readonly legalRequests: ReadonlyArray<{ readonly requestId: string; readonly at: string }>;
  readonly prosecutionConsideredAt: string | undefined;
  readonly legalSteps: Readonly<Record<string, LegalStepRecord>>;
  readonly stepOrder: ReadonlyArray<string>;
  readonly closedAt: string | undefined;
}

export type AttendanceAimState = { readonly status: 'none' } | OpenCase;

export const initialState: AttendanceAimState = { status: 'none' };

/** The register marks of a case, in date and session order. */
export const marksOf = (s: OpenCase): SessionMark[] =>
  Object.values(s.marks).sort((a, b) =>
    a.date === b.date ? a.session.localeCompare(b.session) : a.date.localeCompare(b.date),
  );

/** Meetings in the order they were scheduled. */
export const meetingsOf = (s: OpenCase): AimMeeting[] =>
  s.meetingOrder.map((id) => s.meetings[id]).filter((m): m is AimMeeting => m !== undefined);
