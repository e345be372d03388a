import { eventStoreContract } from '@aimline/kernel/testing';
import { openEventStoreDbStore } from '../src/index.js';
import { FakeEventStoreDbClient } from './support/fake-eventstoredb-client.js';

// The whole port contract through the adapter, with an in-process stand-in for the server
// (see the fake's header for what it keeps of the server's behaviour). The real server runs
// the same suite in real-server.test.ts when one is available.
eventStoreContract(
  'EventStoreDbStore over an in-process fake of the client',
  () =>
    Promise.resolve(
      openEventStoreDbStore(new FakeEventStoreDbClient(), { disposeClient: true, pageSize: 4 }),
    ),
  { recordsStreamEnd: false },
);
