/**
 * MTG-3 (contact details cross-checked before an invitation goes) and MTG-4 (invitations by
 * email or post).
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { reject, type Rejection } from '@aimline/kernel';
import type { MeetingCommandOf } from '../commands.js';
import { inviteeState } from '../queries.js';
import type { InviteeState, MeetingState } from '../state.js';
import type { ContactDetails } from '../values.js';
import { accept, atOf, beforeMeeting, nothing, type Decision } from './guards.js';

const onInviteList = (
  state: MeetingState,
  inviteeId: string,
): E.Either<Rejection, InviteeState> => {
  const found = inviteeState(state, inviteeId);
  return found === undefined
    ? E.left(reject('INPUT', `${inviteeId} is not on the invite list`, 'data.inviteeId'))
    : E.right(found);
};

type InviteeCommand =
  | MeetingCommandOf<'ConfirmContactDetails'>
  | MeetingCommandOf<'QueryContactDetails'>
  | MeetingCommandOf<'AmendContactDetails'>
  | MeetingCommandOf<'SendInvitation'>;

const invited = (command: InviteeCommand, state: MeetingState): E.Either<Rejection, InviteeState> =>
  pipe(
    beforeMeeting(state, command),
    E.chain(() => onInviteList(state, command.data.inviteeId)),
  );

const hasContact = (c: ContactDetails): boolean => c.email !== undefined || c.post !== undefined;

/** MTG-3: business support confirmed an invitee's contact details against ICS / IYSS. */
export const confirmContactDetails = (
  command: MeetingCommandOf<'ConfirmContactDetails'>,
  state: MeetingState,
): Decision =>
  pipe(
    invited(command, state),
    E.chain((i) =>
      i.contactCheck.status === 'confirmed'
        ? nothing
        : accept({
            type: 'ContactDetailsConfirmed',
            data: {
              meetingId: command.data.meetingId,
              at: atOf(command),
              inviteeId: command.data.inviteeId,
              checkedAgainst: command.data.checkedAgainst,
              checkedBy: command.actor.id,
            },
          }),
    ),
  );

/** MTG-3: an anomaly goes back to the lead professional; the invitation is held until resolved. */
export const queryContactDetails = (
  command: MeetingCommandOf<'QueryContactDetails'>,
  state: MeetingState,
): Decision =>
  pipe(
    invited(command, state),
    E.chain(() =>
      accept({
        type: 'ContactDetailsQueried',
        data: {
          meetingId: command.data.meetingId,
          at: atOf(command),
          inviteeId: command.data.inviteeId,
          anomaly: command.data.anomaly,
          referredTo: state.schedule?.leadProfessional.id ?? '',
        },
      }),
    ),
  );

/** MTG-3: corrected contact details need business support's check again. */
export const amendContactDetails = (
  command: MeetingCommandOf<'AmendContactDetails'>,
  state: MeetingState,
): Decision =>
  pipe(
    invited(command, state),
    E.chain(() =>
      hasContact(command.data.contact)
        ? accept({
            type: 'ContactDetailsAmended',
            data: {
              meetingId: command.data.meetingId,
              at: atOf(command),
              inviteeId: command.data.inviteeId,
              contact: command.data.contact,
            },
          })
        : E.left(reject('INPUT', 'neither an email nor a postal address', 'data.contact')),
    ),
  );

/**
 * MTG-4: the invitation letter goes by email or post. MTG-3 guard: only to an invitee whose
 * contact details business support has confirmed.
 */
export const sendInvitation = (
  command: MeetingCommandOf<'SendInvitation'>,
  state: MeetingState,
): Decision =>
  pipe(
    invited(command, state),
    E.chain((i) => {
      const d = command.data;
      if (i.contactCheck.status !== 'confirmed')
        return E.left(
          reject(
            'MTG-3',
            `invitee ${d.inviteeId}'s contact details are ${i.contactCheck.status}, not confirmed against the case system`,
            'data.inviteeId',
          ),
        );
      const address = d.channel === 'email' ? i.invitee.contact.email : i.invitee.contact.post;
      if (address === undefined)
        return E.left(
          reject(
            'INPUT',
            `invitee ${d.inviteeId} has no ${d.channel} contact details`,
            'data.channel',
          ),
        );
      return accept({
        type: 'InvitationSent',
        data: {
          meetingId: d.meetingId,
          at: atOf(command),
          inviteeId: d.inviteeId,
          channel: d.channel,
        },
      });
    }),
  );
