import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One EventStoreDB node process started by the tests, on a loopback address (127.0.0.0/8
 * only), stopped by its PID. Nothing it starts may outlive the test run:
 * - `stop()` / `kill9()` from the tests (afterAll);
 * - an exit handler kills every node still running when the runner process exits;
 * - a watchdog shell per node kills it when the runner is gone (killed with SIGKILL);
 * - a PID file per node, reaped when the next run loads this module.
 */

/** Where PID files of running nodes are kept (outside the repository). */
const PID_DIR = join(tmpdir(), 'aimline-esdb-nodes');
const EXECUTABLE_NAME = 'EventStore.ClusterNode';

export interface NodeSettings {
  /** The server executable (from `build.sh`). */
  readonly bin: string;
  /** A loopback address, 127.x.y.z. */
  readonly address: string;
  readonly httpPort: number;
  readonly internalTcpPort: number;
  /** A folder for `--db`/`--index`/`--log` (durable), or undefined for `--mem-db`. */
  readonly dataDirectory?: string;
  /** For a cluster member: the size and the other members' gossip endpoints (address:httpPort). */
  readonly cluster?: { readonly size: number; readonly seeds: ReadonlyArray<string> };
}

const live = new Set<EsdbNode>();

export class EsdbNode {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  /** Lines of the node's console output (the last ones name why it failed to start). */
  private output: string[] = [];
  /** Where the node's logs and console output go (its data folder, or a scratch one). */
  private readonly logDirectory: string;
  readonly logFile: string;

  constructor(readonly settings: NodeSettings) {
    if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(settings.address))
      throw new Error(`${settings.address} is not a loopback address`);
    this.logDirectory =
      settings.dataDirectory === undefined
        ? temporaryDataDirectory('log')
        : join(settings.dataDirectory, 'log');
    mkdirSync(this.logDirectory, { recursive: true });
    this.logFile = join(this.logDirectory, 'console.log');
  }

  /** The node's HTTP/gRPC endpoint, host:port. */
  get endpoint(): string {
    return `${this.settings.address}:${this.settings.httpPort}`;
  }

  /** A single-node connection string (insecure). */
  get url(): string {
    return `esdb://${this.endpoint}?tls=false`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  /**
   * Starts the process and waits until `/health/live` answers 204. A node with data on disk
   * that was killed may stop on its first start because "TRUNCATION IS NEEDED" (logged as
   * "OFFLINE TRUNCATION IS NEEDED …" or "ONLINE TRUNCATION IS NEEDED. NOT IMPLEMENTED. OFFLINE
   * TRUNCATION WILL BE PERFORMED", depending on where the leader subscribed it) and
   * truncate on the next one (see the vendored server's README): this restarts it, a bounded
   * number of times.
   */
  async start(timeoutMs = 180_000): Promise<void> {
    if (this.running) throw new Error(`node ${this.endpoint} is already running`);
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      this.spawnProcess();
      const outcome = await this.waitLive(deadline);
      if (outcome === 'live') return;
      const truncation = this.output.some((l) => l.includes('TRUNCATION IS NEEDED'));
      if (outcome === 'exited' && truncation && attempt < 4) continue;
      await this.kill9();
      throw new Error(
        `EventStoreDB node ${this.endpoint} ${outcome === 'exited' ? 'exited' : 'was not live'} ` +
          `before /health/live answered (attempt ${attempt}); last output:\n${this.output.slice(-15).join('\n')}`,
      );
    }
  }

  /** SIGTERM (a clean stop), SIGKILL after `graceMs`. Keeps the data. */
  async stop(graceMs = 20_000): Promise<void> {
    const child = this.child;
    if (child === undefined || !this.running) return this.exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** `kill -9`: no chance to flush or say goodbye. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (child === undefined || !this.running) return this.exited;
    child.kill('SIGKILL');
    await this.exited;
  }

  /** `GET /info`'s state: "leader", "follower", … (undefined when it does not answer). */
  async state(): Promise<string | undefined> {
    try {
      const r = await fetch(`http://${this.endpoint}/info`, { signal: AbortSignal.timeout(2_000) });
      if (!r.ok) return undefined;
      const body = (await r.json()) as { state?: unknown };
      return typeof body.state === 'string' ? body.state.toLowerCase() : undefined;
    } catch {
      return undefined;
    }
  }

  /** Removes the node's data and logs (after it stopped). */
  removeData(): void {
    if (this.running) throw new Error(`node ${this.endpoint} is still running`);
    if (process.env['AIMLINE_ESDB_KEEP_DATA'] === '1') return;
    rmSync(this.settings.dataDirectory ?? this.logDirectory, { recursive: true, force: true });
  }

  private spawnProcess(): void {
    const s = this.settings;
    const args = [
      '--insecure',
      '--int-ip',
      s.address,
      '--ext-ip',
      s.address,
      '--http-port',
      String(s.httpPort),
      '--int-tcp-port',
      String(s.internalTcpPort),
      // A loaded 2-core machine must not look like a dead peer.
      '--int-tcp-heartbeat-timeout',
      '2000',
      '--gossip-timeout-ms',
      '2500',
      '--log',
      this.logDirectory,
      '--disable-log-file',
    ];
    if (s.dataDirectory === undefined) args.push('--mem-db');
    else args.push('--db', join(s.dataDirectory, 'db'), '--index', join(s.dataDirectory, 'index'));
    if (s.cluster !== undefined)
      args.push(
        '--cluster-size',
        String(s.cluster.size),
        '--discover-via-dns',
        'false',
        '--gossip-seed',
        s.cluster.seeds.join(','),
      );
    const fd = openSync(this.logFile, 'a');
    // The executable itself (no shell in between), so the PID is the server's.
    const child = spawn(s.bin, args, {
      stdio: ['ignore', fd, fd],
      env: {
        ...process.env,
        EVENTSTORE_TELEMETRY_OPTOUT: 'true',
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      },
    });
    closeSync(fd);
    if (child.pid === undefined) throw new Error(`could not start ${s.bin}`);
    this.child = child;
    this.output = [];
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    live.add(this);
    const pid = child.pid;
    writePidFile(pid);
    void this.exited.then(() => {
      live.delete(this);
      removePidFile(pid);
    });
    startWatchdog(pid);
  }

  private async waitLive(deadline: number): Promise<'live' | 'exited' | 'timeout'> {
    while (Date.now() < deadline) {
      if (!this.running) {
        this.output = readLog(this.logFile);
        return 'exited';
      }
      try {
        const r = await fetch(`http://${this.endpoint}/health/live`, {
          signal: AbortSignal.timeout(2_000),
        });
        if (r.status === 204) return 'live';
      } catch {
        // not listening yet
      }
      await pause(250);
    }
    this.output = readLog(this.logFile);
    return 'timeout';
  }
}

