import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import {
  auditGlobalChain,
  collect,
  hmacChainKey,
  IdempotencyConflictError,
  IncompatibleStoreError,
  verifyLink,
  type ChainKey,
  type EventToAppend,
  type RecordedEvent,
} from '@aimline/kernel';
import { sampleEvent } from '@aimline/kernel/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  openSqliteEventStore,
  SCHEMA_VERSION,
  type SqliteEventStore,
  type SqliteEventStoreOptions,
} from '../src/index.js';

/*
 * Stores written by older Aimlines are migrated when opened, and one written by an earlier
 * build of the current schema opens as it is. The files are not made with this package's code:
 * `fixtures/legacy/schema-N.sql` is what an Aimline that wrote schema N stored (its DDL, its
 * rows, its header) — the last one of that schema, or for the current schema an earlier build —
 * written by that Aimline itself (`fixtures/legacy/write-legacy-store.ts`, run in a checkout of
 * that commit), and `schema-N.json` is what that Aimline acknowledged and read back. The test
 * loads the SQL with plain SQLite and opens the file with the current store.
 */

const LEGACY = fileURLToPath(new URL('./fixtures/legacy/', import.meta.url));
const OLDER_VERSIONS = [1, 2, 3, 4] as const;
const dir = mkdtempSync(join(tmpdir(), 'aimline-sqlite-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

type LegacyEvent = Omit<RecordedEvent, 'position'> & { readonly position: string };
/** What the old Aimline acknowledged: `schema-N.json`. */
interface Legacy {
  readonly writtenBy: string;
  readonly schemaVersion: number;
  readonly events: ReadonlyArray<LegacyEvent>;
  readonly checkpoints: Readonly<Record<string, string>>;
  readonly commands: ReadonlyArray<{ commandId: string; stream: string; eventIds: string[] }>;
  readonly identity?: string;
  /** The invented test key the old store's global chain was written with (schema 4 on). */
  readonly chainKey?: { readonly keyId: string; readonly secretHex: string };
}

const legacyOf = (version: number): Legacy =>
  JSON.parse(readFileSync(join(LEGACY, `schema-${version}.json`), 'utf8')) as Legacy;

const chainKeyOf = (legacy: Legacy): ChainKey | undefined =>
  legacy.chainKey === undefined
    ? undefined
    : hmacChainKey(legacy.chainKey.keyId, Buffer.from(legacy.chainKey.secretHex, 'hex'));

/** The store opened as the old Aimline had it: with its chain key, if it had one. */
const optionsOf = (legacy: Legacy): SqliteEventStoreOptions => {
  const chainKey = chainKeyOf(legacy);
  return chainKey === undefined ? {} : { chainKey };
};

/** A new file holding what schema `version`'s Aimline stored, made by SQLite alone. */
const legacyFile = (version: number): string => {
  const path = join(dir, `v${version}-${n++}.db`);
  const db = new Database(path);
  db.exec(readFileSync(join(LEGACY, `schema-${version}.sql`), 'utf8'));
  db.close();
  return path;
};

/** The header and tables of a file, read with plain SQLite (not the store). */
const fileState = (path: string) => {
  const db = new Database(path);
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      tables: (
        db
          .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
          .pluck()
          .all() as string[]
      ).join(','),
      events: db
        .prepare(
          'SELECT position, id, stream, revision, type, schema_version, data, metadata FROM events ORDER BY position',
        )
        .raw(true)
        .all(),
    };
  } finally {
    db.close();
  }
};

const asStored = (e: RecordedEvent): LegacyEvent => ({
  id: e.id,
  stream: e.stream,
  revision: e.revision,
  position: e.position.toString(),
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
});

/** An acknowledged event sent again, as its command's retry would send it. */
const resent = (e: LegacyEvent): EventToAppend => {
  const { prevHash: _p, hash: _h, ...metadata } = e.metadata;
  return {
    id: e.id,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: metadata as EventToAppend['metadata'],
  };
};

/**
 * Everything the old Aimline acknowledged reads back as it acknowledged it, every stream's
 * hash chain verifies, the global chain (made by the migration, or written keyed by the old
 * Aimline) verifies end to end with every MAC, the checkpoints and the identity are kept, and
 * each recorded command is found by its id.
 */
