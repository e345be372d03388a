import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  collect,
  AccessDeniedError,
  IncompatibleStoreError,
  MissingStoreError,
  UnavailableError,
} from '@aimline/kernel';
import { samples } from '@aimline/kernel/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../src/index.js';

const root = mkdtempSync(join(tmpdir(), 'aimline-sqlite-opening-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = (): string => {
  const dir = join(root, `d${n++}`);
  rmSync(dir, { recursive: true, force: true });
  return mkdtempSync(`${dir}-`);
};

const modeOf = (path: string): number => statSync(path).mode & 0o777;

/** A closed store with three events in `dir`. */
const storeIn = async (dir: string): Promise<string> => {
  const path = join(dir, 'events.db');
  const store = openSqliteEventStore(path);
  await store.append('alpha-1', samples(3), { expectedRevision: 'no-stream' });
  await store.dispose();
  return path;
};

describe('SqliteEventStore: opening', () => {
  it('given no file, when opened to read or to write an existing store, then MissingStoreError naming the path, and nothing created', () => {
    const dir = freshDir();
    for (const mode of ['open', 'read-only'] as const) {
      const path = join(dir, 'sub', 'events.db');
      expect(() => openSqliteEventStore(path, { mode })).toThrow(MissingStoreError);
      expect(() => openSqliteEventStore(path, { mode })).toThrow(path);
      expect(() => openSqliteEventStore(join(dir, 'events.db'), { mode })).toThrow(
        MissingStoreError,
      );
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('creates the file and its -wal and -shm files readable and writable by the owner only (0600)', async () => {
    const dir = freshDir();
    const path = join(dir, 'events.db');
    const store = openSqliteEventStore(path);
    await store.append('alpha-1', samples(1), { expectedRevision: 'no-stream' });
    expect(readdirSync(dir).sort()).toEqual(['events.db', 'events.db-shm', 'events.db-wal']);
    for (const f of readdirSync(dir)) expect(modeOf(join(dir, f)), f).toBe(0o600);
    await store.dispose();
  });

  it('carries an identity made at creation, kept across reopening, different for another store', async () => {
    const a = await storeIn(freshDir());
    const b = await storeIn(freshDir());
    const identityOf = async (path: string, mode: 'open' | 'read-only') => {
      const store = openSqliteEventStore(path, { mode });
      try {
        return await store.identity();
      } finally {
        await store.dispose();
      }
    };
    const first = await identityOf(a, 'open');
    expect(await identityOf(a, 'read-only')).toBe(first);
    expect(await identityOf(b, 'open')).not.toBe(first);
  });

  it('opened read-only, reads everything and refuses to append with AccessDeniedError', async () => {
    const path = await storeIn(freshDir());
    const store = openSqliteEventStore(path, { mode: 'read-only' });
    try {
      expect(store.readOnly).toBe(true);
      expect((await collect(store.readAll())).length).toBe(3);
      await expect(
        store.append('alpha-1', samples(1), { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(AccessDeniedError);
    } finally {
      await store.dispose();
    }
  });

  it('as a read-only image (read-only media, evidence copies), reads a copy in memory and creates or changes nothing beside the file', async () => {
    const dir = freshDir();
    const path = await storeIn(dir);
    const before = readFileSync(path);
    const store = openSqliteEventStore(path, { mode: 'read-only', readOnlyImage: true });
    try {
      expect((await collect(store.readAll())).map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(readdirSync(dir)).toEqual(['events.db']);
      await expect(
        store.append('alpha-1', samples(1), { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(AccessDeniedError);
    } finally {
      await store.dispose();
    }
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['events.db']);
  });

  it('refuses a read-only image beside a -wal file holding commits it would not see', async () => {
    const dir = freshDir();
    const path = await storeIn(dir);
    const copy = join(dir, 'copy.db');
    copyFileSync(path, copy);
    writeFileSync(`${copy}-wal`, 'x'.repeat(100));
    expect(() => openSqliteEventStore(copy, { mode: 'read-only', readOnlyImage: true })).toThrow(
      UnavailableError,
    );
  });

  it('refuses to read an empty file as a store, and leaves it empty', () => {
    const dir = freshDir();
    const path = join(dir, 'empty.db');
    writeFileSync(path, '');
    expect(() => openSqliteEventStore(path, { mode: 'read-only' })).toThrow(IncompatibleStoreError);
    expect(statSync(path).size).toBe(0);
  });
});
