/**
 * MTG-7 (draft minutes approved by the chair; only approved minutes are distributed), MTG-8
 * (minutes go only to those present and to those with actions, and are uploaded with the
 * attendance list) and MTG-9 (lists and hard copies destroyed once the minutes are uploaded).
 */
import { decideWhen, accept, guard, noneTwice } from '@aimline/kernel';
import { awaitingMinutes, distributionList, latestDraft, minutesApproved } from '../queries.js';
import {
  approvalRejection,
  hardCopiesDestruction,
  distributionRejection,
  unapprovedRejection,
  uploadRejection,
} from '../rules.js';
import { afterMeeting, type Handler, type ScheduledMeeting } from './handler.js';

/** Everyone an action may be given to: invitees, attendees, the chair and the lead professional. */
const knownPeople = (m: ScheduledMeeting): ReadonlySet<string> =>
  new Set([
    ...m.invitees.map((i) => i.invitee.id),
    ...(m.attendance?.attendees ?? []).map((a) => a.personId),
    m.schedule.chair.id,
    m.schedule.leadProfessional.id,
  ]);

/** MTG-7: business support send draft minutes, with the actions agreed, to the chair. */
export const submitDraftMinutes: Handler<'SubmitDraftMinutes'> = ({ data: d, at }, m) => {
  const known = knownPeople(m);
  const stranger = d.actions.findIndex((a) => !known.has(a.ownerId));
  return decideWhen(
    [
      afterMeeting(m),
      guard(
        'STATE',
        'the minutes are approved: no further draft',
        'data.meetingId',
        () => m.approval !== null,
      ),
      noneTwice(
        d.actions,
        (a) => a.actionId,
        (a, i, twice) => [
          guard(
            'INPUT',
            `action ${a.actionId} is listed twice`,
            `data.actions.${i}.actionId`,
            () => {
              return twice;
            },
          ),
        ],
      ),
      guard(
        'INPUT',
        `action owner ${d.actions[stranger]?.ownerId ?? ''} was neither invited nor at the meeting`,
        `data.actions.${stranger}.ownerId`,
        () => stranger >= 0,
      ),
    ],
    () => {
      return accept({
        type: 'DraftMinutesSubmitted',
        data: {
          meetingId: d.meetingId,
          at,
          draft: m.drafts.length + 1,
          documentRef: d.documentRef,
          actions: d.actions,
        },
      });
    },
  );
};

/** MTG-7: the chair (and only the chair) approves the latest draft. */
export const approveMinutes: Handler<'ApproveMinutes'> = (command, m) => {
  const draft = latestDraft(m);
  return decideWhen(
    [
      afterMeeting(m),
      () =>
        approvalRejection({
          chairId: m.schedule.chair.id,
          actorId: command.actor.id,
          hasDraft: draft !== undefined,
          field: 'data.meetingId',
        }),
    ],
    () => {
      if (draft === undefined || m.approval !== null) return accept();
      return accept({
        type: 'MinutesApproved',
        data: {
          meetingId: command.data.meetingId,
          at: command.at,
          draft: draft.draft,
          approvedBy: command.actor.id,
        },
      });
    },
  );
};

/**
 * MTG-7 guard: only approved minutes are distributed. MTG-8 guard: only to people on the derived
 * distribution list (present or owning an action). Without recipients: to everyone on the list
 * who has not had them yet.
 */
export const distributeMinutes: Handler<'DistributeMinutes'> = ({ data: d, at }, m) =>
  decideWhen(
    [
      afterMeeting(m),
      () => unapprovedRejection(minutesApproved(m), 'data.meetingId'),
      () =>
        d.recipients === undefined
          ? undefined
          : distributionRejection(distributionList(m), d.recipients),
    ],
    () => {
      if (d.recipients !== undefined)
        return accept({
          type: 'MinutesDistributed',
          data: { meetingId: d.meetingId, at, recipients: d.recipients },
        });
      const awaiting = awaitingMinutes(m);
      if (awaiting.length === 0) return accept();
      return accept({
        type: 'MinutesDistributed',
        data: { meetingId: d.meetingId, at, recipients: [...awaiting] },
      });
    },
  );

/** MTG-8: approved minutes are uploaded to the case systems with the attendance list. */
export const uploadMinutes: Handler<'UploadMinutes'> = ({ data: d, at }, m) =>
  decideWhen(
    [
      afterMeeting(m),
      () =>
        uploadRejection({
          approved: minutesApproved(m),
          uploaded: m.upload !== null,
          field: 'data.meetingId',
          systems: d.systems,
          attendanceListIncluded: d.attendanceListIncluded,
        }),
    ],
    () => {
      return accept({
        type: 'MinutesUploaded',
        data: {
          meetingId: d.meetingId,
          at,
          systems: d.systems,
          attendanceListIncluded: true,
        },
      });
    },
  );

/** MTG-9: lists and hard copies are destroyed once the minutes (and attendance list) are uploaded. */
export const destroyHardCopies: Handler<'DestroyHardCopies'> = (command, m) =>
  decideWhen([afterMeeting(m)], () =>
    hardCopiesDestruction(m.upload !== null, m.hardCopiesDestroyedAt, 'data.meetingId', () => ({
      type: 'HardCopiesDestroyed' as const,
      data: { meetingId: command.data.meetingId, at: command.at, destroyedBy: command.actor.id },
    })),
  );
