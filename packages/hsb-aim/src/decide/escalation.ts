/** HSB-31: a disagreement escalates to the assessors' line managers, then the professional-differences policy. */
import * as E from 'fp-ts/lib/Either.js';
import { firstFailure, ok, when, type Handler } from './common.js';

export const escalateDisagreement: Handler<'EscalateDisagreement'> = (command, s) => {
  const d = command.data;
  const known = s.disagreements.find((x) => x.disagreementId === d.disagreementId);
  const atLineManagers = known?.stages.some((x) => x.stage === 'line-managers') ?? false;
  const failure = firstFailure(
    () =>
      when(
        known?.resolvedAt !== undefined,
        'STATE',
        'the disagreement is resolved',
        'data.disagreementId',
      ),
    () =>
      when(
        d.stage === 'professional-differences' && !atLineManagers,
        'HSB-31',
        "a disagreement goes to the assessors' line managers first",
        'data.stage',
      ),
    () =>
      when(
        known?.stages.some((x) => x.stage === d.stage) ?? false,
        'STATE',
        `already escalated to ${d.stage}`,
        'data.stage',
      ),
  );
  return failure
    ? E.left(failure)
    : ok({ type: 'DisagreementEscalated', data: { ...d, at: command.at } });
};

export const resolveDisagreement: Handler<'ResolveDisagreement'> = (command, s) => {
  const known = s.disagreements.find((x) => x.disagreementId === command.data.disagreementId);
  const failure = when(
    known === undefined || known.resolvedAt !== undefined,
    'STATE',
    'no open disagreement with this id',
    'data.disagreementId',
  );
  return failure
    ? E.left(failure)
    : ok({ type: 'DisagreementResolved', data: { ...command.data, at: command.at } });
};