const expectEverythingKept = async (store: SqliteEventStore, legacy: Legacy): Promise<void> => {
  expect((await collect(store.readAll())).map(asStored)).toEqual(legacy.events);
  for (const stream of new Set(legacy.events.map((e) => e.stream))) {
    let previous: { revision: number; hash: string } | undefined;
    for (const e of await collect(store.readStream(stream))) {
      expect(verifyLink(e, previous), `${stream}@${e.revision}`).toBeUndefined();
      previous = { revision: e.revision, hash: e.metadata.hash };
    }
  }
  const audit = await auditGlobalChain(store.chainSource(), chainKeyOf(legacy));
  expect(audit.breaks).toEqual([]);
  // Keyed where the old Aimline had a key: then every link it wrote carries its MAC.
  expect(audit).toMatchObject({ keyed: legacy.chainKey !== undefined, unkeyed: 0 });
  expect(audit.head).toMatchObject({
    count: legacy.events.length,
    position: BigInt(legacy.events.length),
  });
  for (const [name, position] of Object.entries(legacy.checkpoints))
    expect(await store.checkpoints.load(name), name).toBe(BigInt(position));
  if (legacy.identity === undefined) expect(await store.identity()).toMatch(/^[0-9a-f-]{36}$/);
  else expect(await store.identity()).toBe(legacy.identity);
  for (const c of legacy.commands)
    expect(
      (await store.eventsOfCommand(c.commandId)).map((e) => e.id),
      c.commandId,
    ).toEqual(c.eventIds);
};

describe.each(OLDER_VERSIONS)(
  'SqliteEventStore: a store written at schema version %i',
  (version) => {
    const legacy = legacyOf(version);

    it('is what that Aimline wrote (fixture check)', () => {
      expect(legacy.schemaVersion).toBe(version);
      expect(fileState(legacyFile(version))).toMatchObject({ version });
    });

    it(`is migrated to schema ${SCHEMA_VERSION} when opened: every acknowledged event reads back as acknowledged, every hash chain verifies, checkpoints, identity and commands are kept`, async () => {
      const path = legacyFile(version);
      const store = openSqliteEventStore(path);
      try {
        await expectEverythingKept(store, legacy);
      } finally {
        await store.dispose();
      }
      expect(fileState(path).version).toBe(SCHEMA_VERSION);
      // Opened again: nothing to migrate, everything still there.
      const again = openSqliteEventStore(path);
      try {
        await expectEverythingKept(again, legacy);
      } finally {
        await again.dispose();
      }
    });

    it('takes appends after the migration that continue every chain from the old tail', async () => {
      const path = legacyFile(version);
      const store = openSqliteEventStore(path);
      try {
        const last = legacy.events.filter((e) => e.stream === 'hsb-case-L1').at(-1)!;
        const result = await store.append('hsb-case-L1', [sampleEvent(1)], {
          expectedRevision: last.revision,
        });
        expect(result.position).toBe(BigInt(legacy.events.length + 1));
        expect(result.events[0]!.metadata.prevHash).toBe(last.metadata.hash);
        const stream = await collect(store.readStream('hsb-case-L1'));
        let previous: { revision: number; hash: string } | undefined;
        for (const e of stream) {
          expect(verifyLink(e, previous), `hsb-case-L1@${e.revision}`).toBeUndefined();
          previous = { revision: e.revision, hash: e.metadata.hash };
        }
        const audit = await auditGlobalChain(store.chainSource(), undefined);
        expect(audit.breaks).toEqual([]);
        expect(audit.head.count).toBe(legacy.events.length + 1);
      } finally {
        await store.dispose();
      }
    });

    it('is refused, untouched, when opened read-only (read-only opening never migrates)', () => {
      const path = legacyFile(version);
      const before = fileState(path);
      expect(() => openSqliteEventStore(path, { mode: 'read-only' })).toThrow(
        IncompatibleStoreError,
      );
      expect(() => openSqliteEventStore(path, { mode: 'read-only' })).toThrow(
        `it has schema version ${version} and read-only opening never migrates it`,
      );
      expect(fileState(path)).toEqual(before);
    });
  },
);

describe(`SqliteEventStore: a store written by an earlier build of the current schema (${SCHEMA_VERSION})`, () => {
  const legacy = legacyOf(SCHEMA_VERSION);

  it('is what that Aimline wrote (fixture check)', () => {
    expect(legacy.schemaVersion).toBe(SCHEMA_VERSION);
    expect(fileState(legacyFile(SCHEMA_VERSION))).toMatchObject({ version: SCHEMA_VERSION });
  });

  it('opens as it is, for writing and read-only: nothing is migrated or changed, and everything it acknowledged reads back with both chains and every MAC intact', async () => {
    const path = legacyFile(SCHEMA_VERSION);
    const before = fileState(path);
    const readOnly = openSqliteEventStore(path, { ...optionsOf(legacy), mode: 'read-only' });
    try {
      await expectEverythingKept(readOnly, legacy);
    } finally {
      await readOnly.dispose();
    }
    const store = openSqliteEventStore(path, optionsOf(legacy));
    try {
      await expectEverythingKept(store, legacy);
    } finally {
      await store.dispose();
    }
    expect(fileState(path)).toEqual(before);
  });

  it('takes appends that continue every chain from its tail, each link with its MAC', async () => {
    const store = openSqliteEventStore(legacyFile(SCHEMA_VERSION), optionsOf(legacy));
    try {
      const last = legacy.events.filter((e) => e.stream === 'hsb-case-L1').at(-1)!;
      const result = await store.append('hsb-case-L1', [sampleEvent(1)], {
        expectedRevision: last.revision,
      });
      expect(result.events[0]!.metadata.prevHash).toBe(last.metadata.hash);
      const audit = await auditGlobalChain(store.chainSource(), chainKeyOf(legacy));
      expect(audit).toMatchObject({ breaks: [], unkeyed: 0 });
      expect(audit.head.count).toBe(legacy.events.length + 1);
    } finally {
      await store.dispose();
    }
  });
});

