/**
 * MTG-7 (draft minutes approved by the chair; only approved minutes are distributed), MTG-8
 * (minutes go only to those present and to those with actions, and are uploaded with the
 * attendance list) and MTG-9 (lists and hard copies destroyed once the minutes are uploaded).
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { reject, type Rejection } from '@aimline/kernel';
import type { MeetingCommandOf } from '../commands.js';
import { awaitingMinutes, distributionList, latestDraft, minutesApproved } from '../queries.js';
import { approvalRejection, distributionRejection, unapprovedRejection } from '../rules.js';
import type { MeetingState, Schedule } from '../state.js';
import { accept, afterMeeting, atOf, firstDuplicate, nothing, type Decision } from './guards.js';

/** Everyone an action may be given to: invitees, attendees, the chair and the lead professional. */
const knownPeople = (state: MeetingState, schedule: Schedule): ReadonlySet<string> =>
  new Set([
    ...state.invitees.map((i) => i.invitee.id),
    ...(state.attendance?.attendees ?? []).map((a) => a.personId),
    schedule.chair.id,
    schedule.leadProfessional.id,
  ]);

/** MTG-7: only approved minutes go anywhere. */
const approved = (state: MeetingState): E.Either<Rejection, MeetingState> => {
  const rejection = unapprovedRejection(minutesApproved(state));
  return rejection === undefined ? E.right(state) : E.left(rejection);
};

/** MTG-7: business support send draft minutes, with the actions agreed, to the chair. */
export const submitDraftMinutes = (
  command: MeetingCommandOf<'SubmitDraftMinutes'>,
  state: MeetingState,
): Decision =>
  pipe(
    afterMeeting(state, command),
    E.chain((schedule) => {
      const d = command.data;
      if (state.approval !== null)
        return E.left(reject('STATE', 'the minutes are approved: no further draft'));
      const dup = firstDuplicate(d.actions.map((a) => a.actionId));
      if (dup !== undefined)
        return E.left(
          reject(
            'INPUT',
            `action ${d.actions[dup]?.actionId ?? ''} is listed twice`,
            `data.actions.${dup}.actionId`,
          ),
        );
      const known = knownPeople(state, schedule);
      const stranger = d.actions.findIndex((a) => !known.has(a.ownerId));
      if (stranger >= 0)
        return E.left(
          reject(
            'INPUT',
            `action owner ${d.actions[stranger]?.ownerId ?? ''} was neither invited nor at the meeting`,
            `data.actions.${stranger}.ownerId`,
          ),
        );
      return accept({
        type: 'DraftMinutesSubmitted',
        data: {
          meetingId: d.meetingId,
          at: atOf(command),
          draft: state.drafts.length + 1,
          documentRef: d.documentRef,
          actions: d.actions,
        },
      });
    }),
  );

/** MTG-7: the chair (and only the chair) approves the latest draft. */
export const approveMinutes = (
  command: MeetingCommandOf<'ApproveMinutes'>,
  state: MeetingState,
): Decision =>
  pipe(
    afterMeeting(state, command),
    E.chain((schedule) => {
      const draft = latestDraft(state);
      const rejection = approvalRejection({
        chairId: schedule.chair.id,
        actorId: command.actor.id,
        hasDraft: draft !== undefined,
      });
      if (rejection !== undefined) return E.left(rejection);
      if (draft === undefined || state.approval !== null) return nothing;
      return accept({
        type: 'MinutesApproved',
        data: {
          meetingId: command.data.meetingId,
          at: atOf(command),
          draft: draft.draft,
          approvedBy: command.actor.id,
        },
      });
    }),
  );

/**
 * MTG-7 guard: only approved minutes are distributed. MTG-8 guard: only to people on the derived
 * distribution list (present or owning an action). Without recipients: to everyone on the list
 * who has not had them yet.
 */
export const distributeMinutes = (
  command: MeetingCommandOf<'DistributeMinutes'>,
  state: MeetingState,
): Decision =>
  pipe(
    afterMeeting(state, command),
    E.chain(() => approved(state)),
    E.chain(() => {
      const d = command.data;
      if (d.recipients === undefined) {
        const awaiting = awaitingMinutes(state);
        return awaiting.length === 0
          ? nothing
          : accept({
              type: 'MinutesDistributed',
              data: { meetingId: d.meetingId, at: atOf(command), recipients: [...awaiting] },
            });
      }
      const rejection = distributionRejection(distributionList(state), d.recipients);
      if (rejection !== undefined) return E.left(rejection);
      return accept({
        type: 'MinutesDistributed',
        data: { meetingId: d.meetingId, at: atOf(command), recipients: d.recipients },
      });
    }),
  );

/** MTG-8: approved minutes are uploaded to the case systems with the attendance list. */
export const uploadMinutes = (
  command: MeetingCommandOf<'UploadMinutes'>,
  state: MeetingState,
): Decision =>
  pipe(
    afterMeeting(state, command),
    E.chain(() => approved(state)),
    E.chain(() => {
      const d = command.data;
      if (state.upload !== null) return E.left(reject('STATE', 'the minutes are already uploaded'));
      if (d.systems.length === 0)
        return E.left(reject('INPUT', 'name the case systems uploaded to', 'data.systems'));
      if (!d.attendanceListIncluded)
        return E.left(
          reject(
            'MTG-8',
            'minutes are uploaded with the attendance list',
            'data.attendanceListIncluded',
          ),
        );
      return accept({
        type: 'MinutesUploaded',
        data: {
          meetingId: d.meetingId,
          at: atOf(command),
          systems: d.systems,
          attendanceListIncluded: true,
        },
      });
    }),
  );

/** MTG-9: lists and hard copies are destroyed once the minutes (and attendance list) are uploaded. */
export const destroyHardCopies = (
  command: MeetingCommandOf<'DestroyHardCopies'>,
  state: MeetingState,
): Decision =>
  pipe(
    afterMeeting(state, command),
    E.chain(() => {
      if (state.upload === null)
        return E.left(
          reject(
            'MTG-9',
            'the minutes and attendance list must be uploaded before the lists and hard copies are destroyed',
          ),
        );
      if (state.hardCopiesDestroyedAt !== null) return nothing;
      return accept({
        type: 'HardCopiesDestroyed',
        data: {
          meetingId: command.data.meetingId,
          at: atOf(command),
          destroyedBy: command.actor.id,
        },
      });
    }),
  );
