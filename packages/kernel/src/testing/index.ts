export { deciderSpec, type WhenClause } from './decider-spec.js';
export { eventStoreContract, type ContractOptions } from './store-contract.js';
export { StoreModel } from './store-model.js';
export {
  essence,
  sampleEvent,
  samples,
  underAnotherCommand,
  uniquePrefix,
} from './sample-events.js';
export { goldenEventsSuite } from './golden-events.js';
export { phaseModulesSuite, strayHandlerNames, type KnownCommandTypes } from './phase-modules.js';
export { codecValues, fastCheckDisagreement } from './codec-values.js';
