import { eventStoreDbConnectionString } from '../../src/index.js';
import {
  EsdbNode,
  freePort,
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
      endpoints.push({
        address,
        httpPort: await freePort(address),
        internalTcpPort: await freePort(address),
      });
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

  async start(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.start()));
    await this.waitForLeader();
  }

  /** The running node whose `/info` says "leader" and, besides it, followers for the rest. */
  async waitForLeader(
    timeoutMs = 180_000,
    among: ReadonlyArray<EsdbNode> = this.nodes,
  ): Promise<EsdbNode> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const running = among.filter((n) => n.running);
      const states = await Promise.all(running.map((n) => n.state()));
      const leaders = running.filter((_, i) => states[i] === 'leader');
      if (leaders.length === 1 && states.filter((s) => s === 'follower').length >= 1)
        return leaders[0]!;
      if (Date.now() > deadline)
        throw new Error(
          `no leader within ${timeoutMs} ms: ${running.map((n, i) => `${n.endpoint}=${states[i] ?? '?'}`).join(', ')}`,
        );
      await pause(100);
    }
  }

  /**
   * Waits until `node` is a follower again (it rejoined). As a supervisor must: a killed
   * former leader can be live, learn from the cluster that it wrote past what was committed,
   * and stop ("OFFLINE TRUNCATION IS NEEDED"); it truncates when started again.
   */
  async waitForFollower(node: EsdbNode, timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let restarts = 0; ;) {
      if (!node.running && restarts++ < 3) await node.start();
      const state = await node.state();
      if (state === 'follower') return;
      if (Date.now() > deadline)
        throw new Error(`${node.endpoint} is "${state ?? 'not answering'}", not a follower`);
      await pause(200);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
    for (const n of this.nodes) n.removeData();
  }
}
