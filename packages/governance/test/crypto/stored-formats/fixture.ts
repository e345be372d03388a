/**
 * History written in each sealed format the encrypting store has written, kept so that rows
 * stored in an older format are proven to still open after the writer moves on:
 * - `format-1/`: one `aimline:enc:1:` envelope per personal field, as the format-1 writer
 *   (commit fb272ea) stored it;
 * - `format-2/`: one box per subject and category in the member `aimline:sealed:2`, as the
 *   format-2 writer (commit 478c90e) stored it.
 *
 * Each folder holds `history.json` (the rows) and `keys.vault` (the key vault, a SQLite file),
 * written under `FIXTURE_MASTER_KEY` by the same story: the support's concern about `alleged`
 * and `victim` in case-1, the same concern in case-2 with `SECOND_VICTIM` as the victim, then
 * `SECOND_VICTIM` erased (`erasePerson`, 'retention rule HSB-R1'). Every person is invented; the
 * master key is a test key that protects nothing else. The files are never rewritten: a writer
 * of a new format adds a folder of its own.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  InMemoryEventStore,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@aimline/kernel';
import {
  encryptingEventStore,
  localMasterKey,
  openKeyVault,
  personalFieldsByModule,
} from '../../../src/index.js';
import { modules, tempDir } from '../support.js';

export const FIXTURE_MASTER_KEY =
  '6b1f0c2e9d4a7b3c5e8f1a2d4c6b8e0f1a3c5e7d9b2f4a6c8e0d2b4f6a8c0e1d';

/** The sealed formats kept, by the folder their history is in. */
export const storedFormats = [
  { format: 1, folder: 'format-1', marker: 'aimline:enc:1:' },
  { format: 2, folder: 'format-2', marker: 'aimline:sealed:2' },
] as const;
export type StoredFormat = (typeof storedFormats)[number];

/** The second case's victim, erased after the case was recorded. */
export const SECOND_VICTIM = {
  childId: 'child-w',
  name: 'Jo Madeupchild',
  dateOfBirth: '2013-09-09',
  school: 'Elmstead Juniors',
  socialWorker: { id: 'sw-second', name: 'Casey Notreal' },
};

type StoredRow = Pick<
  RecordedEvent,
  'stream' | 'revision' | 'id' | 'type' | 'schemaVersion' | 'data'
> & {
  readonly metadata: RecordedEvent['metadata'];
};

export const storedRows = ({ folder }: StoredFormat): ReadonlyArray<StoredRow> =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, folder, 'history.json'), 'utf8'),
  ) as StoredRow[];

/**
 * A format's history in a store of its own (appended as stored: the store rebuilds each
 * stream's chain over the same bytes), and a copy of the key vault it was written with.
 */
export const storedFormatStore = async (format: StoredFormat) => {
  const inner: EventStore = new InMemoryEventStore();
  for (const row of storedRows(format)) {
    const { prevHash: _p, hash: _h, ...metadata } = row.metadata;
    await inner.append(
      row.stream,
      [
        {
          id: row.id,
          type: row.type,
          schemaVersion: row.schemaVersion,
          data: row.data,
          metadata: metadata as EventMetadata,
        },
      ],
      { expectedRevision: row.revision === 0 ? 'no-stream' : row.revision - 1 },
    );
  }
  const vaultPath = join(tempDir(), 'keys.db');
  copyFileSync(join(import.meta.dirname, format.folder, 'keys.vault'), vaultPath);
  const vault = await openKeyVault(
    vaultPath,
    localMasterKey(Buffer.from(FIXTURE_MASTER_KEY, 'hex')),
    'open',
  );
  return {
    inner,
    vault,
    store: encryptingEventStore(inner, vault, personalFieldsByModule(modules)),
  };
};
