/**
 * An erasure is never undone by restoring the key vault from a backup: opening the encrypting
 * store reconciles the vault with the `PersonalDataErased` events the event store records
 * (UK GDPR Art. 17; the ICO: erased data in backups is put beyond use, never restored into live
 * use).
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  delegatingStore,
  erasedCategory,
  type EventStore,
  type ReadAllOptions,
} from '@aimline/kernel';
import { samples } from '@aimline/kernel/testing';
import {
  erasePerson,
  openEncryptingStore,
  openKeyVault,
  personalFieldsByModule,
  type KeyVaultMode,
} from '../../src/index.js';
import {
  actor,
  alleged,
  collect,
  encryptedMemoryStore,
  handlerOn,
  hsb,
  modules,
  reportConcern,
  verifyChains,
} from './support.js';
import { wrappedKeyIn } from './vault-file.js';

const ERASED_AT = '2033-01-01T10:00:00Z';
const REOPENED_AT = '2034-02-01T09:00:00Z';

/** Two concerns reported, a copy of the vault taken, then the victim (child-v) erased. */
const givenAnErasureAfterABackup = async () => {
  const encrypted = await encryptedMemoryStore();
  const handler = handlerOn(encrypted.store);
  await handler.handle(hsb, reportConcern('case-1'));
  await handler.handle(hsb, reportConcern('case-2'));
  const backup = `${encrypted.vaultPath}.backup`;
  copyFileSync(encrypted.vaultPath, backup);
  const ref = encrypted.vault.subjectRef('child-v');
  await erasePerson(
    { vault: encrypted.vault, handler, actor, at: ERASED_AT },
    'child-v',
    'erasure request (Art. 17)',
  );
  encrypted.vault.close();
  /** Puts the copy back, as a restore from backup would. */
  const restore = () => copyFileSync(backup, encrypted.vaultPath);
  /** A new process opening the store over the vault file (reads of `inner` counted). */
  const open = async (mode: KeyVaultMode = 'open') => {
    const reads: ReadAllOptions[] = [];
    const counted: EventStore = delegatingStore(encrypted.inner, {
      readAll: (o?: ReadAllOptions) => {
        reads.push(o ?? {});
        return encrypted.inner.readAll(o);
      },
    });
    const vault = await openKeyVault(encrypted.vaultPath, encrypted.master, mode);
    const opened = await openEncryptingStore(
      counted,
      vault,
      personalFieldsByModule(modules),
      REOPENED_AT,
    );
    return { ...opened, vault, reads };
  };
  return { ...encrypted, backup, ref, restore, open, handler };
};

const victimOf = (data: unknown) => (data as { victim: { name: unknown } }).victim;
const childOf = (data: unknown) => (data as { child: { name: unknown } }).child;

