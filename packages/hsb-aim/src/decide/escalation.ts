/** HSB-31: a disagreement escalates to the assessors' line managers, then the professional-differences policy. */
import { decideWhen, accept, check } from '@aimline/kernel';
import type { Handler } from './handler.js';

export const escalateDisagreement: Handler<'EscalateDisagreement'> = (command, s) => {
  const d = command.data;
  const known = s.disagreements.find((x) => x.disagreementId === d.disagreementId);
  const atLineManagers = known?.stages.some((x) => x.stage === 'line-managers') ?? false;
  return decideWhen(
    [
      () =>
        check(
          known?.resolvedAt !== undefined,
          'STATE',
          'the disagreement is resolved',
          'data.disagreementId',
        ),
      () =>
        check(
          d.stage === 'professional-differences' && !atLineManagers,
          'HSB-31',
          "a disagreement goes to the assessors' line managers first",
          'data.stage',
        ),
      () =>
        check(
          known?.stages.some((x) => x.stage === d.stage) ?? false,
          'STATE',
          `already escalated to ${d.stage}`,
          'data.stage',
        ),
    ],
    () => accept({ type: 'DisagreementEscalated', data: { ...d, at: command.at } }),
  );
};

export const resolveDisagreement: Handler<'ResolveDisagreement'> = (command, s) => {
  const known = s.disagreements.find((x) => x.disagreementId === command.data.disagreementId);
  return decideWhen(
    [
      () =>
        check(
          known === undefined || known.resolvedAt !== undefined,
          'STATE',
          'no open disagreement with this id',
          'data.disagreementId',
        ),
    ],
    () => accept({ type: 'DisagreementResolved', data: { ...command.data, at: command.at } }),
  );
};
