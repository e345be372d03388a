import { describe, expect, it } from 'vitest';
import { canonicalJson, erasedCategory } from '@aimline/kernel';
import { openEventStoreDbStore } from '@aimline/store-eventstoredb';
import { externalServerUrl } from '../../../store-eventstoredb/test/support/esdb-server.js';
import { ownServer, useSingleNode } from '../../../store-eventstoredb/test/support/single-node.js';
import { erasePerson } from '../../src/index.js';
import {
  actor,
  collect,
  encryptedMemoryStore,
  handlerOn,
  hsb,
  PLAINTEXTS,
  reportConcern,
  verifyChains,
} from './support.js';

// The same guarantees on a real EventStoreDB node (started by the test support of
// @aimline/store-eventstoredb): the server holds ciphertext only, the keys live in a vault file
// outside it, erasure reads as erased and the chains still verify.
const external = externalServerUrl();
const own = ownServer('ENCRYPTION ON EVENTSTOREDB (@aimline/governance)');
const node = external === undefined && 'bin' in own ? useSingleNode(own.bin) : undefined;

if (external === undefined && node === undefined) {
  describe.skip(`encryption on EventStoreDB: SKIPPED — ${'skip' in own ? own.skip : ''}`, () => {
    it('(skipped, see the reason above)', () => {
      expect('skip' in own).toBe(true);
    });
  });
} else {
  describe('encryption and erasure on a real EventStoreDB node (issue 13: same guarantees as SQLite)', () => {
    it('the server holds no plaintext personal data; reads decrypt; erasure reads as erased; chains verify; no key is in the store', async () => {
      const inner = openEventStoreDbStore(external ?? node!().url);
      const { store, vault } = await encryptedMemoryStore(undefined, undefined, inner);
      try {
        const caseId = `esdb-${Date.now()}`;
        const handler = handlerOn(store);
        await handler.handle(hsb, reportConcern(caseId));
        const stream = `hsb-case-${caseId}`;

        const stored = await collect(inner.readStream(stream));
        const storedText = canonicalJson(stored.map((e) => e.data));
        for (const p of PLAINTEXTS) expect(storedText).not.toContain(p);
        const [read] = await collect(store.readStream(stream));
        expect((read!.data as { victim: { name: string } }).victim.name).toBe('Sam Examplechild');

        await erasePerson(
          { vault, handler, actor, at: '2033-01-01T10:00:00Z' },
          'child-v',
          'retention rule HSB-R1',
        );
        const [after] = await collect(store.readStream(stream));
        expect(erasedCategory((after!.data as { victim: { name: string } }).victim.name)).toBe(
          'name',
        );
        const all = await collect(inner.readAll());
        expect(canonicalJson(all.map((e) => [e.stream, e.data]))).not.toMatch(/wrapped|index_key/);
        expect(await verifyChains(inner)).toEqual([]);
      } finally {
        await store.dispose();
      }
    }, 120_000);
  });
}