describe('a key vault restored from a backup taken before an erasure', () => {
  it('given the copy put back, when the store is opened, then readStream and readAll read the victim as [erased:name] (others stay), and the vault file holds no copy of the key the backup held', async () => {
    const { backup, ref, restore, open, vaultPath } = await givenAnErasureAfterABackup();
    const backupKey = wrappedKeyIn(backup, ref)!;
    expect(backupKey).toBeDefined();
    restore();
    expect(readFileSync(vaultPath).includes(backupKey)).toBe(true);

    const { store, reconciliation } = await open();
    try {
      expect(reconciliation.reapplied.map((r) => r.subjectRef)).toEqual([ref]);
      const [concern] = await collect(store.readStream('hsb-case-case-1'));
      expect(erasedCategory(victimOf(concern!.data).name)).toBe('name');
      expect(childOf(concern!.data).name).toBe(alleged.name);
      const all = await collect(store.readAll());
      const concerns = all.filter((e) => e.type === 'ConcernReported');
      expect(concerns).toHaveLength(2);
      for (const e of concerns) expect(erasedCategory(victimOf(e.data).name)).toBe('name');
    } finally {
      await store.dispose();
    }
    expect(readFileSync(vaultPath).includes(backupKey)).toBe(false);
    expect(wrappedKeyIn(vaultPath, ref)).toBeUndefined();
  });

  it('records the erasure in the vault as re-applied (when, why, when it was first recorded); erasing again stays idempotent; the chains verify', async () => {
    const { ref, restore, open, inner } = await givenAnErasureAfterABackup();
    restore();
    const { store, vault } = await open();
    try {
      expect(vault.reappliedErasures()).toEqual([
        expect.objectContaining({
          subjectRef: ref,
          keyDestroyedAt: ERASED_AT,
          recordedAt: expect.any(String) as unknown,
          reappliedAt: REOPENED_AT,
          reappliedWhy: expect.stringMatching(
            /restored from a backup taken before the erasure/,
          ) as unknown,
          inThisProcessOnly: false,
        }),
      ]);
      expect(vault.erasure(ref)).toMatchObject({ keyDestroyedAt: ERASED_AT });
      const again = await erasePerson(
        { vault, handler: handlerOn(store), actor, at: REOPENED_AT },
        'child-v',
        'erasure request (Art. 17)',
      );
      expect(again).toMatchObject({ key: 'already-destroyed', event: undefined });
      expect(await verifyChains(inner)).toEqual([]);
    } finally {
      await store.dispose();
    }
  });

  it('is incremental: an open reads only the erasure streams after the position the vault was reconciled to, so a second open reads no erasure and re-applies nothing', async () => {
    const { restore, open } = await givenAnErasureAfterABackup();
    restore();
    const first = await open();
    first.vault.close(); // the store stays open for the next process
    expect(first.reads).toEqual([{ filter: { streamPrefixes: ['personal-data-erasure-'] } }]);
    expect(first.reconciliation.erasuresRead).toBe(1);
    const second = await open();
    second.vault.close();
    expect(second.reads).toEqual([
      {
        after: expect.any(BigInt) as unknown,
        filter: { streamPrefixes: ['personal-data-erasure-'] },
      },
    ]);
    expect(second.reconciliation).toEqual({ reapplied: [], erasuresRead: 0 });
  });

  it("saves how far it has looked as the store's head (headPosition), not the last erasure's position: once other events are appended after the last erasure, an open does not read through them again", async () => {
    const { open, inner } = await givenAnErasureAfterABackup();
    (await open()).vault.close();
    // Other streams go on after the erasure (events of no module: nothing to seal).
    await inner.append('other-1', samples(3), { expectedRevision: 'no-stream' });
    const head = await inner.headPosition();
    let erasureAt: bigint | undefined;
    for await (const e of inner.readAll({ filter: { streamPrefixes: ['personal-data-erasure-'] } }))
      erasureAt = e.position;
    expect(head! > erasureAt!).toBe(true);
    (await open()).vault.close(); // looks after the erasure, through case-3's events, once
    const third = await open();
    third.vault.close();
    expect(third.reads).toEqual([
      { after: head, filter: { streamPrefixes: ['personal-data-erasure-'] } },
    ]);
    expect(third.reconciliation).toEqual({ reapplied: [], erasuresRead: 0 });
  });

  it('given the copy put back and the vault opened read-only, then the victim still reads [erased:name], the erasure is held by this process only, and the file is untouched until a writable open destroys the key', async () => {
    const { backup, ref, restore, open, vaultPath } = await givenAnErasureAfterABackup();
    const backupKey = wrappedKeyIn(backup, ref)!;
    restore();
    const readOnly = await open('read-only');
    try {
      const [concern] = await collect(readOnly.store.readStream('hsb-case-case-1'));
      expect(erasedCategory(victimOf(concern!.data).name)).toBe('name');
      expect(readOnly.vault.reappliedErasures()).toEqual([
        expect.objectContaining({ subjectRef: ref, inThisProcessOnly: true }),
      ]);
      expect(await readOnly.vault.currentSnapshotKey()).toBeUndefined();
    } finally {
      readOnly.vault.close();
    }
    expect(readFileSync(vaultPath).includes(backupKey)).toBe(true);
    const writable = await open();
    writable.vault.close();
    expect(writable.reconciliation.reapplied.map((r) => r.subjectRef)).toEqual([ref]);
    expect(readFileSync(vaultPath).includes(backupKey)).toBe(false);
  });
});
