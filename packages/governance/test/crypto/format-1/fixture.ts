/**
 * History written in sealed format 1 (one `aimline:enc:1:` envelope per personal field), kept so
 * that rows stored in that format are proven to still open. `history.json` holds the rows and
 * `keys.vault` the key vault (a SQLite file), as the format-1 writer (commit fb272ea) stored them under
 * `FORMAT_1_MASTER_KEY`: the support's concern about `alleged` and `victim` in case-1, the same
 * concern in case-2 with `SECOND_VICTIM` as the victim, then `SECOND_VICTIM` erased
 * (`erasePerson`, 'retention rule HSB-R1'). Every person is invented; the master key is a test
 * key that protects nothing else.
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

export const FORMAT_1_MASTER_KEY =
  '6b1f0c2e9d4a7b3c5e8f1a2d4c6b8e0f1a3c5e7d9b2f4a6c8e0d2b4f6a8c0e1d';

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

export const format1Rows = (): ReadonlyArray<StoredRow> =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'history.json'), 'utf8')) as StoredRow[];

/**
 * The format-1 history in a store of its own (appended as stored: the store rebuilds each
 * stream's chain over the same bytes), and a copy of the key vault it was written with.
 */
export const format1Store = async () => {
  const inner: EventStore = new InMemoryEventStore();
  for (const row of format1Rows()) {
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
  copyFileSync(join(import.meta.dirname, 'keys.vault'), vaultPath);
  const vault = await openKeyVault(
    vaultPath,
    localMasterKey(Buffer.from(FORMAT_1_MASTER_KEY, 'hex')),
    'open',
  );
  return {
    inner,
    vault,
    store: encryptingEventStore(inner, vault, personalFieldsByModule(modules)),
  };
};
