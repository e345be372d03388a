import { closeSync, fchmodSync, lstatSync, openSync, unlinkSync, writeFileSync } from 'node:fs';
import { CliError, ExitCode } from './exit-codes.js';

/** A file a command writes: its path, the flag that named it, and whether it may replace one. */
export interface OutputFile {
  readonly path: string;
  /** The flag the path came from (`--out`, `--html`): every refusal names it. */
  readonly flag: string;
  /** `--overwrite`: the user said an existing file may be replaced. */
  readonly overwrite: boolean;
}

const exists = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

const existing = (out: OutputFile): CliError =>
  new CliError(
    `${out.flag}: ${out.path} exists already; give --overwrite to replace it`,
    ExitCode.Usage,
  );

/**
 * Refuses an output file that exists already (a link included), unless the user said
 * `--overwrite`: a usage error naming the flag. A command checks it before it reads anything, so
 * a refused run does no work and reads nothing into the access log; `writeOwnerOnly` checks it
 * again as it makes the file.
 */
export const refuseExisting = (out: OutputFile): void => {
  if (!out.overwrite && exists(out.path)) throw existing(out);
};

/**
 * Writes `text` to a new file (or, with `--overwrite`, over an existing one) readable and
 * writable by its owner only (mode 0600): a mode given when opening applies only to a new file,
 * so the file is made 0600 after it is truncated and before anything is written into it. Every
 * file the CLI writes holds personal data or evidence (a case report, a subject access response,
 * a chain anchor), so none is left readable by others, and none silently replaces another (the
 * council directory, an earlier response). A path that exists (without `--overwrite`) or cannot
 * be written is a usage error naming the flag; a file this call made is removed when its write
 * fails (a full disk, a file-size limit), so the same run can be repeated.
 */
export const writeOwnerOnly = (out: OutputFile, text: string): void => {
  let fd: number;
  // Whether this call makes the file: if so, a write that fails removes what it left, so the
  // run can be repeated (a part-written file would otherwise be refused as existing).
  const creates = !out.overwrite || !exists(out.path);
  try {
    fd = openSync(out.path, out.overwrite ? 'w' : 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw existing(out);
    throw new CliError(
      `${out.flag}: cannot write ${out.path}: ${e instanceof Error ? e.message : String(e)}`,
      ExitCode.Usage,
    );
  }
  let written = false;
  try {
    fchmodSync(fd, 0o600);
    // Every byte, or an error (a single write may write only part of the text).
    writeFileSync(fd, text);
    written = true;
  } catch (e) {
    throw new CliError(
      `${out.flag}: cannot write ${out.path}: ${e instanceof Error ? e.message : String(e)}`,
      ExitCode.Usage,
    );
  } finally {
    closeSync(fd);
    if (!written && creates) unlinkSync(out.path);
  }
};
