/** The panel's guard catalogue: guards several referral or sitting handlers share, each giving one `Check`. */
import { firstFailure, found, foundWhen, guard, type Check, type Found } from '@aimline/kernel';
import type { ReferralState } from '../referral/state.js';
import type { Booking, Child, Professional } from '../values.js';
import type { SittingSlot } from '../sitting/events.js';
import type { SittingState } from '../sitting/state.js';

/** Actions and minutes follow the sitting: it has been held. */
export const sittingHeld = (s: SittingState): Check =>
  guard('STATE', 'the sitting has not been held', 'data.sittingId', () => s.held === null);

/**
 * STATE: a stream at the stage a command needs, refused at `field` (the command's field naming
 * the stream). Each row is the reason it is not, and whether that holds; the first that holds
 * refuses.
 */
export const atStage =
  (field: string, rows: ReadonlyArray<readonly [reason: string, notYet: boolean]>): Check =>
  () =>
    firstFailure(...rows.map(([reason, notYet]) => guard('STATE', reason, field, () => notYet)));

/**
 * STATE: the sitting is scheduled, giving its slot to what comes after it (`decideWith`); once it
 * has been held it is always found.
 */
export const scheduled = (s: SittingState): Found<SittingSlot> =>
  found(s.slot, 'STATE', 'the sitting is not scheduled', 'data.sittingId');

/**
 * STATE: the sitting must be scheduled, not cancelled and not yet held, giving its slot to what
 * comes after it (`decideWith`).
 */
export const openForChange = (s: SittingState): Found<SittingSlot> =>
  foundWhen(scheduled(s), () => [
    atStage('data.sittingId', [
      ['the sitting is cancelled', s.cancelled !== null],
      ['the sitting has been held', s.held !== null],
    ]),
  ]);

/** INPUT: a stream holds one referral or one sitting; a command naming another is refused. */
export const holds = (what: 'referral' | 'sitting', held: string | null, named: string): Check =>
  guard('INPUT', `this stream holds ${what} ${held ?? ''}`, `data.${what}Id`, () => {
    return held !== null && held !== named;
  });

/** What receiving a referral recorded: ReferralReceived and the ReferralBooked it comes with. */
export interface ReceivedReferral {
  readonly receivedAt: string;
  readonly child: Child;
  readonly concernSummary: string;
  readonly referrer: Professional;
  readonly booking: Booking;
}

/** STATE: the referral has been received (ReferralReceived and ReferralBooked), giving what was. */
const received = (s: ReferralState): Found<ReceivedReferral> => {
  const { referralId, receivedAt, child, concernSummary, referrer, booking } = s;
  return found(
    referralId === null ||
      receivedAt === null ||
      child === null ||
      concernSummary === null ||
      referrer === null ||
      booking === null
      ? undefined
      : { receivedAt, child, concernSummary, referrer, booking },
    'STATE',
    'no referral has been received',
    'data.referralId',
  );
};

/**
 * STATE: the referral must exist, be open and not yet decided, giving what was received to what
 * comes after it (`decideWith`).
 */
export const openUndecided = (s: ReferralState): Found<ReceivedReferral> =>
  foundWhen(received(s), () => [
    atStage('data.referralId', [
      ['the referral is closed', s.closed !== null],
      ['the panel has already decided on this referral', s.decision !== null],
    ]),
  ]);
