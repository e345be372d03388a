import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  fstatSync,
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

/**
 * How many times, per `start()`, a node that stopped for truncation is started again: all
 * restarts count, whether the node stopped while `start()` waited for it or later, while it
 * was supervised (a restart that stops for truncation again uses the same allowance).
 */
export const TRUNCATION_RESTARTS = 3;

/**
 * A node stopped because its log holds records the cluster's leader does not have (a killed
 * former leader restarted, or a leader starved of CPU long enough to be deposed): it truncates
 * them when it starts again. It exits with code 0, as if asked to. The server words it two ways (see `ClusterStorageWriterService`): "OFFLINE
 * TRUNCATION IS NEEDED …" or "ONLINE TRUNCATION IS NEEDED. NOT IMPLEMENTED. OFFLINE TRUNCATION
 * WILL BE PERFORMED".
 */
const stoppedForTruncation = (output: ReadonlyArray<string>): boolean =>
  output.some((l) => l.includes('TRUNCATION IS NEEDED'));

/** `stop()` or `kill9()` was called while the node was starting: not a failure of the node. */
class StoppedWhileStarting extends Error {
  constructor(endpoint: string) {
    super(`node ${endpoint} was stopped while it was starting`);
  }
}

export class EsdbNode {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  /**
   * What the tests asked for: `up` once `start()` saw the node serving (from then on an exit
   * nobody asked for is supervised), `starting` while it is being started, `stopped` once
   * `stop()`/`kill9()` was called.
   */
  private phase: 'stopped' | 'starting' | 'up' = 'stopped';
  /** A restart the supervisor began after the node stopped for truncation. */
  private supervising: Promise<void> = Promise.resolve();
  /**
   * Restarts after a truncation stop since the last `start()`, during the start and under
   * supervision alike (at most `TRUNCATION_RESTARTS`).
   */
  private truncationRestarts = 0;
  /** Where the current process's console output starts in `logFile`. */
  private logOffset = 0;
  /** Lines of the node's console output (the last ones name why it failed to start). */
  private output: string[] = [];
  /** Where the node's logs and console output go (its data folder, or a scratch one). */
  private readonly logDirectory: string;
  readonly logFile: string;
  /** What happened to the node's processes, in order (started, stopped by itself, restarted …). */
  readonly history: string[] = [];
  /**
   * Why the node is down although no test stopped it (it exited by itself and was not, or
   * could not be, restarted), with its last console lines; undefined while all is well.
   */
  failure: string | undefined;

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
   * Starts the process and waits until `/health/live` answers 204 and, for a node on its own
   * (no cluster), until `/info` says it is the leader: only then does it take writes (a node
   * that is live but not yet the leader answers appends "Server Is Not Ready").
   *
   * From then on the node is supervised, as the vendored server's README says a supervisor
   * must: a cluster node can stop by itself because "TRUNCATION IS NEEDED" (a killed former
   * leader restarted, or a leader starved of CPU long enough to be deposed) and truncates on its
   * next start, so it is started again, at most `TRUNCATION_RESTARTS` times per `start()` in
   * all (restarts while this call waits and restarts under supervision share the count). A
   * truncation stop beyond that, and any other exit nobody asked for, is kept in `failure` for
   * the waits to report.
   */
  async start(timeoutMs = 180_000): Promise<void> {
    if (this.phase !== 'stopped' || this.running)
      throw new Error(`node ${this.endpoint} is already running`);
    this.failure = undefined;
    this.truncationRestarts = 0;
    await this.launch(timeoutMs);
  }

  /** SIGTERM (a clean stop), SIGKILL after `graceMs`. Keeps the data. */
  async stop(graceMs = 20_000): Promise<void> {
    this.phase = 'stopped';
    await this.signal('SIGTERM', graceMs);
    await this.supervising;
  }

  /** `kill -9`: no chance to flush or say goodbye. */
  async kill9(): Promise<void> {
    this.phase = 'stopped';
    await this.signal('SIGKILL');
    await this.supervising;
  }

  /** Sends `signal` to the current process (SIGKILL after `graceMs`) and waits until it exited. */
  private async signal(signal: NodeJS.Signals, graceMs = 0): Promise<void> {
    const child = this.child;
    if (child === undefined || !this.running) return;
    child.kill(signal);
    const timer =
      signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
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

  /** The state for a report: "leader", "follower", "not answering", "stopped", "failed: …". */
  async describe(): Promise<string> {
    if (this.failure !== undefined) return `failed (${this.failure.split('\n')[0]})`;
    if (!this.running) return this.phase === 'stopped' ? 'stopped' : 'restarting';
    return (await this.state()) ?? 'not answering';
  }

  /** Removes the node's data and logs (after it stopped). */
  removeData(): void {
    if (this.running) throw new Error(`node ${this.endpoint} is still running`);
    if (process.env['AIMLINE_ESDB_KEEP_DATA'] === '1') return;
    rmSync(this.settings.dataDirectory ?? this.logDirectory, { recursive: true, force: true });
  }

  /** Spawns the process until it is serving (restarting it after a truncation stop). */
  private async launch(timeoutMs: number): Promise<void> {
    this.phase = 'starting';
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      this.spawnProcess();
      const outcome = await this.waitServing(deadline);
      if (this.phase !== 'starting') {
        // stop() or kill9() came while it was starting: it stays stopped.
        await this.signal('SIGKILL');
        throw new StoppedWhileStarting(this.endpoint);
      }
      if (outcome === 'serving') {
        this.phase = 'up';
        return;
      }
      if (outcome === 'exited' && this.mayRestartForTruncation(this.output)) {
        this.history.push(
          `${this.describeExit()} for truncation before it was live; started again`,
        );
        continue;
      }
      this.phase = 'stopped';
      await this.signal('SIGKILL');
      throw new Error(
        `EventStoreDB node ${this.endpoint} ${
          outcome === 'exited' ? 'exited' : 'was not serving'
        } within ${timeoutMs} ms of its start (attempt ${attempt}; ${this.restartsSaid()}; waited for /health/live 204${
          this.settings.cluster === undefined ? ' and /info "leader"' : ''
        }); last output:\n${this.output.slice(-15).join('\n')}`,
      );
    }
  }

