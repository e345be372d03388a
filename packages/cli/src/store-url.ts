import * as E from 'fp-ts/lib/Either.js';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  AccessDeniedError,
  InMemoryEventStore,
  isStoreError,
  UnavailableError,
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
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path.length === 0) return fail('no file path after "sqlite:"');
    return E.right({ kind: 'sqlite', path });
  }
  if (/^esdb(\+discover)?:\/\/[^/]/.test(url) || /^unix:\/\/\/./.test(url))
    return E.right({ kind: 'eventstoredb', url });
  return fail('unknown scheme');
};

/**
 * Opens the store a location names, creating the SQLite file's folder when needed. An
 * EventStoreDB store reads and subscribes only to `streamPrefixes` (the domain modules'
 * streams: other applications may share the server) and is checked to answer before use:
 * an unreachable server is an `UnavailableError` naming the URL (password hidden) and the cause.
 */
export const openStore = async (
  location: StoreLocation,
  streamPrefixes?: ReadonlyArray<string>,
): Promise<EventStore> => {
  switch (location.kind) {
    case 'memory':
      return new InMemoryEventStore();
    case 'sqlite': {
      const path = resolve(location.path);
      mkdirSync(dirname(path), { recursive: true });
      return openSqliteEventStore(path);
    }
    case 'eventstoredb': {
      const store = openEventStoreDbStore(location.url, {
        ...(streamPrefixes === undefined ? {} : { streamPrefixes }),
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
