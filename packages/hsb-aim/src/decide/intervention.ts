/** Intervention: contacts and supervision (HSB-25), 6-weekly reviews (HSB-26). Never before an agreed plan. */
import { decideWhen, accept, firstFailure, guard, type Check } from '@aimline/kernel';
import { outcomeFitsModel } from './guards.js';
import type { Handler } from './handler.js';
import type { OpenCase } from '../state.js';

/** No intervention work before an agreed plan (HSB-22), nor after the intervention has ended. */
const interventionRunning =
  (s: OpenCase, ruleId: string): Check =>
  () =>
    firstFailure(
      guard(
        ruleId,
        'no intervention work before an intervention plan is agreed at the initial AIM meeting',
        'data.caseId',
        () => s.intervention.planAgreedAt === undefined,
      ),
      guard(
        'STATE',
        'the intervention has ended',
        'data.caseId',
        () => s.intervention.endedAt !== undefined,
      ),
    );

export const recordContact: Handler<'RecordContact'> = (command, s) =>
  decideWhen([interventionRunning(s, 'HSB-25')], () =>
    accept({ type: 'ContactRecorded', data: { ...command.data, at: command.at } }),
  );

export const recordPractitionerSupervision: Handler<'RecordPractitionerSupervision'> = (
  command,
  s,
) =>
  decideWhen(
    [
      interventionRunning(s, 'HSB-25'),
      guard(
        'INPUT',
        'no practitioners listed',
        'data.practitionerIds',
        () => command.data.practitionerIds.length === 0,
      ),
    ],
    () => accept({ type: 'PractitionerSupervised', data: { ...command.data, at: command.at } }),
  );

export const changeIntensity: Handler<'ChangeIntensity'> = (command, s) =>
  decideWhen([interventionRunning(s, 'HSB-25')], () => {
    if (s.intervention.intensive === command.data.intensive) return accept();
    return accept({ type: 'IntensityChanged', data: { ...command.data, at: command.at } });
  });

/** HSB-26: re-scored, work done, remaining concerns, next plan, signed off by managers. */
export const holdReview: Handler<'HoldReview'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      interventionRunning(s, 'HSB-26'),
      outcomeFitsModel(d.rescored, s, 'data.rescored'),
      guard(
        'HSB-26',
        'the review papers are signed off by the managers',
        'data.signedOffBy',
        () => d.signedOffBy.length === 0,
      ),
    ],
    () => accept({ type: 'ReviewHeld', data: { ...d, at } }),
  );
