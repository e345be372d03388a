import { closeSync, fchmodSync, openSync, writeSync } from 'node:fs';
import { CliError, ExitCode } from './exit-codes.js';

/**
 * Writes `text` to `path` readable and writable by its owner only (mode 0600), also over an
 * existing file: a mode given when opening applies only to a new file, so the file is made 0600
 * after it is truncated and before anything is written into it. Every file the CLI writes holds
 * personal data or evidence (a case report, a subject access response, a chain anchor), so none
 * is left readable by others. A path that cannot be written is a usage error naming `flag`.
 */
export const writeOwnerOnly = (path: string, text: string, flag: string): void => {
  try {
    const fd = openSync(path, 'w', 0o600);
    try {
      fchmodSync(fd, 0o600);
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new CliError(
      `${flag}: cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`,
      ExitCode.Usage,
    );
  }
};