describe('SqliteEventStore: commands recorded by older Aimlines', () => {
  it('refuses a reuse of a command id recorded at schema 1 (no fingerprint was kept), naming where it was first recorded', async () => {
    const legacy = legacyOf(1);
    const store = openSqliteEventStore(legacyFile(1));
    try {
      const first = legacy.commands[0]!;
      const reuse = sampleEvent(3);
      const error = await store
        .append(
          first.stream,
          [{ ...reuse, metadata: { ...reuse.metadata, commandId: first.commandId.toUpperCase() } }],
          { expectedRevision: 'any' },
        )
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(IdempotencyConflictError);
      expect(error).toMatchObject({
        commandId: first.commandId.toUpperCase(),
        firstRecorded: { stream: first.stream, revision: 0, position: 1n, fingerprint: undefined },
      });
      expect((await collect(store.readAll())).length).toBe(legacy.events.length);
    } finally {
      await store.dispose();
    }
  });

  it.each([2, 3, 4])(
    'answers a retry of a command recorded at schema %i with its original events, storing nothing, and refuses its id under another fingerprint',
    async (version) => {
      const legacy = legacyOf(version);
      const store = openSqliteEventStore(legacyFile(version), optionsOf(legacy));
      try {
        for (const c of legacy.commands) {
          const events = legacy.events.filter((e) => c.eventIds.includes(e.id));
          const expected = events[0]!.revision === 0 ? 'no-stream' : events[0]!.revision - 1;
          const retry = await store.append(c.stream, events.map(resent), {
            expectedRevision: expected,
          });
          expect(retry.events.map(asStored), c.commandId).toEqual(events);
          expect(retry.position).toBe(BigInt(events.at(-1)!.position));
        }
        const first = legacy.commands[0]!;
        const reuse = sampleEvent(4);
        await expect(
          store.append(
            first.stream,
            [{ ...reuse, metadata: { ...reuse.metadata, commandId: first.commandId } }],
            { expectedRevision: 'any' },
          ),
        ).rejects.toMatchObject({
          commandId: first.commandId,
          firstRecorded: {
            stream: first.stream,
            position: 1n,
            fingerprint: legacy.events[0]!.metadata.commandFingerprint,
          },
        });
        expect((await collect(store.readAll())).map(asStored)).toEqual(legacy.events);
      } finally {
        await store.dispose();
      }
    },
  );
});

describe('SqliteEventStore: a migration cut off part-way', () => {
  it('leaves the file as the old Aimline wrote it (the migrations and the new version commit together), and the next opening migrates it whole', async () => {
    const legacy = legacyOf(1);
    const path = legacyFile(1);
    const before = fileState(path);
    // Killed from inside the last migration (3 → 4), after it chained half the events: the
    // migrations 1 → 2 and 2 → 3 had already run in the same transaction.
    const child = spawnSync(
      process.execPath,
      [
        '--conditions=@aimline/source',
        '--import',
        tsxLoader(),
        fileURLToPath(new URL('./fixtures/migrate-then-die.ts', import.meta.url)),
        path,
        'UPDATE events SET chain_link',
        String(legacy.events.length / 2),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(child.stdout, child.stderr).not.toContain('migrated');
    expect(child.signal, `the child was not killed mid-migration: ${child.stderr}`).toBe('SIGKILL');
    // The migration's uncommitted pages had reached the WAL file when it was cut off.
    expect(existsSync(`${path}-wal`) && statSync(`${path}-wal`).size).toBeGreaterThan(0);

    expect(fileState(path)).toEqual(before);
    expect(before).toMatchObject({ version: 1, tables: 'checkpoints,events' });

    const store = openSqliteEventStore(path);
    try {
      await expectEverythingKept(store, legacy);
    } finally {
      await store.dispose();
    }
    expect(fileState(path).version).toBe(SCHEMA_VERSION);
  });
});

/** tsx's loader, to run the child's TypeScript (it imports this package's source). */
const tsxLoader = (): string => {
  const tsx = realpathSync(fileURLToPath(new URL('../../../node_modules/tsx', import.meta.url)));
  return new URL('dist/loader.mjs', `file://${tsx}/`).href;
};
