/**
 * NAT-7 across a pupil's cases: a penalty notice counts towards the 3-year limits whichever of
 * the pupil's cases issued it (a pupil may have had a case at another school, or an earlier
 * case). A decider sees one stream, so the pupil's earlier notices come with the command as a
 * fact (`RecordLegalStep.data.priorPenaltyNotices`), computed by these pure functions from the
 * states of the pupil's other cases. The embedding application loads those states (issue 15:
 * from a projection of cases by pupil).
 */
import type { AttendanceAimState } from './state.js';
import type { PriorPenaltyNotice } from './values.js';

/** The penalty notices a case issued, as facts another case of the pupil can be given. */
export const penaltyNoticesOf = (state: AttendanceAimState): PriorPenaltyNotice[] =>
  state.status === 'none'
    ? []
    : state.stepOrder.flatMap((id) => {
        const step = state.legalSteps[id]?.step;
        return step?.kind === 'penalty-notice'
          ? [
              {
                pupilId: state.pupil.pupilId,
                caseId: state.caseId,
                stepId: id,
                parentId: step.parentId,
                issuedOn: step.issuedOn,
              },
            ]
          : [];
      });

/**
 * The fact for a penalty notice on case `caseId` of pupil `pupilId`: every notice the pupil's
 * other cases issued (the case's own notices are in its own stream).
 */
export const priorPenaltyNoticesFor = (
  pupilId: string,
  caseId: string,
  states: ReadonlyArray<AttendanceAimState>,
): PriorPenaltyNotice[] =>
  states.flatMap(penaltyNoticesOf).filter((n) => n.pupilId === pupilId && n.caseId !== caseId);
