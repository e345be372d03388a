import { eventStoreDbConnectionString } from '../../src/index.js';
import {
  EsdbNode,
  freePorts,
  pause,
  randomLoopbackAddress,
  temporaryDataDirectory,
} from './esdb-node.js';

/**
 * A three-node cluster on loopback: each node on its own random 127.x.y.z address and free
 * ports, data on disk, gossip seeded with the other two. Nodes are started, killed and
 * restarted one by one by the tests.
 */
export class EsdbCluster {
  private constructor(readonly nodes: ReadonlyArray<EsdbNode>) {}

  static async create(bin: string, size = 3): Promise<EsdbCluster> {
    const endpoints: { address: string; httpPort: number; internalTcpPort: number }[] = [];
    const used = new Set<string>();
    while (endpoints.length < size) {
      const address = randomLoopbackAddress();
      if (used.has(address)) continue;
      used.add(address);
      endpoints.push({ address, ...(await freePorts(address)) });
    }
    const nodes = endpoints.map(
      (e, i) =>
        new EsdbNode({
          bin,
          ...e,
          dataDirectory: temporaryDataDirectory(`cluster${i + 1}`),
          cluster: {
            size,
            seeds: endpoints.filter((o) => o !== e).map((o) => `${o.address}:${o.httpPort}`),
          },
        }),
    );
    return new EsdbCluster(nodes);
  }

  /** A gossip (multi-node) connection string that prefers the leader. */
  get url(): string {
    return eventStoreDbConnectionString({
      nodes: this.nodes.map((n) => ({ host: n.settings.address, port: n.settings.httpPort })),
      tls: false,
      nodePreference: 'leader',
    });
  }

  /** Starts every node and waits until all of them are in the cluster (one leader, the rest followers). */
  async start(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.start()));
    await this.waitForLeader();
  }

  /**
   * The leader, once every node of `among` is in the cluster: exactly one of them says
   * "leader" in `/info` and every other one "follower". Waiting for all of them, not for a
   * quorum: a node still joining (or stopped for truncation and being started again by its
   * supervisor, see `EsdbNode.start`) is not yet a member a test may count on. A node that
   * stopped by itself and could not be restarted fails the wait at once, with its last output.
   */
  async waitForLeader(
    timeoutMs = 180_000,
    among: ReadonlyArray<EsdbNode> = this.nodes,
  ): Promise<EsdbNode> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const failed = among.find((n) => n.failure !== undefined);
      if (failed !== undefined)
        throw new Error(
          `waiting for a leader and ${among.length - 1} follower(s): node ${failed.endpoint} ${failed.failure}`,
        );
      const states = await Promise.all(
        among.map((n) => (n.running ? n.state() : Promise.resolve(undefined))),
      );
      const leaders = among.filter((_, i) => states[i] === 'leader');
      if (
        leaders.length === 1 &&
        states.filter((s) => s === 'follower').length === among.length - 1
      )
        return leaders[0]!;
      if (Date.now() > deadline)
        throw new Error(
          `not within ${timeoutMs} ms: a leader and ${among.length - 1} follower(s) among ${await this.describe(among)}`,
        );
      await pause(100);
    }
  }

  /**
   * Waits until `node` is a follower again (it rejoined). A killed former leader can be live,
   * learn from the cluster that it wrote past what was committed and stop ("TRUNCATION IS
   * NEEDED"): its supervisor starts it again (it truncates then), see `EsdbNode.start`.
   */
  async waitForFollower(node: EsdbNode, timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (node.failure !== undefined)
        throw new Error(`waiting for ${node.endpoint} to rejoin as a follower: ${node.failure}`);
      if (node.running && (await node.state()) === 'follower') return;
      if (Date.now() > deadline)
        throw new Error(
          `not within ${timeoutMs} ms: ${node.endpoint} a follower again; nodes ${await this.describe(this.nodes)}`,
        );
      await pause(200);
    }
  }

  /** Each node's state and what happened to its processes, for a failure message. */
  async describe(nodes: ReadonlyArray<EsdbNode> = this.nodes): Promise<string> {
    const states = await Promise.all(nodes.map((n) => n.describe()));
    return nodes
      .map((n, i) => `${n.endpoint}=${states[i]} [${n.history.join('; ')}] log ${n.logFile}`)
      .join(', ');
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
    for (const n of this.nodes) n.removeData();
  }
}
