import * as E from 'fp-ts/lib/Either.js';
import { existsSync, statSync, type BigIntStats } from 'node:fs';
import { describeJsonRefusal, parseStrictJson, readPolicyFile } from '@aimline/aimline';
import { resolve } from 'node:path';
import {
  parseDirectory,
  resolvePrincipal,
  type Directory,
  type Principal,
} from '@aimline/governance';
import type { AnyDomainModule } from '@aimline/kernel';
import { CliError, ExitCode } from './exit-codes.js';
import type { StoreLocation } from './store-url.js';

/**
 * The council directory file the CLI uses: `--principals FILE` (or AIMLINE_PRINCIPALS); without
 * it, beside a SQLite store (`PATH.principals.json`, where `demo` writes its invented
 * directory) when that file exists.
 */
export const principalsPath = (
  given: string | undefined,
  location: StoreLocation,
): string | undefined => {
  if (given !== undefined) return given;
  const beside = defaultPrincipalsPath(location);
  return beside !== undefined && existsSync(beside) ? beside : undefined;
};

/** Where `demo` writes its directory when no `--principals` is given: beside a SQLite store (else nowhere). */
export const defaultPrincipalsPath = (location: StoreLocation): string | undefined =>
  location.kind === 'sqlite' ? `${resolve(location.path)}.principals.json` : undefined;

/**
 * A directory file that cannot be read or does not parse: a usage error (2) whose message gives
 * every problem, and a `fault` that names only the file and the fields at fault (never a value:
 * a directory names staff), for a server's log (`DirectoryUnavailable`).
 */
export class DirectoryFileError extends CliError {
  constructor(
    message: string,
    readonly fault: string,
  ) {
    super(message, ExitCode.Usage);
    this.name = 'DirectoryFileError';
  }
}

/**
 * Reads and parses a directory file strictly: an unreadable file or any bad field is a usage
 * error (2, `DirectoryFileError`); given the modules, so is a read rule naming a module or event
 * that does not exist.
 */
export const loadDirectory = (file: string, modules?: ReadonlyArray<AnyDomainModule>): Directory =>
  parsedDirectory(file, readDirectoryText(file), modules);

const readDirectoryText = (file: string): string => {
  const text = readPolicyFile(file);
  if (E.isLeft(text))
    throw new DirectoryFileError(
      `cannot read the principals file ${file}: ${text.left}`,
      `cannot read ${file}: ${text.left}`,
    );
  return text.right;
};

const parsedDirectory = (
  file: string,
  text: string,
  modules: ReadonlyArray<AnyDomainModule> | undefined,
): Directory => {
  // Strictly, once: a member given twice (JSON.parse would keep the last: a second `roles` or
  // `allocations` would silently replace the first) is refused by name, as in every policy file.
  const json = parseStrictJson(text);
  if (E.isLeft(json))
    throw new DirectoryFileError(
      `cannot read the principals file ${file}: ${describeJsonRefusal(json.left)}`,
      `${file}: ${describeJsonRefusal(json.left)}`,
    );
  const directory = parseDirectory(json.right, modules);
  if (E.isLeft(directory)) {
    const fields =
      directory.left.kind === 'InvalidDirectory'
        ? directory.left.problems.map((p) => p.path).join(', ')
        : '(root)';
    throw new DirectoryFileError(
      `${file}: ${directory.left.message}`,
      `${file} is not a valid directory; fields at fault: ${fields} (any aimline command given --principals ${file} prints why)`,
    );
  }
  return directory.right;
};

/** Gives the parsed directory held in a file (see `directoryLoader`). */
export type DirectoryLoader = (file: string) => Directory;

/**
 * How long after its last change a file's status alone says it is unchanged. A change sets the
 * file's ctime to the kernel's (coarse) clock, so a rewrite of the same size within the same
 * timestamp tick as the bytes last read would leave its status as it was: until the change is
 * this old, the bytes are read and compared instead (git's "racily clean" rule). Generous for
 * coarse filesystems and small clock steps.
 */
const SETTLED_MS = 3000;

/** What changes whenever the file's bytes may have: device, inode (a rename over), size, times. */
const stampOf = (s: BigIntStats): string => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;

/**
 * A runtime's directory: each file parsed once (a command reads as its principal many times;
 * `serve` identifies, permits and reads several times per request), and parsed again only when
 * the file's bytes differ from the bytes last parsed — `demo` writes the directory during a run,
 * and a council may replace it while `serve` runs — so a lookup never applies rules the file no
 * longer holds and a leaver is refused from the next lookup on. Each lookup takes the file's
 * status (one `stat`); while it matches the status the last parse was read under and that status
 * is settled (`SETTLED_MS`), the bytes are not read again. A file that cannot be read or parsed
 * is refused each time, never served from the last good parse. `now` is the wall clock (ms).
 */
export const directoryLoader = (
  modules?: ReadonlyArray<AnyDomainModule>,
  now: () => number = Date.now,
): DirectoryLoader => {
  let last: { file: string; stamp: string; text: string; directory: Directory } | undefined;
  let settled = false;
  return (file) => {
    const readAt = now();
    const status = statSync(file, { bigint: true, throwIfNoEntry: false });
    const stamp = status === undefined ? '' : stampOf(status);
    if (settled && last?.file === file && last.stamp === stamp) return last.directory;
    const text = readDirectoryText(file);
    const directory =
      last?.file === file && last.text === text
        ? last.directory
        : parsedDirectory(file, text, modules);
    last = { file, stamp, text, directory };
    settled = status !== undefined && Number(status.ctimeNs / 1_000_000n) < readAt - SETTLED_MS;
    return directory;
  };
};

/**
 * The principal a command runs as: `--as` resolved in the directory (`load`: the runtime's
 * `directoryLoader`). Without `--as` or a directory, a usage error (2); an unknown principal, a
 * forged id or a principal without a role is refused (1), naming `--as (AIMLINE_AS)`: the id may
 * have come from either.
 */
export const principalOf = (
  as: string | undefined,
  file: string | undefined,
  what: string,
  load: DirectoryLoader,
): { readonly directory: Directory; readonly principal: Principal } => {
  if (as === undefined || file === undefined)
    throw new CliError(
      `${what} runs as a principal of the council directory: give --as PRINCIPAL_ID and --principals FILE (or AIMLINE_AS, AIMLINE_PRINCIPALS)`,
      ExitCode.Usage,
    );
  const directory = load(file);
  const principal = resolvePrincipal(directory, as);
  // Unknown, forged or role-less: the refusal names where the principal came from (the flag,
  // or the variable that stands for it).
  if (E.isLeft(principal))
    throw new CliError(`--as (AIMLINE_AS): ${principal.left.message}`, ExitCode.Failed);
  return { directory, principal: principal.right };
};
