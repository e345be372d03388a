/** Invented people and a store with encryption for the governance crypto tests. Every name is fictional. */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commandHandler,
  InMemoryEventStore,
  type ChainBreak,
  type EventStore,
} from '@aimline/kernel';
import { hsbCaseModule, type HsbCommand } from '@aimline/hsb-aim';
import { verifyChains as verifyStreamChains } from '@aimline/projections';
import {
  defaultAccessPolicy,
  encryptingEventStore,
  erasureModule,
  needToKnowReader,
  type AccessLog,
  localMasterKey,
  openKeyVault,
  personalFieldsByModule,
  SEALED_MEMBER,
  type KeyVault,
  type MasterKey,
} from '../../src/index.js';
import { alleged, report, victim } from '../../../hsb-aim/test/fixtures.js';
import { principal } from '../access-fixtures.js';

/** The HSB tests' invented children: the same people, written once. */
export { alleged, victim };

export const hsb = hsbCaseModule();
export const modules = [hsb, erasureModule];
export const actor = { id: 'ig-1', role: 'records manager', agency: 'council' };

export const SUMMARY = 'Invented summary of a concern at the park.';
export const PLAINTEXTS = [
  alleged.name,
  alleged.school,
  alleged.dateOfBirth,
  victim.name,
  victim.school,
  victim.dateOfBirth,
  victim.socialWorker.name,
  SUMMARY,
];

/** A concern about `alleged` harming `victim`, reported by the records manager's actor. */
export const reportConcern = (caseId = 'case-1') => {
  const concern = report('2026-06-01T09:00:00Z', { caseId, summary: SUMMARY });
  return {
    commandId: randomUUID(),
    command: { ...(concern as Extract<HsbCommand, { type: 'ReportConcern' }>), actor },
  };
};

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'aimline-crypto-'));
export const newMasterKey = (): MasterKey => localMasterKey(randomBytes(32));

export interface Encrypted {
  readonly inner: EventStore;
  readonly store: EventStore;
  readonly vault: KeyVault;
  readonly vaultPath: string;
  readonly master: MasterKey;
}

export const encryptedMemoryStore = async (
  dir = tempDir(),
  master = newMasterKey(),
  inner: EventStore = new InMemoryEventStore(),
): Promise<Encrypted> => {
  const vaultPath = join(dir, 'keys.db');
  const vault = await openKeyVault(vaultPath, master, 'create');
  return {
    inner,
    vault,
    vaultPath,
    master,
    store: encryptingEventStore(inner, vault, personalFieldsByModule(modules)),
  };
};

export const handlerOn = (store: EventStore) =>
  commandHandler({ store, clock: () => '2026-06-01T09:00:05Z' });

/**
 * A concern reported (case-1) through an encrypted store, and `reader()`: the same store read by
 * a new process, a vault of its own holding no key yet (over `inner`, the stored rows by default).
 */
export const concernReported = async () => {
  const encrypted = await encryptedMemoryStore();
  const handler = handlerOn(encrypted.store);
  const reported = await handler.handle(hsb, reportConcern());
  if (reported._tag === 'Left') throw new Error('the concern was not reported');
  const reader = async (inner: EventStore = encrypted.inner) => {
    const vault = await openKeyVault(encrypted.vaultPath, encrypted.master, 'open');
    return { vault, store: encryptingEventStore(inner, vault, personalFieldsByModule(modules)) };
  };
  return { ...encrypted, handler, reader };
};

/** An auditor's view of `store` for a deadline report, its reads recorded in `log`. */
export const auditorView = (store: EventStore, log: AccessLog) =>
  needToKnowReader({
    store,
    modules: [hsb],
    policy: defaultAccessPolicy,
    principal: principal('auditor'),
    log,
    clock: () => '2026-07-01T10:00:00Z',
  }).visible({ purpose: 'deadline report' });

export const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

/**
 * Every stream's hash chain checked over what a store reads (the stored bytes are what is
 * hashed), by the projections' `verifyChains`: the breaks found.
 */
export const verifyChains = async (store: EventStore): Promise<ReadonlyArray<ChainBreak>> =>
  (await verifyStreamChains(store)).breaks;

/** A sealed box as stored (format 2), its paths dotted. */
export interface StoredBox {
  readonly ref: string;
  readonly category: string;
  readonly paths: ReadonlyArray<string>;
  readonly payload: string;
}

const boxParts = (box: string) => {
  const [ref, category, payload] = box.split(':', 3) as [string, string, string];
  const pathsJson = box.slice(ref.length + category.length + payload.length + 3);
  return { ref, category, payload, pathsJson };
};

/** The sealed boxes stored data holds (`SEALED_MEMBER`: `<ref>:<category>:<payload>:<paths JSON>`). */
export const boxesOf = (data: unknown): StoredBox[] =>
  ((data as Record<string, unknown>)[SEALED_MEMBER] as string[]).map((box) => {
    const { ref, category, payload, pathsJson } = boxParts(box);
    return {
      ref,
      category,
      paths: (JSON.parse(pathsJson) as Array<Array<string | number>>).map((p) => p.join('.')),
      payload,
    };
  });

/** The stored data with the payloads of its boxes (by first path) changed. */
export const withPayloads = (
  data: unknown,
  change: (payloads: Map<string, string>) => Map<string, string>,
): unknown => {
  const copy = structuredClone(data) as Record<string, unknown>;
  const boxes = boxesOf(copy);
  const changed = change(new Map(boxes.map((b) => [b.paths[0]!, b.payload])));
  copy[SEALED_MEMBER] = (copy[SEALED_MEMBER] as string[]).map((box, i) => {
    const { ref, category, pathsJson } = boxParts(box);
    return `${ref}:${category}:${changed.get(boxes[i]!.paths[0]!)!}:${pathsJson}`;
  });
  return copy;
};
