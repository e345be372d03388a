/** Folds one sitting event into the state, one fold per event type. Never fails, never validates. */
import { appended, evolveBy } from '@aimline/kernel';
import type { PanelSittingEvent } from './events.js';
import type { SittingState } from './state.js';

export const evolveSitting = evolveBy<PanelSittingEvent, SittingState>({
  SittingScheduled: (state, { sittingId, meetingId, at, patternDate, slot, movedFrom }) => ({
    ...state,
    sittingId,
    meetingId,
    scheduledAt: at,
    patternDate,
    slot,
    movedFrom,
  }),
  SittingVenueChanged: (state, { venue }) =>
    state.slot === null ? state : { ...state, slot: { ...state.slot, venue } },
  SittingMoved: (state, { to }) => ({ ...state, slot: to }),
  SittingCancelled: (state, { at, reason }) => ({ ...state, cancelled: { at, reason } }),
  MembersNotified: (state, { at, slot, members }) =>
    appended(state, 'notified', {
      at,
      venue: slot.venue,
      memberIds: members.map((m) => m.memberId),
    }),
  AttendanceRecorded: (state, { attendees }) => ({ ...state, attendees }),
  InvitedAttendanceRecorded: (state, { attendees }) => {
    const ids = new Set(attendees.map((a) => a.person.id));
    return {
      ...state,
      invited: [...state.invited.filter((a) => !ids.has(a.person.id)), ...attendees],
    };
  },
  SittingHeld: (state, { at, chairedBy }) => ({ ...state, held: { at, chairedBy } }),
  ActionAgreed: (state, { actionId, referralId, owner, dueBy, at }) =>
    appended(state, 'actions', {
      actionId,
      referralId,
      owner,
      dueBy,
      agreedAt: at,
      updates: [],
      completedAt: null,
    }),
  ActionUpdateReceived: (state, { actionId, at, complete }) => ({
    ...state,
    actions: state.actions.map((a) =>
      a.actionId !== actionId
        ? a
        : {
            ...a,
            updates: [...a.updates, at],
            completedAt: a.completedAt ?? (complete ? at : null),
          },
    ),
  }),
  MinutesApproved: (state, { at }) => ({ ...state, minutesApprovedAt: at }),
  MinutesDistributed: (state, { at, documentCategory, recipients }) => ({
    ...appended(state, 'minutesDistributions', { at, recipients }),
    minutesDistributed: state.minutesDistributed ?? { at, documentCategory },
  }),
  MinutesUploaded: (state, { at, systems }) => ({ ...state, minutesUploaded: { at, systems } }),
  HardCopiesDestroyed: (state, { at }) => ({
    ...state,
    hardCopiesDestroyedAt: state.hardCopiesDestroyedAt ?? at,
  }),
});
