import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Where the real-server tests get a server from:
 * - `EVENTSTORE_URL` (any server: `esdb://host:2113?tls=false`, a 3-node cluster …);
 * - else the embedded KurrentDB host in ../../host, built once with `dotnet build` (output
 *   cached in host/bin, git-ignored) and started per test file;
 * - else a reason to skip, naming exactly what failed.
 */
export type RealServerSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'host'; readonly dll: string }
  | { readonly kind: 'skip'; readonly reason: string };

export const HOST_DIR = fileURLToPath(new URL('../../host/', import.meta.url));
const HOST_DLL = join(HOST_DIR, 'bin', 'Release', 'net10.0', 'KurrentHost.dll');
const HOST_SOURCES = ['Program.cs', 'KurrentHost.csproj'].map((f) => join(HOST_DIR, f));

export const findRealServer = (): RealServerSource => {
  const url = process.env['EVENTSTORE_URL'];
  if (url !== undefined && url.length > 0) return { kind: 'url', url };
  const version = spawnSync('dotnet', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (version.error !== undefined || version.status !== 0)
    return {
      kind: 'skip',
      reason: `the .NET SDK is not available (\`dotnet --version\`: ${version.error?.message ?? version.stderr.trim()})`,
    };
  if (isBuildFresh()) return { kind: 'host', dll: HOST_DLL };
  const build = spawnSync('dotnet', ['build', HOST_DIR, '-c', 'Release', '-nologo', '-v', 'q'], {
    encoding: 'utf8',
    timeout: 8 * 60_000,
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
  });
  if (build.error !== undefined)
    return { kind: 'skip', reason: `\`dotnet build host\` failed to run: ${build.error.message}` };
  if (build.status !== 0 || !existsSync(HOST_DLL))
    return { kind: 'skip', reason: firstErrorLine(`${build.stdout}\n${build.stderr}`) };
  return { kind: 'host', dll: HOST_DLL };
};

const isBuildFresh = (): boolean => {
  if (!existsSync(HOST_DLL)) return false;
  const built = statSync(HOST_DLL).mtimeMs;
  return HOST_SOURCES.every((f) => statSync(f).mtimeMs <= built);
};

/** The restore or build error as dotnet printed it (first `error` line, without the project path). */
export const firstErrorLine = (output: string): string => {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const error =
    lines.find((l) => /\berror\b/i.test(l)) ??
    lines[lines.length - 1] ??
    'dotnet build failed with no output';
  return error.replace(/^.*KurrentHost\.csproj\s*:\s*/, '');
};

export interface RunningHost {
  readonly url: string;
  readonly dataDirectory: string;
  /** Stops the server (stdin closed, then SIGTERM, then SIGKILL) and keeps the data. */
  stop(): Promise<void>;
}

/**
 * Starts the embedded server on `dataDirectory` (a new short temporary one by default: the
 * socket path must stay under ~100 bytes) and resolves once it printed `READY <socket>`.
 */
export const startHost = (
  dll: string,
  dataDirectory = mkdtempSync(join(tmpdir(), 'akdb-')),
): Promise<RunningHost> =>
  new Promise((resolve, reject) => {
    const child: ChildProcessWithoutNullStreams = spawn('dotnet', [dll, dataDirectory], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    const stderr: string[] = [];
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `KurrentHost did not print READY within 180 s; stderr: ${stderr.slice(-20).join('\n')}`,
        ),
      );
    }, 180_000);
    createInterface({ input: child.stderr }).on('line', (l) => stderr.push(l));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^READY (.+)$/.exec(line.trim());
      if (m === null || ready) return;
      ready = true;
      clearTimeout(timer);
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      resolve({
        url: `unix://${m[1]!}`,
        dataDirectory,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.stdin.end();
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      if (ready) return;
      clearTimeout(timer);
      reject(
        new Error(
          `KurrentHost exited (${code ?? signal}) before READY; stderr: ${stderr.slice(-20).join('\n')}`,
        ),
      );
    });
  });

export const removeDataDirectory = (dir: string): void =>
  rmSync(dir, { recursive: true, force: true });

/** A banner no one scrolling a CI log can miss. */
export const loudWarning = (lines: ReadonlyArray<string>): void => {
  const bar = '!'.repeat(100);
  console.warn([bar, ...lines.map((l) => `!!  ${l}`), bar].join('\n'));
};
