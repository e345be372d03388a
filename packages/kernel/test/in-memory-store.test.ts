import { InMemoryEventStore } from '../src/index.js';
import { eventStoreContract } from '../src/testing/index.js';

eventStoreContract('in-memory', () => Promise.resolve(new InMemoryEventStore()), {
  recordsStreamEnd: false,
});
