/**
 * MTG-7 and MTG-8 as small pure functions over plain inputs, so that every process holding a
 * meeting (this package's decider, and `panel`'s sitting) applies the one implementation of
 * each rule. Each returns the kernel `Rejection` the rule gives, or `undefined` when the
 * command passes it.
 */
import {
  accept,
  check,
  decideWhen,
  firstFailure,
  guard,
  noneTwice,
  reject,
  type Decision,
  type Rejection,
} from '@aimline/kernel';
import type * as t from 'io-ts';
import type { UploadMinutes } from './commands.js';

/** What MTG-7 needs to know about an approval. */
export interface ApprovalFacts {
  /** The id of the meeting's chair (the one who chaired); `null` when nobody did. */
  readonly chairId: string | null;
  /** `actor.id` of the command. */
  readonly actorId: string;
  /** Whether draft minutes have been sent to the chair. */
  readonly hasDraft: boolean;
  /** The command's field naming the meeting (`data.meetingId`, or a sitting's `data.sittingId`). */
  readonly field: string;
}

/** MTG-7: the chair, and only the chair, approves draft minutes that have been sent to them. */
export const approvalRejection = ({
  chairId,
  actorId,
  hasDraft,
  field,
}: ApprovalFacts): Rejection | undefined => {
  if (!hasDraft) return reject('STATE', 'no draft minutes have been sent to the chair', field);
  if (chairId === null)
    return reject(
      'MTG-7',
      'nobody chaired the meeting: there is no chair to approve the minutes',
      'actor.id',
    );
  if (actorId !== chairId)
    return reject('MTG-7', `only the chair (${chairId}) may approve the minutes`, 'actor.id');
  return undefined;
};

/**
 * MTG-7: only approved minutes go anywhere (distributed or uploaded); refused at `field`, the
 * command's field naming the meeting (`data.meetingId`, or panel's `data.sittingId`).
 */
export const unapprovedRejection = (approved: boolean, field: string): Rejection | undefined =>
  check(!approved, 'MTG-7', 'the chair has not approved the minutes', field);

/** What the MTG-8 distribution list is derived from. */
export interface DistributionFacts {
  /** Ids of those at the meeting (present in person or as a deputy), in attendance-sheet order. */
  readonly present: ReadonlyArray<string>;
  /** Ids of the owners of the actions in the minutes, in the minutes' order. */
  readonly actionOwners: ReadonlyArray<string>;
}

/**
 * MTG-8 (source 001): the minutes go only to those present and to those with actions. The list
 * is derived, never typed in: those present in order, then action owners not already on it,
 * each once.
 */
export const derivedDistributionList = ({ present, actionOwners }: DistributionFacts): string[] => {
  const ids: string[] = [];
  for (const id of [...present, ...actionOwners]) if (!ids.includes(id)) ids.push(id);
  return ids;
};

/**
 * MTG-8: named recipients must all be on the derived list (else `MTG-8` on
 * `data.recipients.i`); naming nobody, or someone twice, is `INPUT`.
 */
export const distributionRejection = (
  list: ReadonlyArray<string>,
  recipients: ReadonlyArray<string>,
): Rejection | undefined => {
  if (recipients.length === 0) return reject('INPUT', 'no recipients named', 'data.recipients');
  const outsider = recipients.findIndex((r) => !list.includes(r));
  if (outsider >= 0)
    return reject(
      'MTG-8',
      `${recipients[outsider] ?? ''} was not present and has no action: minutes go only to those present and those with actions`,
      `data.recipients.${outsider}`,
    );
  return noneTwice(
    recipients,
    (r) => r,
    (r, i, twice) => [guard('INPUT', `${r} is named twice`, `data.recipients.${i}`, () => twice)],
  )();
};

/** Those on the derived list who have not been sent the minutes yet, in list order. */
export const awaitingRecipients = (
  list: ReadonlyArray<string>,
  sent: ReadonlyArray<string>,
): string[] => list.filter((id) => !sent.includes(id));

/**
 * The instant the minutes had reached everyone on the derived list, if they have: the `at` of
 * the distribution that sent them to the last person on it.
 */
export const fullyDistributedAt = (
  list: ReadonlyArray<string>,
  distributions: ReadonlyArray<{ readonly at: string; readonly recipients: ReadonlyArray<string> }>,
): string | undefined => {
  const reached = new Set<string>();
  for (const d of distributions) {
    for (const r of d.recipients) reached.add(r);
    if (list.every((id) => reached.has(id))) return d.at;
  }
  return undefined;
};

/**
 * What MTG-8's upload rule needs to know: whether the chair approved the minutes (MTG-7) and
 * whether they were uploaded already, with the upload command's own `systems` and
 * `attendanceListIncluded` (their types come from the command's codec, written once there).
 */
export type UploadFacts = Readonly<
  { approved: boolean; uploaded: boolean; field: string } & Pick<
    t.TypeOf<typeof UploadMinutes>,
    'systems' | 'attendanceListIncluded'
  >
>;

/**
 * MTG-7, MTG-8: approved minutes are uploaded once, to named case systems, with the attendance
 * list (else `MTG-8` on `data.attendanceListIncluded`).
 */
export const uploadRejection = (f: UploadFacts): Rejection | undefined =>
  firstFailure(
    () => unapprovedRejection(f.approved, f.field),
    () => check(f.uploaded, 'STATE', 'the minutes are already uploaded', f.field),
    () =>
      check(f.systems.length === 0, 'INPUT', 'name the case systems uploaded to', 'data.systems'),
    () =>
      check(
        !f.attendanceListIncluded,
        'MTG-8',
        'minutes are uploaded with the attendance list',
        'data.attendanceListIncluded',
      ),
  );

/** MTG-9: lists and hard copies are destroyed only once the minutes are uploaded. */
export const destructionRejection = (uploaded: boolean, field: string): Rejection | undefined =>
  check(
    !uploaded,
    'MTG-9',
    'the minutes and attendance list must be uploaded before the lists and hard copies are destroyed',
    field,
  );

/**
 * MTG-9 as a decision: refused before the upload; recorded once (destroying again changes
 * nothing, e.g. a retry). `destroyed` is the stream's record of the destruction, `event` records it.
 */
export const hardCopiesDestruction = <Ev>(
  uploaded: boolean,
  destroyed: unknown,
  field: string,
  event: () => Ev,
): Decision<Ev> =>
  decideWhen([() => destructionRejection(uploaded, field)], () =>
    destroyed === null ? accept(event()) : accept(),
  );
