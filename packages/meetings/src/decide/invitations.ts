/**
 * MTG-3 (contact details cross-checked before an invitation goes) and MTG-4 (invitations by
 * email or post).
 */
import { accept, refuse } from '@aimline/kernel';
import { inviteeState } from '../queries.js';
import type { ContactDetails } from '../values.js';
import { beforeMeeting, type Handler } from './handler.js';

const notOnList = (inviteeId: string) =>
  refuse('INPUT', `${inviteeId} is not on the invite list`, 'data.inviteeId');

const hasContact = (c: ContactDetails): boolean => c.email !== undefined || c.post !== undefined;

/** MTG-3: business support confirmed an invitee's contact details against ICS / IYSS. */
export const confirmContactDetails: Handler<'ConfirmContactDetails'> = (command, m) => {
  const held = beforeMeeting(m);
  if (held) return refuse(held);
  const invitee = inviteeState(m, command.data.inviteeId);
  if (invitee === undefined) return notOnList(command.data.inviteeId);
  if (invitee.contactCheck.status === 'confirmed') return accept();
  return accept({
    type: 'ContactDetailsConfirmed',
    data: {
      meetingId: command.data.meetingId,
      at: command.at,
      inviteeId: command.data.inviteeId,
      checkedAgainst: command.data.checkedAgainst,
      checkedBy: command.actor.id,
    },
  });
};

/** MTG-3: an anomaly goes back to the lead professional; the invitation is held until resolved. */
export const queryContactDetails: Handler<'QueryContactDetails'> = (command, m) => {
  const held = beforeMeeting(m);
  if (held) return refuse(held);
  if (inviteeState(m, command.data.inviteeId) === undefined)
    return notOnList(command.data.inviteeId);
  return accept({
    type: 'ContactDetailsQueried',
    data: {
      meetingId: command.data.meetingId,
      at: command.at,
      inviteeId: command.data.inviteeId,
      anomaly: command.data.anomaly,
      referredTo: m.schedule.leadProfessional.id,
    },
  });
};

/** MTG-3: corrected contact details need business support's check again. */
export const amendContactDetails: Handler<'AmendContactDetails'> = (command, m) => {
  const held = beforeMeeting(m);
  if (held) return refuse(held);
  if (inviteeState(m, command.data.inviteeId) === undefined)
    return notOnList(command.data.inviteeId);
  if (!hasContact(command.data.contact))
    return refuse('INPUT', 'neither an email nor a postal address', 'data.contact');
  return accept({
    type: 'ContactDetailsAmended',
    data: {
      meetingId: command.data.meetingId,
      at: command.at,
      inviteeId: command.data.inviteeId,
      contact: command.data.contact,
    },
  });
};

/**
 * MTG-4: the invitation letter goes by email or post. MTG-3 guard: only to an invitee whose
 * contact details business support has confirmed.
 */
export const sendInvitation: Handler<'SendInvitation'> = (command, m) => {
  const d = command.data;
  const held = beforeMeeting(m);
  if (held) return refuse(held);
  const invitee = inviteeState(m, d.inviteeId);
  if (invitee === undefined) return notOnList(d.inviteeId);
  if (invitee.contactCheck.status !== 'confirmed')
    return refuse(
      'MTG-3',
      `invitee ${d.inviteeId}'s contact details are ${invitee.contactCheck.status}, not confirmed against the case system`,
      'data.inviteeId',
    );
  const address =
    d.channel === 'email' ? invitee.invitee.contact.email : invitee.invitee.contact.post;
  if (address === undefined)
    return refuse(
      'INPUT',
      `invitee ${d.inviteeId} has no ${d.channel} contact details`,
      'data.channel',
    );
  return accept({
    type: 'InvitationSent',
    data: { meetingId: d.meetingId, at: command.at, inviteeId: d.inviteeId, channel: d.channel },
  });
};
