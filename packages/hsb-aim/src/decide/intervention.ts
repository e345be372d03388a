/** Intervention: contacts and supervision (HSB-25), 6-weekly reviews (HSB-26). Never before an agreed plan. */
import { decideWhen, accept, check, reject, type Rejection } from '@aimline/kernel';
import type { Handler } from './handler.js';
import type { OpenCase } from '../state.js';
import { outcomeFitsModel } from './supervision.js';

/** No intervention work before an agreed plan (HSB-22), nor after the intervention has ended. */
export const interventionRunning = (s: OpenCase, ruleId: string): Rejection | undefined => {
  if (s.intervention.planAgreedAt === undefined)
    return reject(
      ruleId,
      'no intervention work before an intervention plan is agreed at the initial AIM meeting',
    );
  if (s.intervention.endedAt !== undefined) return reject('STATE', 'the intervention has ended');
  return undefined;
};

export const recordContact: Handler<'RecordContact'> = (command, s) =>
  decideWhen([() => interventionRunning(s, 'HSB-25')], () =>
    accept({ type: 'ContactRecorded', data: { ...command.data, at: command.at } }),
  );

export const recordPractitionerSupervision: Handler<'RecordPractitionerSupervision'> = (
  command,
  s,
) =>
  decideWhen(
    [
      () => interventionRunning(s, 'HSB-25'),
      () =>
        check(
          command.data.practitionerIds.length === 0,
          'INPUT',
          'no practitioners listed',
          'data.practitionerIds',
        ),
    ],
    () => accept({ type: 'PractitionerSupervised', data: { ...command.data, at: command.at } }),
  );

export const changeIntensity: Handler<'ChangeIntensity'> = (command, s) =>
  decideWhen([() => interventionRunning(s, 'HSB-25')], () => {
    if (s.intervention.intensive === command.data.intensive) return accept();
    return accept({ type: 'IntensityChanged', data: { ...command.data, at: command.at } });
  });

/** HSB-26: re-scored, work done, remaining concerns, next plan, signed off by managers. */
export const holdReview: Handler<'HoldReview'> = (command, s) => {
  const d = command.data;
  return decideWhen(
    [
      () => interventionRunning(s, 'HSB-26'),
      () => outcomeFitsModel(d.rescored, s, 'data.rescored'),
      () =>
        check(
          d.signedOffBy.length === 0,
          'HSB-26',
          'the review papers are signed off by the managers',
          'data.signedOffBy',
        ),
    ],
    () => accept({ type: 'ReviewHeld', data: { ...d, at: command.at } }),
  );
};
