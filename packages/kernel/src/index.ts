export { type Decider, decideValidCommand, fold, validatingDecider } from './decider.js';
export { type Rejection, reject, AppendRejectedError } from './rejection.js';
export {
  type Decision,
  type Check,
  type Found,
  type CommandOfType,
  type Handler,
  type Handlers,
  type HandlersNamed,
  accept,
  refuse,
  check,
  decideWhen,
  decideWith,
  found,
  foundWhen,
  failureOf,
  firstFailure,
  noneTwice,
  dispatch,
  guard,
  eachItem,
  handlersNamed,
} from './decide.js';
export { stagedDecide } from './decide-staged.js';
export { appended, evolveBy, onceOpened, type EvolveTable, type ListField } from './evolve.js';
export { Actor } from './actor.js';
export { IsoInstant, IsoDate, NonEmptyString } from './instant.js';
export type { Command, CommandEnvelope } from './command.js';
export type {
  DomainEvent,
  EventMetadata,
  EventToAppend,
  ChainedMetadata,
  RecordedEvent,
} from './event.js';
export {
  type ExpectedRevision,
  describeExpected,
  meetsExpected,
  revisionAfter,
} from './revision.js';
export { canonicalJson } from './canonical-json.js';
export { collect } from './collect.js';
export { uuidV5, eventIdFor, AIMLINE_NAMESPACE } from './event-ids.js';
export {
  timelinePhases,
  domainModule,
  configuredModule,
  type ConfiguredModule,
  type ConfiguredModuleParts,
  type ModuleStreams,
  type NamedModule,
  type DomainModule,
  type ModuleParts,
  type AnyDomainModule,
  type TimelinePhases,
} from './domain-module.js';
export { moduleLookup } from './module-lookup.js';
export {
  smallModule,
  type SmallModuleSpec,
  type StreamCommandDefinitions,
} from './small-module.js';
export {
  commandFingerprint,
  isFingerprint,
  type FingerprintedCommand,
} from './command-fingerprint.js';
export {
  commandHandler,
  type CommandHandler,
  type CommandHandlerOptions,
  type CommandItem,
  type WireCommandItem,
  type CommandSuccess,
  type CommandFailure,
} from './command-handler.js';
export { describeCommandFailure, errorWithCauses } from './command-failure.js';

export { fieldProblems, describeProblems, type FieldProblem } from './codec/decode-errors.js';
export { unknownFields } from './codec/exact-fields.js';
export {
  defaultPlausibility,
  implausibility,
  PlausibilityPolicyCodec,
  type PlausibilityPolicy,
} from './codec/plausibility.js';
export {
  personal,
  PersonalCodec,
  personalDataPaths,
  redact,
  erasedPersonalData,
  personalDataMarker,
  type PersonalDataMarker,
  erasedCategory,
  isErasedPersonalData,
  type ErasedPersonalData,
  withheldPersonalData,
  withheldCategory,
  isWithheldPersonalData,
  type WithheldPersonalData,
  isUnavailablePersonalData,
  type UnavailablePersonalData,
  PersonalDataCategory,
  personalDataCategories,
  type PersonalDataPath,
} from './codec/personal-data.js';
export {
  subjectId,
  primarySubject,
  SubjectIdCodec,
  PrimarySubjectCodec,
  personalFieldsOf,
  recordSubject,
  type SubjectRole,
  type PersonalField,
  type PersonalFieldsOfData,
} from './codec/data-subjects.js';
export { valueAt, setAt, type DataPath } from './codec/data-path.js';
export {
  defineEvent,
  eventCatalogue,
  type EventCatalogue,
  type EventDefinition,
  type EventOf,
  type EventDecodeError,
  type EventDecodeErrorKind,
  type EncodedEvent,
  type StoredEventRef,
  type Upcaster,
  unreadableStoredData,
  unreadableStoredDataWhy,
  type UnreadableStoredData,
} from './codec/event-catalogue.js';
export {
  commandCatalogue,
  inputRejection,
  type CommandCatalogue,
  type CommandOf,
  type CommandDecodeError,
} from './codec/command-catalogue.js';
export { commandDataOf } from './codec/command-data.js';
export {
  jointPersonalDataUse,
  undeclaredPersonalFields,
  type PersonalDataUse,
  type PersonalFieldUse,
} from './codec/personal-data-use.js';

export type {
  EventStore,
  AppendOutcome,
  AppendRequest,
  AppendResult,
  ReadStreamOptions,
  ReadAllOptions,
  StreamFilter,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
  CheckpointStore,
} from './store/event-store.js';
export { appendResultOf, matchesFilter } from './store/event-store.js';
export { appendGroup, GroupAppends } from './store/append-group.js';
export { delegatingStore, type StoreOverrides } from './store/delegating-store.js';
export { missingStreamTail, type MissingStreamTail } from './store/stream-end.js';
export * from './store/errors.js';
export {
  STORED_JSON,
  attachStoredJson,
  canonicalEventText,
  chainEventsWithJson,
  type StoredJson,
  GENESIS_HASH,
  hashEvent,
  chainEvents,
  verifyLink,
  sameContent,
  type ChainBreak,
  type ChainedEvent,
  type HashedContent,
} from './store/hash-chain.js';
export {
  validateAppend,
  classifyAppend,
  checkCommands,
  commandsOf,
  type AppendClassification,
  type CommandCheck,
} from './store/append-checks.js';
export { InMemoryEventStore } from './store/in-memory-store.js';
export {
  GLOBAL_GENESIS,
  globalLink,
  hmacChainKey,
  linkMacMessage,
  headMacMessage,
  type ChainKey,
  type ChainHead,
} from './store/global-chain.js';
export {
  auditGlobalChain,
  describeGlobalBreak,
  type ChainRow,
  type ChainSource,
  type GlobalChainBreak,
  type GlobalChainReport,
} from './store/chain-audit.js';
export {
  anchorSignatureValid,
  checkAnchor,
  computeHead,
  signAnchor,
  SignedAnchorCodec,
  type Anchor,
  type AnchorCheck,
  type AnchorNotVerified,
  type AnchorVerified,
  type SignedAnchor,
} from './store/anchor.js';
export {
  decodeSignedDocument,
  documentSignatureValid,
  Ed25519KeyRefusedError,
  ed25519PrivateKey,
  ed25519PublicKey,
  signDocument,
  signedDocument,
  type Ed25519Key,
  type SignableDocument,
  type Signed,
} from './signed-document.js';
export { AppendSignal, pollingSubscription } from './store/polling-subscription.js';
export {
  StateCache,
  storedBytes,
  type CachedStream,
  type LoadedStream,
  type StateCacheOptions,
} from './store/state-cache.js';
export { Agency, agencies } from './agency.js';
