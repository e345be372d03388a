/** The state of one panel sitting. */
import type { Member } from '../values.js';
import type { Attendee, InvitedAttendee } from './commands.js';
import type { SittingSlot } from './events.js';

export interface AgreedAction {
  readonly actionId: string;
  readonly referralId: string | null;
  readonly owner: Member;
  readonly dueBy: string;
  readonly agreedAt: string;
  /** Instants updates were received; `completedAt` once the owner reports it done. */
  readonly updates: ReadonlyArray<string>;
  readonly completedAt: string | null;
}

export interface SittingState {
  readonly sittingId: string | null;
  readonly meetingId: string | null;
  readonly scheduledAt: string | null;
  readonly patternDate: string | null;
  readonly slot: SittingSlot | null;
  readonly movedFrom: { readonly date: string; readonly reason: string } | null;
  readonly cancelled: { readonly at: string; readonly reason: string } | null;
  readonly notified: ReadonlyArray<{
    readonly at: string;
    readonly venue: string;
    readonly memberIds: ReadonlyArray<string>;
  }>;
  readonly attendees: ReadonlyArray<Attendee>;
  /** PNL-5, MTG-8: those at the sitting who hold no seat, one entry per person. */
  readonly invited: ReadonlyArray<InvitedAttendee>;
  readonly held: { readonly at: string; readonly chairedBy: 'chair' | 'co-chair' | null } | null;
  readonly actions: ReadonlyArray<AgreedAction>;
  readonly minutesApprovedAt: string | null;
  /** The first distribution of the minutes (PNL-8 category); `null` until one. */
  readonly minutesDistributed: { readonly at: string; readonly documentCategory: string } | null;
  /** Every distribution, in order (MTG-8: who was sent the minutes, and when). */
  readonly minutesDistributions: ReadonlyArray<{
    readonly at: string;
    readonly recipients: ReadonlyArray<string>;
  }>;
  /** MTG-8: when and where the approved minutes were uploaded; `null` until then. */
  readonly minutesUploaded: { readonly at: string; readonly systems: ReadonlyArray<string> } | null;
  /** MTG-9: when the lists and hard copies were destroyed. */
  readonly hardCopiesDestroyedAt: string | null;
}

export const initialSittingState: SittingState = {
  sittingId: null,
  meetingId: null,
  scheduledAt: null,
  patternDate: null,
  slot: null,
  movedFrom: null,
  cancelled: null,
  notified: [],
  attendees: [],
  invited: [],
  held: null,
  actions: [],
  minutesApprovedAt: null,
  minutesDistributed: null,
  minutesDistributions: [],
  minutesUploaded: null,
  hardCopiesDestroyedAt: null,
};
