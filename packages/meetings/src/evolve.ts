/**
 * Folds one meeting event into the state. Never fails, never validates: events are facts.
 */
import { appended } from '@aimline/kernel';
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

export const evolve = (state: MeetingState, event: MeetingEvent): MeetingState => {
  switch (event.type) {
    case 'MeetingScheduled': {
      const d = event.data;
      return {
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
      };
    }
    case 'MeetingRescheduled': {
      const d = event.data;
      if (state.schedule === null) return state;
      return {
        ...state,
        schedule: { ...state.schedule, start: d.start, end: d.end, location: d.location },
        reschedules: [
          ...state.reschedules,
          { at: d.at, previousStart: d.previousStart, start: d.start },
        ],
      };
    }
    case 'MeetingCancelled':
      return { ...state, phase: 'cancelled', cancelledAt: event.data.at };
    case 'InviteListSubmitted':
      return {
        ...state,
        invitees: [
          ...state.invitees,
          ...event.data.invitees.map((invitee) => ({
            invitee,
            contactCheck: { status: 'unchecked' } as const,
          })),
        ],
      };
    case 'MinuteTakerAllocated':
      return { ...state, minuteTaker: event.data.minuteTaker };
    case 'ContactDetailsConfirmed': {
      const { inviteeId, at, checkedAgainst } = event.data;
      return contactChecked(state, inviteeId, { status: 'confirmed', at, checkedAgainst });
    }
    case 'ContactDetailsQueried': {
      const { inviteeId, at, referredTo } = event.data;
      return contactChecked(state, inviteeId, { status: 'queried', at, referredTo });
    }
    case 'ContactDetailsAmended': {
      const d = event.data;
      return {
        ...state,
        invitees: withCheck(state.invitees, d.inviteeId, (i) => ({
          invitee: { ...i.invitee, contact: d.contact },
          contactCheck: { status: 'unchecked' },
        })),
      };
    }
    case 'InvitationSent': {
      const { inviteeId, channel, at } = event.data;
      return appended(state, 'invitations', { inviteeId, channel, at });
    }
    case 'ReportSubmittedToChair': {
      const { reportKind, author, at } = event.data;
      return appended(state, 'reports', { reportKind, author, at });
    }
    case 'AttendanceRecorded':
      return {
        ...state,
        phase: state.phase === 'cancelled' ? state.phase : 'held',
        attendance: { at: event.data.at, attendees: event.data.attendees },
      };
    case 'DraftMinutesSubmitted': {
      const { draft, at, documentRef, actions } = event.data;
      return appended(state, 'drafts', { draft, at, documentRef, actions });
    }
    case 'MinutesApproved': {
      const d = event.data;
      return { ...state, approval: { draft: d.draft, at: d.at, approvedBy: d.approvedBy } };
    }
    case 'MinutesDistributed': {
      const { at, recipients } = event.data;
      return appended(state, 'distributions', { at, recipients });
    }
    case 'MinutesUploaded':
      return { ...state, upload: { at: event.data.at, systems: event.data.systems } };
    case 'HardCopiesDestroyed':
      return { ...state, hardCopiesDestroyedAt: event.data.at };
  }
};
