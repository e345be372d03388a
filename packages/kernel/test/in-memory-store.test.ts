import { InMemoryEventStore } from '../src/index.js';
import { eventStoreContract, sealedDataContract } from '../src/testing/index.js';

eventStoreContract('in-memory', () => Promise.resolve(new InMemoryEventStore()));
sealedDataContract('in-memory', () => Promise.resolve(new InMemoryEventStore()));
