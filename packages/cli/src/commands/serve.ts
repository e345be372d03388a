/**
 * `aimline serve`: the HTTP API (`@aimline/http`) over the store, the council policy and the
 * council directory (`--principals`), on loopback unless `--host` says otherwise. Callers
 * authenticate with a JWT from the council's identity provider (`--jwt-issuer`,
 * `--jwt-audience`, and `--jwks-url` or `--jwt-keys FILE`); its subject must be a principal of
 * the directory, whose command policy decides what they may do.
 */
import { InvalidArgumentError } from 'commander';
import { resolvePrincipal, type Directory } from '@aimline/governance';
import { DirectoryUnavailable } from '@aimline/aimline';
import { createHttpApi, jwtAuthenticator, jwtKeysFromFile, type JwtKeys } from '@aimline/http';
import { errorWithCauses } from '@aimline/kernel';
import { CliError, ExitCode } from '../exit-codes.js';
import { DirectoryFileError, directoryLoader } from '../principals.js';
import type { Runtime } from '../runtime.js';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly jwksUrl?: URL;
  readonly jwtKeys?: string;
  readonly jwtAlgorithm: string;
  readonly maxBodyBytes: number;
}

/** `--port`: 0 (any free port) to 65535, plain digits. */
export const portFlag = (value: string): number => {
  const n = /^(0|[1-9]\d{0,4})$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new InvalidArgumentError('expected a port number 0-65535');
  return n;
};

/** `--host`: an IPv4 or IPv6 address literal (no names: say exactly where it listens). */
export const hostFlag = (value: string): string => {
  if (/^(\d{1,3}\.){3}\d{1,3}$/.test(value) && value.split('.').every((o) => Number(o) <= 255))
    return value;
  if (/^[0-9a-fA-F:]+$/.test(value) && value.includes(':')) return value;
  throw new InvalidArgumentError('expected an IP address, e.g. 127.0.0.1 or ::1');
};

/** `--jwks-url`: an https URL (http only on loopback, for a local identity provider). */
export const jwksUrlFlag = (value: string): URL => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected a URL, e.g. https://login.council.example/jwks');
  }
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new InvalidArgumentError('expected an https URL (http only on loopback)');
  return url;
};

const jwtKeys = async (o: ServeOptions): Promise<JwtKeys> => {
  if ((o.jwksUrl === undefined) === (o.jwtKeys === undefined))
    throw new CliError('give exactly one of --jwks-url and --jwt-keys', ExitCode.Usage);
  if (o.jwksUrl !== undefined) return { kind: 'jwksUrl', url: o.jwksUrl };
  try {
    return await jwtKeysFromFile(o.jwtKeys!, o.jwtAlgorithm);
  } catch (e) {
    throw new CliError(`--jwt-keys: ${errorWithCauses(e)}`, ExitCode.Usage);
  }
};

/**
 * Serves until SIGINT or SIGTERM, then closes the server (disposing the runtime stops the
 * process managers and closes the store).
 */
export const serve = async (rt: Runtime, o: ServeOptions): Promise<number> => {
  if (rt.principalsFile === undefined)
    throw new CliError(
      'serve needs the council directory: give --principals FILE (or AIMLINE_PRINCIPALS)',
      ExitCode.Usage,
    );
  // The directory in force for each request: each lookup (identify, permit, read rules: several
  // per request) takes the file's status, and the file is read and parsed again only when it may
  // have changed (`directoryLoader`), so a leaver removed from the file is refused from the next
  // request on, without a restart. Read once now so that a bad file stops the server before it
  // listens.
  // A file that stops parsing while it serves fails each request with 503 (`DirectoryUnavailable`),
  // its log line naming the fields at fault, never their values.
  const load = directoryLoader(rt.registry.modules);
  const file = rt.principalsFile;
  load(file);
  const directory = (): Directory => {
    try {
      return load(file);
    } catch (e) {
      if (e instanceof DirectoryFileError) throw new DirectoryUnavailable(e.fault);
      throw e;
    }
  };
  const authenticate = await jwtAuthenticator({
    issuer: o.jwtIssuer,
    audience: o.jwtAudience,
    keys: await jwtKeys(o),
  });
  // The runtime's Aimline, with the process managers running live while it serves.
  const aimline = rt.aimline(directory, 'live');
  const app = await createHttpApi({
    aimline,
    authenticate,
    resolvePrincipal: (subject) => resolvePrincipal(directory(), subject),
    limits: { bodyBytes: o.maxBodyBytes },
    log: (entry) => process.stderr.write(`${JSON.stringify(entry)}\n`),
  });
  try {
    await app.listen({ host: o.host, port: o.port });
  } catch (e) {
    throw new CliError(
      `cannot listen on ${o.host}:${o.port}: ${errorWithCauses(e)}`,
      ExitCode.Failed,
    );
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : o.port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  rt.output.line(
    `aimline: serving http://${host}:${port} (OpenAPI: http://${host}:${port}/openapi.json)`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  return ExitCode.Ok;
};
