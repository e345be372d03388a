import { EventStoreDBClient } from '@eventstore/db-client';
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString.js';
import { describe, expect, it } from 'vitest';
import { eventStoreDbClientFromUrl, eventStoreDbConnectionString } from '../src/index.js';

describe('connection strings for a single node and a cluster', () => {
  it('builds a single-node string the client parses to one host', () => {
    const s = eventStoreDbConnectionString({ nodes: [{ host: 'localhost' }], tls: false });
    expect(s).toBe('esdb://localhost:2113?tls=false');
    expect(parseConnectionString(s)).toMatchObject({
      dnsDiscover: false,
      tls: false,
      hosts: [{ address: 'localhost', port: 2113 }],
    });
  });

  it('builds a cluster string with gossip seeds and a node preference', () => {
    const s = eventStoreDbConnectionString({
      nodes: [
        { host: 'node1.council.internal' },
        { host: 'node2.council.internal', port: 2114 },
        { host: 'node3.council.internal', port: 2115 },
      ],
      nodePreference: 'leader',
      tlsVerifyCert: true,
      defaultDeadlineMs: 5_000,
      keepAliveIntervalMs: 10_000,
    });
    expect(s).toBe(
      'esdb://node1.council.internal:2113,node2.council.internal:2114,node3.council.internal:2115?tlsVerifyCert=true&nodePreference=leader&defaultDeadline=5000&keepAliveInterval=10000',
    );
    expect(parseConnectionString(s)).toMatchObject({
      dnsDiscover: false,
      nodePreference: 'leader',
      tlsVerifyCert: true,
      defaultDeadline: 5_000,
      hosts: [
        { address: 'node1.council.internal', port: 2113 },
        { address: 'node2.council.internal', port: 2114 },
        { address: 'node3.council.internal', port: 2115 },
      ],
    });
  });

  it('builds a DNS-discovery string with credentials, read from followers', () => {
    const s = eventStoreDbConnectionString({
      nodes: [{ host: 'esdb.council.internal' }],
      discover: true,
      nodePreference: 'follower',
      username: 'aimline',
      password: 'p@ss:word',
      connectionName: 'aimline cli',
    });
    expect(s).toBe(
      'esdb+discover://aimline:p%40ss%3Aword@esdb.council.internal:2113?nodePreference=follower&connectionName=aimline%20cli',
    );
    expect(parseConnectionString(s)).toMatchObject({
      dnsDiscover: true,
      nodePreference: 'follower',
      defaultCredentials: { username: 'aimline', password: 'p@ss:word' },
      hosts: [{ address: 'esdb.council.internal', port: 2113 }],
    });
  });

  it('refuses no nodes, bad hosts and ports, and half credentials', () => {
    expect(() => eventStoreDbConnectionString({ nodes: [] })).toThrow(TypeError);
    expect(() => eventStoreDbConnectionString({ nodes: [{ host: 'a,b' }] })).toThrow(TypeError);
    expect(() => eventStoreDbConnectionString({ nodes: [{ host: 'a', port: 70000 }] })).toThrow(
      TypeError,
    );
    expect(() => eventStoreDbConnectionString({ nodes: [{ host: 'a' }], username: 'u' })).toThrow(
      TypeError,
    );
  });
});

describe('eventStoreDbClientFromUrl', () => {
  it('makes a client for esdb://, esdb+discover:// and unix:/// URLs without connecting', async () => {
    for (const url of [
      'esdb://localhost:2113?tls=false',
      'esdb://n1:2113,n2:2113,n3:2113?nodePreference=leader',
      'esdb+discover://cluster.local:2113',
      'unix:///tmp/akdb/kurrent.sock',
    ]) {
      const c = eventStoreDbClientFromUrl(url);
      expect(c).toBeInstanceOf(EventStoreDBClient);
      await c.dispose();
    }
  });

  it('refuses other schemes, relative socket paths and options on a socket URL', () => {
    for (const url of [
      'http://localhost:2113',
      'postgres://x',
      'unix://relative.sock',
      'unix:///tmp/k.sock?tls=true',
      '',
    ])
      expect(() => eventStoreDbClientFromUrl(url)).toThrow(TypeError);
  });
});
