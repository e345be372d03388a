/** Folds one sitting event into the state. Never fails, never validates. */
import { appended } from '@aimline/kernel';
import type { PanelSittingEvent } from './events.js';
import type { SittingState } from './state.js';

export const evolveSitting = (state: SittingState, event: PanelSittingEvent): SittingState => {
  switch (event.type) {
    case 'SittingScheduled': {
      const d = event.data;
      return {
        ...state,
        sittingId: d.sittingId,
        meetingId: d.meetingId,
        scheduledAt: d.at,
        patternDate: d.patternDate,
        slot: d.slot,
        movedFrom: d.movedFrom,
      };
    }
    case 'SittingVenueChanged':
      return state.slot === null
        ? state
        : { ...state, slot: { ...state.slot, venue: event.data.venue } };
    case 'SittingMoved':
      return { ...state, slot: event.data.to };
    case 'SittingCancelled':
      return { ...state, cancelled: { at: event.data.at, reason: event.data.reason } };
    case 'MembersNotified': {
      const { at, slot, members } = event.data;
      const memberIds = members.map((m) => m.memberId);
      return appended(state, 'notified', { at, venue: slot.venue, memberIds });
    }
    case 'AttendanceRecorded':
      return { ...state, attendees: event.data.attendees };
    case 'InvitedAttendanceRecorded': {
      const ids = new Set(event.data.attendees.map((a) => a.person.id));
      return {
        ...state,
        invited: [...state.invited.filter((a) => !ids.has(a.person.id)), ...event.data.attendees],
      };
    }
    case 'SittingHeld':
      return { ...state, held: { at: event.data.at, chairedBy: event.data.chairedBy } };
    case 'ActionAgreed': {
      const { actionId, referralId, owner, dueBy, at } = event.data;
      return appended(state, 'actions', {
        actionId,
        referralId,
        owner,
        dueBy,
        agreedAt: at,
        updates: [],
        completedAt: null,
      });
    }
    case 'ActionUpdateReceived': {
      const d = event.data;
      return {
        ...state,
        actions: state.actions.map((a) =>
          a.actionId !== d.actionId
            ? a
            : {
                ...a,
                updates: [...a.updates, d.at],
                completedAt: a.completedAt ?? (d.complete ? d.at : null),
              },
        ),
      };
    }
    case 'MinutesApproved':
      return { ...state, minutesApprovedAt: event.data.at };
    case 'MinutesDistributed':
      return {
        ...state,
        minutesDistributed: state.minutesDistributed ?? {
          at: event.data.at,
          documentCategory: event.data.documentCategory,
        },
        minutesDistributions: [
          ...state.minutesDistributions,
          { at: event.data.at, recipients: event.data.recipients },
        ],
      };
    case 'MinutesUploaded':
      return {
        ...state,
        minutesUploaded: { at: event.data.at, systems: event.data.systems },
      };
    case 'HardCopiesDestroyed':
      return { ...state, hardCopiesDestroyedAt: state.hardCopiesDestroyedAt ?? event.data.at };
  }
};
