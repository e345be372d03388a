/** HSB-31: a disagreement escalates to the assessors' line managers, then the professional-differences policy. */
import { decideWhen, accept, guard } from '@aimline/kernel';
import type { Handler } from './handler.js';

export const escalateDisagreement: Handler<'EscalateDisagreement'> = ({ data: d, at }, s) => {
  const known = s.disagreements.find((x) => x.disagreementId === d.disagreementId);
  const atLineManagers = known?.stages.some((x) => x.stage === 'line-managers') ?? false;
  return decideWhen(
    [
      guard(
        'STATE',
        'the disagreement is resolved',
        'data.disagreementId',
        () => known?.resolvedAt !== undefined,
      ),
      guard(
        'HSB-31',
        "a disagreement goes to the assessors' line managers first",
        'data.stage',
        () => d.stage === 'professional-differences' && !atLineManagers,
      ),
      guard(
        'STATE',
        `already escalated to ${d.stage}`,
        'data.stage',
        () => known?.stages.some((x) => x.stage === d.stage) ?? false,
      ),
    ],
    () => accept({ type: 'DisagreementEscalated', data: { ...d, at } }),
  );
};

export const resolveDisagreement: Handler<'ResolveDisagreement'> = (command, s) => {
  const known = s.disagreements.find((x) => x.disagreementId === command.data.disagreementId);
  return decideWhen(
    [
      guard(
        'STATE',
        'no open disagreement with this id',
        'data.disagreementId',
        () => known === undefined || known.resolvedAt !== undefined,
      ),
    ],
    () => accept({ type: 'DisagreementResolved', data: { ...command.data, at: command.at } }),
  );
};