  /** A supervised node's process ended although no test asked: restart it, or record why not. */
  private onUnexpectedExit(): void {
    const output = readLog(this.logFile, this.logOffset);
    const exit = this.describeExit();
    if (this.mayRestartForTruncation(output)) {
      this.history.push(`${exit} for truncation; started again`);
      this.supervising = this.launch(180_000).catch((e: unknown) => {
        if (e instanceof StoppedWhileStarting) return;
        this.failure = `its restart after truncation failed: ${e instanceof Error ? e.message : String(e)}`;
      });
      return;
    }
    this.phase = 'stopped';
    this.history.push(`${exit} by itself`);
    this.failure = `${exit} by itself (${this.restartsSaid()}); last output:\n${output.slice(-15).join('\n')}`;
  }

  /**
   * Whether a process that printed `output` and exited is started again: it stopped for
   * truncation and this `start()` has restarts left (the one count, see `TRUNCATION_RESTARTS`).
   */
  private mayRestartForTruncation(output: ReadonlyArray<string>): boolean {
    if (!stoppedForTruncation(output) || this.truncationRestarts >= TRUNCATION_RESTARTS)
      return false;
    this.truncationRestarts++;
    return true;
  }

  private restartsSaid(): string {
    return `${this.truncationRestarts} of at most ${TRUNCATION_RESTARTS} restarts for truncation since start()`;
  }

  private describeExit(): string {
    const c = this.child;
    return `pid ${c?.pid} exited (code ${c?.exitCode}, signal ${c?.signalCode})`;
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
    this.logOffset = fstatSync(fd).size;
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
    this.history.push(`pid ${pid} started`);
    writePidFile(pid);
    void this.exited.then(() => {
      live.delete(this);
      removePidFile(pid);
      if (this.child === child && this.phase === 'up') this.onUnexpectedExit();
    });
    startWatchdog(pid);
  }

  /** Live (and, on its own, the leader) before `deadline`, or exited, or neither in time. */
  private async waitServing(deadline: number): Promise<'serving' | 'exited' | 'timeout'> {
    let isLive = false;
    while (Date.now() < deadline && this.phase === 'starting') {
      if (!this.running) {
        this.output = readLog(this.logFile, this.logOffset);
        return 'exited';
      }
      if (!isLive) isLive = await this.answersLive();
      if (isLive && (this.settings.cluster !== undefined || (await this.state()) === 'leader'))
        return 'serving';
      await pause(250);
    }
    this.output = readLog(this.logFile, this.logOffset);
    return 'timeout';
  }

  private async answersLive(): Promise<boolean> {
    try {
      const r = await fetch(`http://${this.endpoint}/health/live`, {
        signal: AbortSignal.timeout(2_000),
      });
      return r.status === 204;
    } catch {
      return false; // not listening yet
    }
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

/** Two different free ports on `address`: a node's HTTP/gRPC port and its internal TCP port. */
export const freePorts = async (
  address: string,
): Promise<{ httpPort: number; internalTcpPort: number }> => {
  const httpPort = await freePort(address);
  let internalTcpPort = await freePort(address);
  while (internalTcpPort === httpPort) internalTcpPort = await freePort(address);
  return { httpPort, internalTcpPort };
};

/** A new temporary folder for a durable node's data (outside the repository). */
export const temporaryDataDirectory = (label: string): string =>
  mkdtempSync(join(tmpdir(), `aimline-esdb-${label}-`));

/** Settings for a single node on a fresh loopback address and free ports. */
export const singleNodeSettings = async (
  bin: string,
  dataDirectory?: string,
): Promise<NodeSettings> => {
  const address = randomLoopbackAddress();
  return {
    bin,
    address,
    ...(await freePorts(address)),
    ...(dataDirectory === undefined ? {} : { dataDirectory }),
  };
};

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The lines of `file` from byte `offset` on (what the current process wrote). */
const readLog = (file: string, offset: number): string[] => {
  try {
    return readFileSync(file).subarray(offset).toString('utf8').split('\n');
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
