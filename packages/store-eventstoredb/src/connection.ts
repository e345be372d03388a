import { EventStoreDBClient } from '@eventstore/db-client';

/** Which node of a cluster the client talks to (the connection string's `nodePreference`). */
export type NodePreference = 'leader' | 'follower' | 'random' | 'readOnlyReplica';

export interface EventStoreDbEndpoint {
  readonly host: string;
  /** Default 2113. */
  readonly port?: number;
}

export interface ConnectionStringOptions {
  /** One node, or the gossip seeds of a cluster (several nodes), or the DNS name to discover. */
  readonly nodes: ReadonlyArray<EventStoreDbEndpoint>;
  /** `esdb+discover://`: find the cluster's nodes through DNS (uses the first node only). */
  readonly discover?: boolean;
  /** Default true, as the server's; false for an insecure server. */
  readonly tls?: boolean;
  readonly tlsVerifyCert?: boolean;
  readonly nodePreference?: NodePreference;
  readonly username?: string;
  readonly password?: string;
  readonly defaultDeadlineMs?: number;
  readonly keepAliveIntervalMs?: number;
  readonly connectionName?: string;
}

/**
 * An `esdb://` connection string for a single node or a cluster (gossip seeds), or an
 * `esdb+discover://` one for DNS discovery, with the options Aimline uses.
 */
export const eventStoreDbConnectionString = (options: ConnectionStringOptions): string => {
  if (options.nodes.length === 0)
    throw new TypeError('an EventStoreDB connection string needs at least one node');
  const nodes = options.discover === true ? options.nodes.slice(0, 1) : options.nodes;
  const hosts = nodes
    .map((n) => {
      if (n.host.length === 0 || /[\s,/@?]/.test(n.host))
        throw new TypeError(`"${n.host}" is not a host name`);
      const port = n.port ?? 2113;
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new TypeError(`${port} is not a port`);
      return `${n.host}:${port}`;
    })
    .join(',');
  let credentials = '';
  if (options.username !== undefined || options.password !== undefined) {
    if (options.username === undefined || options.password === undefined)
      throw new TypeError('credentials need both a username and a password');
    credentials = `${encodeURIComponent(options.username)}:${encodeURIComponent(options.password)}@`;
  }
  const query: string[] = [];
  if (options.tls !== undefined) query.push(`tls=${options.tls}`);
  if (options.tlsVerifyCert !== undefined) query.push(`tlsVerifyCert=${options.tlsVerifyCert}`);
  if (options.nodePreference !== undefined) query.push(`nodePreference=${options.nodePreference}`);
  if (options.defaultDeadlineMs !== undefined)
    query.push(`defaultDeadline=${options.defaultDeadlineMs}`);
  if (options.keepAliveIntervalMs !== undefined)
    query.push(`keepAliveInterval=${options.keepAliveIntervalMs}`);
  if (options.connectionName !== undefined)
    query.push(`connectionName=${encodeURIComponent(options.connectionName)}`);
  const scheme = options.discover === true ? 'esdb+discover' : 'esdb';
  return `${scheme}://${credentials}${hosts}${query.length === 0 ? '' : `?${query.join('&')}`}`;
};

/** The single-node settings for a Unix socket URL (`unix:///abs/path.sock`): insecure, as the embedded server is. */
export const unixSocketEndpoint = (url: string): string => {
  const rest = url.slice('unix://'.length);
  if (!rest.startsWith('/')) throw new TypeError(`"${url}" is not a unix:///absolute/path URL`);
  if (rest.includes('?') || rest.includes('#'))
    throw new TypeError(`"${url}": unix socket URLs take no options`);
  return `unix://${rest}`;
};

/**
 * A client from a store URL: `esdb://…` (one node, or a cluster's gossip seeds),
 * `esdb+discover://…` (DNS discovery) through the client's own connection-string parser,
 * or `unix:///path/kurrent.sock` (an embedded single node on a Unix socket; insecure).
 * The gRPC channel is opened lazily, on the first call.
 */
export const eventStoreDbClientFromUrl = (url: string): EventStoreDBClient => {
  if (url.startsWith('unix://'))
    return new EventStoreDBClient({ endpoint: unixSocketEndpoint(url) }, { insecure: true });
  if (url.startsWith('esdb://') || url.startsWith('esdb+discover://'))
    return EventStoreDBClient.connectionString(url);
  throw new TypeError(
    `"${url}" is not an EventStoreDB URL (esdb://, esdb+discover:// or unix:///)`,
  );
};
