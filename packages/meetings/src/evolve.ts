/**
 * Folds one meeting event into the state, one fold per event type. Never fails, never
 * validates: events are facts.
 */
import { appended, evolveBy } from '@aimline/kernel';
import type { MeetingEvent } from './events.js';
import type { ContactCheck, InviteeState, MeetingState } from './state.js';

const withCheck = (
  invitees: ReadonlyArray<InviteeState>,
  inviteeId: string,
  update: (i: InviteeState) => InviteeState,
): ReadonlyArray<InviteeState> => invitees.map((i) => (i.invitee.id === inviteeId ? update(i) : i));

/** MTG-2: the outcome of checking one invitee's contact details. */
const contactChecked = (
  state: MeetingState,
  inviteeId: string,
  contactCheck: ContactCheck,
): MeetingState => ({
  ...state,
  invitees: withCheck(state.invitees, inviteeId, (i) => ({ ...i, contactCheck })),
});

export const evolve = evolveBy<MeetingEvent, MeetingState>({
  MeetingScheduled: (state, d) => ({
    ...state,
    phase: 'scheduled',
    meetingId: d.meetingId,
    schedule: {
      kind: d.kind,
      subjects: d.subjects,
      chair: d.chair,
      leadProfessional: d.leadProfessional,
      start: d.start,
      end: d.end,
      location: d.location,
      scheduledAt: d.at,
    },
  }),
  MeetingRescheduled: (state, d) =>
    state.schedule === null
      ? state
      : {
          ...state,
          schedule: { ...state.schedule, start: d.start, end: d.end, location: d.location },
          reschedules: [
            ...state.reschedules,
            { at: d.at, previousStart: d.previousStart, start: d.start },
          ],
        },
  MeetingCancelled: (state, { at }) => ({ ...state, phase: 'cancelled', cancelledAt: at }),
  InviteListSubmitted: (state, { invitees }) =>
    appended(
      state,
      'invitees',
      ...invitees.map((invitee) => ({ invitee, contactCheck: { status: 'unchecked' } as const })),
    ),
  MinuteTakerAllocated: (state, { minuteTaker }) => ({ ...state, minuteTaker }),
  ContactDetailsConfirmed: (state, { inviteeId, at, checkedAgainst }) =>
    contactChecked(state, inviteeId, { status: 'confirmed', at, checkedAgainst }),
  ContactDetailsQueried: (state, { inviteeId, at, referredTo }) =>
    contactChecked(state, inviteeId, { status: 'queried', at, referredTo }),
  ContactDetailsAmended: (state, { inviteeId, contact }) => ({
    ...state,
    invitees: withCheck(state.invitees, inviteeId, (i) => ({
      invitee: { ...i.invitee, contact },
      contactCheck: { status: 'unchecked' },
    })),
  }),
  InvitationSent: (state, { inviteeId, channel, at }) =>
    appended(state, 'invitations', { inviteeId, channel, at }),
  ReportSubmittedToChair: (state, { reportKind, author, at }) =>
    appended(state, 'reports', { reportKind, author, at }),
  AttendanceRecorded: (state, { at, attendees }) => ({
    ...state,
    phase: state.phase === 'cancelled' ? state.phase : 'held',
    attendance: { at, attendees },
  }),
  DraftMinutesSubmitted: (state, { draft, at, documentRef, actions }) =>
    appended(state, 'drafts', { draft, at, documentRef, actions }),
  MinutesApproved: (state, { draft, at, approvedBy }) => ({
    ...state,
    approval: { draft, at, approvedBy },
  }),
  MinutesDistributed: (state, { at, recipients }) =>
    appended(state, 'distributions', { at, recipients }),
  MinutesUploaded: (state, { at, systems }) => ({ ...state, upload: { at, systems } }),
  HardCopiesDestroyed: (state, { at }) => ({ ...state, hardCopiesDestroyedAt: at }),
});
