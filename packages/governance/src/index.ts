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
