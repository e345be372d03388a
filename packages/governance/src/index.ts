// principals (gov-access): who acts, and what they may do
export { ROLES, Role, roles } from './principals/roles.js';
export {
  Principal,
  PrincipalId,
  PRINCIPAL_ID_PATTERN,
  DirectoryEntry,
  actorOf,
} from './principals/principal.js';
export { type GovernanceError, type GovernanceErrorKind } from './principals/errors.js';
export {
  DirectoryFile,
  parseDirectory,
  resolvePrincipal,
  verifyPrincipal,
  type Directory,
} from './principals/directory.js';
export {
  CommandGrant,
  CommandPolicy,
  GrantScope,
  commandPolicyProblems,
  type GovernedModule,
} from './principals/command-policy.js';
export { defaultCommandPolicy } from './principals/default-command-policy.js';
export { authorise } from './principals/authorise.js';
export {
  governedCommands,
  describeGovernedFailure,
  isGovernanceError,
  type GovernedCommands,
  type GovernedEnvelope,
  type GovernedFailure,
} from './principals/governed-commands.js';

// crypto (gov-crypto): encryption of personal data at append, key vault, erasure by crypto-shredding
export * from './crypto/index.js';

// access (gov-access): need-to-know reads and the read audit
export {
  withheld,
  withheldCategory,
  isWithheld,
  type WithheldPersonalData,
} from './access/withheld.js';
export {
  AccessPolicy,
  ReadGrant,
  ReadScope,
  SubjectScope,
  PERSONAL_DATA_CATEGORIES,
} from './access/access-policy.js';
export { defaultAccessPolicy, CRIMINAL_JUSTICE_EVENTS } from './access/default-access-policy.js';
export {
  declaredPersonalFields,
  subjectFieldsFinder,
  filterEvent,
  grantsFor,
  everyTypeShown,
  narrowedTo,
  streamCovered,
  modulesNotWhollyRead,
  type FilteredEvent,
  type PersonalFieldRef,
  type PersonalFieldsFinder,
} from './access/need-to-know.js';
export {
  AccessEntry,
  AccessEntryFormat1,
  AccessEntryFormat2,
  AccessEntryFormat3,
  ACCESS_ENTRY_FORMAT,
  storeOfEntry,
  readOfPerson,
  type CurrentAccessEntry,
  ACCESS_LOG_GENESIS,
  accessMacMessage,
  chainAccess,
  AccessLogUnavailable,
  memoryAccessLog,
  type AccessLog,
  type LoggedAccess,
} from './access/access-log.js';
export {
  unkeyedAccessEntries,
  verifyAccessLog,
  type AccessLogBreak,
  type AccessLogCheck,
} from './access/access-log-verify.js';
export {
  accessLogAnchor,
  checkAccessLogAnchor,
  signAccessLogAnchor,
  SignedAccessLogAnchorCodec,
  type AccessLogAnchor,
  type AccessLogAnchorCheck,
  type AccessLogAnchorFault,
  type SignedAccessLogAnchor,
} from './access/access-log-anchor.js';
export {
  ACCESS_LOG_LOCK_WAIT_MS,
  fileAccessLog,
  readAccessLogFile,
  type AccessLogFile,
  type DamagedLine,
  type FileAccessLogOptions,
} from './access/access-log-file.js';
export {
  needToKnowReader,
  statedPurpose,
  type NeedToKnowOptions,
  type NeedToKnowReader,
  type ReadRequest,
  type VisibleEvents,
} from './access/reader.js';
export {
  entitledDeadlines,
  entitledStatus,
  deadlineKey,
  SETTLED_OUT_OF_VIEW,
  type StreamDeadline,
} from './access/entitled-deadlines.js';
export { ReadRules, accessPolicyOf, readRulesProblems } from './access/read-rules.js';

// retention, legal holds, subject access (gov-lifecycle)
export {
  LEGAL_HOLD_STREAM_PREFIX,
  legalHoldStream,
  legalHoldModule,
  legalHoldCommands,
  legalHoldEvents,
  type LegalHoldCommand,
  type LegalHoldEvent,
  type LegalHoldModule,
  type LegalHoldState,
} from './retention/legal-hold.js';
export {
  RetentionRule,
  ProcessRetention,
  RetentionPolicyCodec,
  defaultRetentionPolicy,
  parseRetentionPolicy,
  type RetentionPolicy,
} from './retention/policy.js';
export {
  retentionFolder,
  retentionSchedule,
  type RetentionFolder,
  type LegalHoldInForce,
  type PersonDue,
  type RecordRetention,
  type RetentionSchedule,
  type RuleJudgement,
} from './retention/schedule.js';
export {
  eventSubjects,
  type EventSubjects,
  type ScheduledEvent,
  type SubjectField,
} from './subject-access/event-subjects.js';
export {
  recordFinder,
  recordsAbout,
  subjectAccessReport,
  type DetailHistory,
  type SubjectAccessEvent,
  type SubjectAccessRecord,
  type SubjectAccessReport,
} from './subject-access/subject-access.js';
export { WITHHELD_PERSON } from './subject-access/scrub.js';
