/**
 * @aimline/aimline: the package a council app installs. `createAimline` composes the four
 * processes (HSB AIM, meetings, the AIM panel, attendance AIMs) over one store, one council
 * policy and one clock, as typed services with one flat result type.
 */
export {
  createAimline,
  InvalidPolicyError,
  type Aimline,
  type AimlineOptions,
  type AnyProcessService,
  type AttendanceService,
  type LegalHoldService,
  type HsbService,
  type MeetingService,
  type PanelReferralInput,
  type PanelReferralService,
  type PanelSittingService,
} from './create-aimline.js';
export type { PanelService } from './panel-service.js';
export {
  type CaseView,
  type CommandInput,
  type ListEntry,
  type ListFilter,
  type ProcessService,
  type ReadOptions,
  type ReadResult,
  type WithSuppliedFact,
} from './process-service.js';
export {
  describeRefusal,
  type Accepted,
  type Conflict,
  type ExecuteResult,
  type Forbidden,
  type Invalid,
  type Refusal,
  type Rejected,
  type Unavailable,
} from './result.js';
export type { EventFacts, TypedEvent } from './typed-event.js';
export { deadlineView, type DeadlineState, type DeadlineView } from './deadline-view.js';
export {
  entitledTimeline,
  standingDeadlines,
  standingOf,
  standingTimeline,
  type StandingView,
} from './deadline-standing.js';
export {
  authorityOf,
  currentDirectory,
  DirectoryUnavailable,
  type Authority,
  type CommandRequest,
  type DirectorySource,
  type Principal,
} from './principal.js';
export { SUPPLIED_REFERRAL_FACTS } from './panel-facts.js';
export {
  governedReads,
  obligationsOf,
  principalView,
  type GovernedReads,
  type GovernedReadsOptions,
  type PrincipalView,
} from './reads.js';
export {
  defaultCouncilPolicy,
  isCouncilPolicy,
  loadCouncilPolicy,
  parseCouncilPolicy,
  schoolCalendarFor,
  type CouncilPolicy,
} from './council-policy.js';
export {
  domainRegistry,
  eventOf,
  type DomainRegistry,
  type EventOf,
  type StateOf,
  type TypedModules,
} from './registry.js';
export { MAX_POLICY_FILE_BYTES, readPolicyFile, whereJsonStops } from './policy-file.js';
export {
  DEFAULT_JSON_DEPTH,
  describeJsonRefusal,
  parseStrictJson,
  type JsonRefusal,
} from './strict-json.js';
