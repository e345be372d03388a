/** Start of a case: the concern reported (HSB-1) and links to other cases (HSB-4). */
import { instantMs, localDate } from '@aimline/calendar';
import { decideWhen, accept, guard } from '@aimline/kernel';
import type { Handler, CommandOfType, Context, Decision } from './handler.js';
import type { Child } from '../values.js';

const childChecks = (child: Child, path: string, today: string) => [
  guard(
    'INPUT',
    'a date of birth cannot be in the future',
    `${path}.dateOfBirth`,
    () => child.dateOfBirth > today,
  ),
];

/** HSB-1: every concern is reported to children's social care and the police, with both notifications. */
export const reportConcern = (command: CommandOfType<'ReportConcern'>, _ctx: Context): Decision => {
  const d = command.data;
  const today = localDate(command.at);
  return decideWhen(
    [
      guard(
        'HSB-1',
        "the notification to children's social care is missing",
        'data.notifications.childrensSocialCare',
        () => d.notifications.childrensSocialCare === undefined,
      ),
      guard(
        'HSB-1',
        'the notification to the police is missing',
        'data.notifications.police',
        () => d.notifications.police === undefined,
      ),
      ...childChecks(d.child, 'data.child', today),
      ...(d.victim === undefined ? [] : childChecks(d.victim, 'data.victim', today)),
      guard(
        'INPUT',
        'the victim child must be a different child',
        'data.victim.childId',
        () => d.victim !== undefined && d.victim.childId === d.child.childId,
      ),
      guard(
        'INPUT',
        'the behaviour cannot be dated in the future',
        'data.behaviourDate',
        () => d.behaviourDate > today,
      ),
      guard(
        'INPUT',
        'the behaviour cannot predate the birth of the child',
        'data.behaviourDate',
        () => d.behaviourDate < d.child.dateOfBirth,
      ),
      guard(
        'INPUT',
        'the disclosure cannot be after the report',
        'data.disclosedAt',
        () => instantMs(command.at) < instantMs(d.disclosedAt),
      ),
    ],
    () => {
      return accept({ type: 'ConcernReported', data: { ...d, at: command.at } });
    },
  );
};

/**
 * HSB-4: a link holds only the other case's id and the relationship, never the other child's
 * details, so one child's record is never exposed through the other's.
 */
export const linkCase: Handler<'LinkCase'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      guard('INPUT', 'a case cannot be linked to itself', 'data.linkedCaseId', () => {
        return d.linkedCaseId === s.caseId;
      }),
    ],
    () =>
      // The same link again changes nothing.
      s.links.some((l) => l.linkedCaseId === d.linkedCaseId && l.relationship === d.relationship)
        ? accept()
        : accept({
            type: 'CaseLinked',
            data: {
              caseId: s.caseId,
              linkedCaseId: d.linkedCaseId,
              relationship: d.relationship,
              at,
            },
          }),
  );
