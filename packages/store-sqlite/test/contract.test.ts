import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '@aimline/kernel/testing';
import { afterAll } from 'vitest';
import { openSqliteEventStore } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'aimline-sqlite-contract-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A fresh file per store, as the CLI would open it.
eventStoreContract(
  'sqlite file',
  () => Promise.resolve(openSqliteEventStore(join(dir, `store-${n++}.db`))),
  { recordsStreamEnd: true },
);

eventStoreContract('sqlite :memory:', () => Promise.resolve(openSqliteEventStore(':memory:')), {
  numRuns: 10,
  recordsStreamEnd: true,
});
