import type { CommandFailure } from './command-handler.js';

const describe = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
};

/** The messages of an error and of each error in its `cause` chain, deduplicated. */
export const errorWithCauses = (error: unknown): string => {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    const message = e instanceof Error ? e.message : typeof e === 'string' ? e : describe(e);
    if (!parts.some((p) => p.includes(message))) parts.push(message);
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(': caused by: ');
};

/**
 * One line for a person about a failed command: the rule and field of a rejection, the fields
 * of an invalid command, and for a store failure its kind and cause (never a bare kind).
 */
export const describeCommandFailure = (failure: CommandFailure): string => {
  switch (failure.kind) {
    case 'Rejected':
      return `${failure.rejection.ruleId}: ${failure.rejection.reason}${failure.rejection.field ? ` [${failure.rejection.field}]` : ''}`;
    case 'InvalidCommand':
      return failure.message;
    case 'CorruptHistory':
      return `corrupt history: ${failure.error.message}`;
    case 'Conflict':
      return `conflict after ${failure.attempts} attempts: ${failure.error.message}`;
    case 'IdempotencyConflict':
      return failure.error.message;
    case 'StoreFailure':
      return `store failure (${failure.error.kind}): ${errorWithCauses(failure.error)}`;
  }
};
