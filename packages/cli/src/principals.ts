import * as E from 'fp-ts/lib/Either.js';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  parseDirectory,
  resolvePrincipal,
  type Directory,
  type Principal,
} from '@aimline/governance';
import { errorWithCauses, type AnyDomainModule } from '@aimline/kernel';
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
 * Reads and parses a directory file strictly: an unreadable file or any bad field is a usage
 * error (2); given the modules, so is a read rule naming a module or event that does not exist.
 */
export const loadDirectory = (
  file: string,
  modules?: ReadonlyArray<AnyDomainModule>,
): Directory => {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(
      `cannot read the principals file ${file}: ${errorWithCauses(e)}`,
      ExitCode.Usage,
    );
  }
  const directory = parseDirectory(json, modules);
  if (E.isLeft(directory)) throw new CliError(`${file}: ${directory.left.message}`, ExitCode.Usage);
  return directory.right;
};

/**
 * The principal a command runs as: `--as` resolved in the directory. Without `--as` or a
 * directory, a usage error (2); an unknown principal, a forged id or a principal without a
 * role is refused (1).
 */
export const principalOf = (
  as: string | undefined,
  file: string | undefined,
  what: string,
  modules?: ReadonlyArray<AnyDomainModule>,
): { readonly directory: Directory; readonly principal: Principal } => {
  if (as === undefined || file === undefined)
    throw new CliError(
      `${what} runs as a principal of the council directory: give --as PRINCIPAL_ID and --principals FILE (or AIMLINE_AS, AIMLINE_PRINCIPALS)`,
      ExitCode.Usage,
    );
  const directory = loadDirectory(file, modules);
  const principal = resolvePrincipal(directory, as);
  if (E.isLeft(principal)) throw new CliError(principal.left.message, ExitCode.Failed);
  return { directory, principal: principal.right };
};
