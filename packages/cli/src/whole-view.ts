import type { PersonalDataCategory } from '@aimline/kernel';
import { modulesNotWhollyRead, PERSONAL_DATA_CATEGORIES } from '@aimline/governance';
import { CliError, ExitCode } from './exit-codes.js';
import type { Runtime } from './runtime.js';

/**
 * The principal's view (`rt.visible`) for a duty over the whole store (`retention`, `sar`):
 * refused, FORBIDDEN naming the principal and the modules, unless their read rules show every
 * event of every record with `needs` (the categories the duty reads; default all). A partial
 * view would judge a person due for erasure without the records that keep them, or answer a
 * subject access request with less than everything held. `categories` narrows the read itself.
 */
export const wholeView = (
  rt: Runtime,
  what: string,
  needs: ReadonlyArray<PersonalDataCategory> = PERSONAL_DATA_CATEGORIES,
  categories?: ReadonlyArray<PersonalDataCategory>,
) => {
  const { directory, principal } = rt.governance(what);
  const missing = modulesNotWhollyRead(
    directory.reads,
    principal,
    rt.registry.modules.map((m) => m.name),
    needs,
  );
  if (missing.length > 0)
    throw new CliError(
      `FORBIDDEN: principal "${principal.id}" (${principal.role}) may not run ${what}: it needs every record, and their read rules do not show all of ${missing.join(', ')}`,
      ExitCode.Failed,
    );
  return rt.visible(what, categories);
};
