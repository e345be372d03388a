import * as E from 'fp-ts/lib/Either.js';
import { makeDirectories } from './make-directories.js';
import { dirname, resolve } from 'node:path';
import {
  AccessDeniedError,
  InMemoryEventStore,
  isStoreError,
  UnavailableError,
  type ChainKey,
  type EventStore,
} from '@aimline/kernel';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { openEventStoreDbStore } from '@aimline/store-eventstoredb';

export const DEFAULT_STORE_URL = 'sqlite:./.aimline/events.db';

export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'memory' }
  | { readonly kind: 'eventstoredb'; readonly url: string };

export interface StoreUrlError {
  readonly kind: 'InvalidStoreUrl';
  readonly url: string;
  readonly message: string;
}

const ACCEPTED = [
  'sqlite:./path/events.db   (the embedded default; sqlite:/absolute/path also works)',
  'memory:                   (nothing kept after the process ends)',
  'esdb://host:2113?tls=false            (EventStoreDB / KurrentDB, one node)',
  'esdb+discover://h1:2113,h2:2113?nodePreference=leader   (a cluster by gossip)',
  'unix:///path/to/kurrent.sock          (an embedded KurrentDB on a Unix socket)',
];

/** Parses a store URL; a bad one is a typed error listing the accepted forms. */
export const parseStoreUrl = (url: string): E.Either<StoreUrlError, StoreLocation> => {
  const fail = (why: string) =>
    E.left<StoreUrlError>({
      kind: 'InvalidStoreUrl',
      url,
      message: `Cannot use store URL "${url}": ${why}. Accepted forms:\n  ${ACCEPTED.join('\n  ')}`,
    });
  if (url === 'memory:' || url === 'memory://') return E.right({ kind: 'memory' });
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length);
    if (/^\/\/[^/]/.test(rest))
      return fail(
        'a SQLite store is a local file, not on a host ("sqlite://HOST/…"); write sqlite:/absolute/path, sqlite:///absolute/path or sqlite:relative/path',
      );
    const path = rest.replace(/^\/\/(?=\/)/, '');
    if (path.length === 0) return fail('no file path after "sqlite:"');
    return E.right({ kind: 'sqlite', path });
  }
  if (/^esdb(\+discover)?:\/\/[^/]/.test(url) || /^unix:\/\/\/./.test(url))
    return E.right({ kind: 'eventstoredb', url });
  return fail('unknown scheme');
};

/**
 * What a command does with the store: `read` opens an existing store read-only (never creating
 * a file or folder), `write` opens an existing store, `create` creates it (and its folder, mode
 * 0700; the file and SQLite's -wal and -shm files mode 0600) when there is none.
 */
export type StoreAccess = 'read' | 'write' | 'create';

export interface OpenStoreOptions {
  /** Read a SQLite file as a copy in memory, touching nothing beside it (read-only media). */
  readonly readOnlyMedia?: boolean;
  /**
   * An EventStoreDB store reads and subscribes only to these stream prefixes (the domain
   * modules' streams: other applications may share the server).
   */
  readonly streamPrefixes?: ReadonlyArray<string>;
  /** Authenticates a SQLite store's global chain (see `chainKeyFromEnvironment`). */
  readonly chainKey?: ChainKey;
}

/**
 * Opens the store a location names, as `access` allows (default `create`). An EventStoreDB
 * store is checked to answer before use: an unreachable server is an `UnavailableError`
 * naming the URL (password hidden) and the cause.
 */
export const openStore = async (
  location: StoreLocation,
  access: StoreAccess = 'create',
  options: OpenStoreOptions = {},
): Promise<EventStore> => {
  switch (location.kind) {
    case 'memory':
      return new InMemoryEventStore();
    case 'sqlite': {
      const path = resolve(location.path);
      if (access === 'create') makeDirectories(dirname(path), 0o700);
      return openSqliteEventStore(path, {
        mode: access === 'create' ? 'create' : access === 'write' ? 'open' : 'read-only',
        ...(access === 'read' && options.readOnlyMedia === true ? { readOnlyImage: true } : {}),
        ...(options.chainKey === undefined ? {} : { chainKey: options.chainKey }),
      });
    }
    case 'eventstoredb': {
      const store = openEventStoreDbStore(location.url, {
        ...(options.streamPrefixes === undefined ? {} : { streamPrefixes: options.streamPrefixes }),
      });
      try {
        await store.verifyConnection();
      } catch (e) {
        await store.dispose();
        const cause = e instanceof Error ? e.message : String(e);
        if (isStoreError(e) && e.kind === 'AccessDenied')
          throw new AccessDeniedError(`connect to ${withoutPassword(location.url)}`, e);
        throw new UnavailableError(`cannot reach ${withoutPassword(location.url)}: ${cause}`, e);
      }
      return store;
    }
  }
};

/** A store URL safe to print: the password of `user:password@` replaced by `***`. */
export const withoutPassword = (url: string): string =>
  url.replace(/^([a-z+]+:\/\/[^:/@]+):[^@/]*@/i, '$1:***@');
