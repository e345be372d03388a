/**
 * MTG-3 (contact details cross-checked before an invitation goes) and MTG-4 (invitations by
 * email or post).
 */
import { accept, decideWhen, guard, type Check } from '@aimline/kernel';
import { inviteeState } from '../queries.js';
import type { ContactDetails } from '../values.js';
import { beforeMeeting, type Handler, type ScheduledMeeting } from './handler.js';

const onList = (m: ScheduledMeeting, inviteeId: string): Check =>
  guard('INPUT', `${inviteeId} is not on the invite list`, 'data.inviteeId', () => {
    return inviteeState(m, inviteeId) === undefined;
  });

const hasContact = (c: ContactDetails): boolean => c.email !== undefined || c.post !== undefined;

/** MTG-3: business support confirmed an invitee's contact details against ICS / IYSS. */
export const confirmContactDetails: Handler<'ConfirmContactDetails'> = (command, m) =>
  decideWhen([beforeMeeting(m), onList(m, command.data.inviteeId)], () =>
    inviteeState(m, command.data.inviteeId)?.contactCheck.status === 'confirmed'
      ? accept()
      : accept({
          type: 'ContactDetailsConfirmed',
          data: {
            meetingId: command.data.meetingId,
            at: command.at,
            inviteeId: command.data.inviteeId,
            checkedAgainst: command.data.checkedAgainst,
            checkedBy: command.actor.id,
          },
        }),
  );

/** MTG-3: an anomaly goes back to the lead professional; the invitation is held until resolved. */
export const queryContactDetails: Handler<'QueryContactDetails'> = ({ data: d, at }, m) =>
  decideWhen([beforeMeeting(m), onList(m, d.inviteeId)], () =>
    accept({
      type: 'ContactDetailsQueried',
      data: {
        meetingId: d.meetingId,
        at,
        inviteeId: d.inviteeId,
        anomaly: d.anomaly,
        referredTo: m.schedule.leadProfessional.id,
      },
    }),
  );

/** MTG-3: corrected contact details need business support's check again. */
export const amendContactDetails: Handler<'AmendContactDetails'> = ({ data: d, at }, m) =>
  decideWhen(
    [
      beforeMeeting(m),
      onList(m, d.inviteeId),
      guard('INPUT', 'neither an email nor a postal address', 'data.contact', () => {
        return !hasContact(d.contact);
      }),
    ],
    () =>
      accept({
        type: 'ContactDetailsAmended',
        data: { meetingId: d.meetingId, at, inviteeId: d.inviteeId, contact: d.contact },
      }),
  );

/**
 * MTG-4: the invitation letter goes by email or post. MTG-3 guard: only to an invitee whose
 * contact details business support has confirmed.
 */
export const sendInvitation: Handler<'SendInvitation'> = ({ data: d, at }, m) => {
  const invitee = inviteeState(m, d.inviteeId);
  const status = invitee?.contactCheck.status;
  const address =
    d.channel === 'email' ? invitee?.invitee.contact.email : invitee?.invitee.contact.post;
  return decideWhen(
    [
      beforeMeeting(m),
      onList(m, d.inviteeId),
      guard(
        'MTG-3',
        `invitee ${d.inviteeId}'s contact details are ${status ?? ''}, not confirmed against the case system`,
        'data.inviteeId',
        () => status !== 'confirmed',
      ),
      guard(
        'INPUT',
        `invitee ${d.inviteeId} has no ${d.channel} contact details`,
        'data.channel',
        () => address === undefined,
      ),
    ],
    () =>
      accept({
        type: 'InvitationSent',
        data: { meetingId: d.meetingId, at, inviteeId: d.inviteeId, channel: d.channel },
      }),
  );
};
