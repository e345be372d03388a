/**
 * The state of one meeting, folded from its events. Absent facts are `null`, never missing.
 */
import type {
  AttendanceEntry,
  Author,
  Channel,
  Invitee,
  Location,
  MeetingKind,
  MinutesAction,
  Professional,
  ReportKind,
  SubjectRef,
} from './values.js';

/**
 * - `unscheduled`: nothing recorded yet;
 * - `scheduled`: arranged (MTG-1), attendance not yet recorded;
 * - `held`: the attendance sheet is recorded (MTG-6);
 * - `cancelled`: no further command is accepted.
 */
export type MeetingPhase = 'unscheduled' | 'scheduled' | 'held' | 'cancelled';

/** MTG-3: where business support's cross-check of an invitee's contact details stands. */
export type ContactCheck =
  | { readonly status: 'unchecked' }
  | { readonly status: 'confirmed'; readonly at: string; readonly checkedAgainst: string }
  | { readonly status: 'queried'; readonly at: string; readonly referredTo: string };

export interface InviteeState {
  readonly invitee: Invitee;
  readonly contactCheck: ContactCheck;
}

export interface Schedule {
  readonly kind: MeetingKind;
  readonly subjects: ReadonlyArray<SubjectRef>;
  readonly chair: Professional;
  readonly leadProfessional: Professional;
  readonly start: string;
  readonly end: string;
  readonly location: Location;
  readonly scheduledAt: string;
}

export interface Reschedule {
  readonly at: string;
  readonly previousStart: string;
  readonly start: string;
}

export interface InvitationRecord {
  readonly inviteeId: string;
  readonly channel: Channel;
  readonly at: string;
}

export interface ReportRecord {
  readonly reportKind: ReportKind;
  readonly author: Author;
  readonly at: string;
}

export interface Attendance {
  readonly at: string;
  readonly attendees: ReadonlyArray<AttendanceEntry>;
}

export interface DraftMinutes {
  readonly draft: number;
  readonly at: string;
  readonly documentRef: string;
  readonly actions: ReadonlyArray<MinutesAction>;
}

export interface Approval {
  readonly draft: number;
  readonly at: string;
  readonly approvedBy: string;
}

export interface Distribution {
  readonly at: string;
  readonly recipients: ReadonlyArray<string>;
}

export interface Upload {
  readonly at: string;
  readonly systems: ReadonlyArray<string>;
}

export interface MeetingState {
  readonly phase: MeetingPhase;
  readonly meetingId: string | null;
  readonly schedule: Schedule | null;
  readonly reschedules: ReadonlyArray<Reschedule>;
  readonly cancelledAt: string | null;
  readonly invitees: ReadonlyArray<InviteeState>;
  readonly minuteTaker: Professional | null;
  readonly invitations: ReadonlyArray<InvitationRecord>;
  readonly reports: ReadonlyArray<ReportRecord>;
  readonly attendance: Attendance | null;
  readonly drafts: ReadonlyArray<DraftMinutes>;
  readonly approval: Approval | null;
  readonly distributions: ReadonlyArray<Distribution>;
  readonly upload: Upload | null;
  readonly hardCopiesDestroyedAt: string | null;
}

export const initialMeetingState: MeetingState = {
  phase: 'unscheduled',
  meetingId: null,
  schedule: null,
  reschedules: [],
  cancelledAt: null,
  invitees: [],
  minuteTaker: null,
  invitations: [],
  reports: [],
  attendance: null,
  drafts: [],
  approval: null,
  distributions: [],
  upload: null,
  hardCopiesDestroyedAt: null,
};
