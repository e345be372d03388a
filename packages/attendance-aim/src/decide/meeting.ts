/** The AIM (ATT-4, ATT-5): who attended and whether it proceeded. */
import { isBefore, localDate } from '@aimline/calendar';
import {
  accept,
  decideWhen,
  decideWith,
  eachItem,
  found,
  guard,
  isUnavailablePersonalData,
} from '@aimline/kernel';
import { aimIn } from './aim-meeting.js';
import type { Handler } from './handler.js';
import { mayProceed } from '../meeting-rule.js';
import { schoolPhase, yearGroupOn } from '../school-year.js';
import type { AttendeeRole } from '../values.js';

/** ATT-4: the two members of staff the source expects. */
const expectedStaff: ReadonlyArray<AttendeeRole> = ['attendance-lead', 'senior-leader'];

export const recordAimAttendance: Handler<'RecordAimAttendance'> = ({ data: d, at }, s, policy) => {
  const pupils = d.attendees.filter((a) => a.role === 'pupil').length;
  return decideWith(aimIn(s, d.meetingId, 'scheduled', 'is already recorded'), (meeting) =>
    decideWhen(
      [
        guard('INPUT', `meeting ${d.meetingId} has not started yet`, 'data.meetingId', () => {
          return isBefore(at, meeting.start);
        }),
        // ATT-2, ATT-3: each parent with day-to-day responsibility was written to, individually, for this date.
        eachItem(Object.values(s.parents), (parent) => [
          guard(
            'ATT-2',
            `parent ${parent.parentId} was not sent the AIM letter for this date`,
            'data.meetingId',
            () =>
              parent.dayToDayResponsibility &&
              meeting.letters[parent.parentId]?.forStart !== meeting.start,
          ),
        ]),
        eachItem(d.attendees, (a, i) => [
          guard(
            'INPUT',
            'a parent or carer present must be one recorded on the case',
            `data.attendees.${i}.parentId`,
            () =>
              a.role === 'parent-carer' &&
              (a.parentId === undefined || s.parents[a.parentId] === undefined),
          ),
        ]),
        guard('INPUT', 'the pupil is listed more than once', 'data.attendees', () => pupils > 1),
        guard(
          'ATT-4',
          "the pupil's date of birth has been erased: who is expected at the meeting cannot be judged",
          'data.attendees',
          () => isUnavailablePersonalData(s.pupil.dateOfBirth),
        ),
      ],
      // ATT-4, ATT-5: who attended the AIM, and whether it proceeded.
      () => {
        const pupilPresent = pupils === 1;
        const yearGroup = yearGroupOn(s.pupil.dateOfBirth, localDate(meeting.start));
        const phase = schoolPhase(yearGroup, policy.secondaryFromYearGroup);
        const pupilExpected = yearGroup >= policy.pupilExpectedFromYearGroup;
        // ATT-4: parents/carers with day-to-day responsibility count as the parents at the meeting.
        const parentsPresent = d.attendees.some(
          (a) =>
            a.role === 'parent-carer' &&
            a.parentId !== undefined &&
            s.parents[a.parentId]?.dayToDayResponsibility === true,
        );
        const facts = {
          caseId: d.caseId,
          meetingId: d.meetingId,
          attendees: d.attendees,
          yearGroup,
          phase,
          pupilExpected,
          pupilPresent,
          parentsPresent,
          at,
        };
        const decision = mayProceed({ pupilPresent, parentsPresent, pupilExpected, phase });
        if (decision.proceed) {
          const present = new Set(d.attendees.map((a) => a.role));
          const missingRoles = expectedStaff.filter((r) => !present.has(r));
          return accept({ type: 'AimHeld', data: { ...facts, missingRoles } });
        }
        // ATT-5: a meeting that must not proceed is recorded as not held, with what happens next.
        return decideWith(
          found(
            d.ifNotProceeding,
            'ATT-5',
            `the AIM must not proceed (${decision.reason}); say what happens next`,
            'data.ifNotProceeding',
          ),
          (nextStep) =>
            accept({ type: 'AimNotHeld', data: { ...facts, reason: decision.reason, nextStep } }),
        );
      },
    ),
  );
};
