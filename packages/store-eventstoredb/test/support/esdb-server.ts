import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the real-server tests get EventStoreDB from:
 * - the vendored server (EventStoreDB 23.10.8 ported to .NET 10), built by its `build.sh`
 *   into a cache folder outside the repository (about a minute once, then cached) and
 *   started by the tests themselves on loopback addresses (`esdb-node.ts`);
 * - `EVENTSTORE_URL` (any other server: `esdb://host:2113?tls=false`, a cluster …) for the
 *   tests that need no process of their own (the contract suite);
 * - else a reason to skip, naming exactly what failed. Only a missing .NET SDK or missing
 *   vendored sources skip; a build that fails is a test failure.
 */
export type ServerBinary =
  | { readonly kind: 'binary'; readonly bin: string }
  | { readonly kind: 'skip'; readonly reason: string };

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The vendored server's folder: `AIMLINE_ESDB_VENDOR` when set; else `../shared/vendor/eventstoredb`
 * beside the repository (the canonical checkout's layout); else `/work/shared/vendor/eventstoredb`
 * (CI clones elsewhere, where `../shared` is not the shared folder).
 */
export const vendorCandidates = (): string[] => {
  const fromEnv = process.env['AIMLINE_ESDB_VENDOR'];
  if (fromEnv !== undefined && fromEnv.length > 0) return [resolve(fromEnv)];
  return [
    join(REPO_ROOT, '..', 'shared', 'vendor', 'eventstoredb'),
    '/work/shared/vendor/eventstoredb',
  ];
};

export const vendorDirectory = (): string | undefined =>
  vendorCandidates().find((d) => existsSync(join(d, 'build.sh')));

let cached: ServerBinary | undefined;

/**
 * The server's executable, built once per machine (the build script caches it in
 * `ESDB_BUILD_DIR`, default `~/.cache/eventstoredb-23.10.8-net10`). Test files run in
 * parallel processes, so the build runs under a lock.
 */
export const serverBinary = (): ServerBinary => {
  if (cached !== undefined) return cached;
  cached = locateAndBuild();
  return cached;
};

const locateAndBuild = (): ServerBinary => {
  const vendor = vendorDirectory();
  if (vendor === undefined)
    return {
      kind: 'skip',
      reason: `no vendored EventStoreDB sources (build.sh) in ${vendorCandidates().join(' or ')}; set AIMLINE_ESDB_VENDOR`,
    };
  const dotnet = spawnSync('dotnet', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (dotnet.error !== undefined || dotnet.status !== 0)
    return {
      kind: 'skip',
      reason: `the .NET SDK is not available (\`dotnet --version\`: ${dotnet.error?.message ?? dotnet.stderr.trim()})`,
    };
  const cacheRoot = process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache');
  mkdirSync(cacheRoot, { recursive: true });
  const build = spawnSync(
    'flock',
    [join(cacheRoot, 'aimline-esdb-build.lock'), 'bash', join(vendor, 'build.sh')],
    { encoding: 'utf8', timeout: 15 * 60_000 },
  );
  const lines = (build.stdout ?? '').trim().split('\n');
  const bin = lines[lines.length - 1] ?? '';
  if (build.error !== undefined || build.status !== 0 || !existsSync(bin))
    throw new Error(
      `building the vendored EventStoreDB (${join(vendor, 'build.sh')}) failed: ${
        build.error?.message ?? lastLines(build.stderr ?? '', 15)
      }`,
    );
  return { kind: 'binary', bin };
};

const lastLines = (text: string, n: number): string => text.trim().split('\n').slice(-n).join('\n');

/** `EVENTSTORE_URL` when set. */
export const externalServerUrl = (): string | undefined => {
  const url = process.env['EVENTSTORE_URL'];
  return url === undefined || url.length === 0 ? undefined : url;
};

/** A banner no one scrolling a CI log can miss. */
export const loudWarning = (lines: ReadonlyArray<string>): void => {
  const bar = '!'.repeat(100);
  console.warn([bar, ...lines.map((l) => `!!  ${l}`), bar].join('\n'));
};

/** Warns loudly that `what` is skipped and why (a skipped test must say so in every report). */
export const warnSkipped = (what: string, reason: string): void =>
  loudWarning([
    `${what} ARE SKIPPED.`,
    `Reason: ${reason}`,
    'Install the .NET 10 SDK (the vendored server is built from source), or set',
    'EVENTSTORE_URL=esdb://host:2113?tls=false for the tests that can use any server.',
  ]);