/** A random address in 127.0.0.0/8 (127.0.0.1 excluded), so parallel runs and other helpers do not collide. */
export const randomLoopbackAddress = (): string => {
  const byte = () => 1 + Math.floor(Math.random() * 253);
  return `127.${byte()}.${byte()}.${byte()}`;
};

/** A TCP port free on `address` right now (the OS picks it). */
export const freePort = (address: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, address, () => {
      const a = server.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      server.close(() => resolve(port));
    });
  });

/** A new temporary folder for a durable node's data (outside the repository). */
export const temporaryDataDirectory = (label: string): string =>
  mkdtempSync(join(tmpdir(), `aimline-esdb-${label}-`));

/** Settings for a single node on a fresh loopback address and free ports. */
export const singleNodeSettings = async (
  bin: string,
  dataDirectory?: string,
): Promise<NodeSettings> => {
  const address = randomLoopbackAddress();
  const httpPort = await freePort(address);
  let internalTcpPort = await freePort(address);
  while (internalTcpPort === httpPort) internalTcpPort = await freePort(address);
  return {
    bin,
    address,
    httpPort,
    internalTcpPort,
    ...(dataDirectory === undefined ? {} : { dataDirectory }),
  };
};

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const readLog = (file: string): string[] => {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return [];
  }
};

// ---- never leave a node behind ----------------------------------------------------------------

/** The process's start time (field 22 of /proc/PID/stat): a PID with another start time is not ours. */
const startTimeOf = (pid: number): string | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const writePidFile = (pid: number): void => {
  mkdirSync(PID_DIR, { recursive: true });
  writeFileSync(
    join(PID_DIR, `${pid}.json`),
    JSON.stringify({ pid, owner: process.pid, startTime: startTimeOf(pid) }),
  );
};

const removePidFile = (pid: number): void => rmSync(join(PID_DIR, `${pid}.json`), { force: true });

/** Kills nodes whose runner died without stopping them (their PID file survived it). */
const reapOrphans = (): void => {
  let files: string[];
  try {
    files = readdirSync(PID_DIR);
  } catch {
    return;
  }
  for (const f of files) {
    try {
      const rec = JSON.parse(readFileSync(join(PID_DIR, f), 'utf8')) as {
        pid: number;
        owner: number;
        startTime?: string;
      };
      if (isAlive(rec.owner) && startTimeOf(rec.owner) !== undefined) continue;
      const cmdline = readFileSync(`/proc/${rec.pid}/cmdline`, 'utf8');
      if (startTimeOf(rec.pid) === rec.startTime && cmdline.includes(EXECUTABLE_NAME))
        process.kill(rec.pid, 'SIGKILL');
    } catch {
      // gone already
    }
    rmSync(join(PID_DIR, f), { force: true });
  }
};

/**
 * A shell that outlives nothing: it waits while both the runner and the node live, then
 * kills the node if it is still the same process (the runner was killed without cleaning up).
 */
const startWatchdog = (pid: number): void => {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${pid} 2>/dev/null; do sleep 1; done
n=EventStore.Cluster; if kill -0 ${pid} 2>/dev/null && grep -q "\${n}Node" /proc/${pid}/cmdline 2>/dev/null; then kill -9 ${pid}; fi`;
  const dog = spawn('sh', ['-c', script], { stdio: 'ignore', detached: true });
  dog.unref();
};

process.once('exit', () => {
  for (const node of live) {
    const pid = node.pid;
    if (pid !== undefined && node.running) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      removePidFile(pid);
    }
  }
});

reapOrphans();
