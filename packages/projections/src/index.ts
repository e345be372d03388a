export {
  eventDecoder,
  readStoredEvent,
  type DecodedEvent,
  type EventDecoder,
  type ProjectionDecodeError,
} from './decoded-event.js';
export {
  type Projection,
  appliesTo,
  personalDataOf,
  subscribesTo,
  foldProjection,
  visitEach,
} from './projection.js';
export { recordedBy } from './as-of.js';
export {
  auditTrail,
  auditedEvents,
  auditEntry,
  defaultAuditPolicy,
  type AuditEntry,
  type AuditPolicy,
} from './audit-trail.js';
export {
  verifyChains,
  verifyNext,
  initialChainVerification,
  describeBreak,
  type ChainVerificationState,
  type ChainLink,
  type VerificationReport,
} from './chain-verification.js';
export {
  InMemorySnapshotStore,
  type SnapshotStore,
  type ProjectionSnapshot,
  type SnapshotEvent,
} from './snapshot-store.js';
export {
  ProjectionRunner,
  replayAsOf,
  applyEvent,
  type CatchUpResult,
  type Replayed,
  type RunnerOptions,
} from './runner.js';
export {
  guarded,
  unreadableEvent,
  describeUnreadable,
  metadataProblem,
  FOLDED_STREAM,
  toldTo,
  isOutOfView,
  isMissing,
  damageLocation,
  DAMAGE_OUT_OF_VIEW,
  MISSING_OUT_OF_VIEW,
  type UnreadableEvent,
  type DamageReader,
  type DamageOutOfView,
  type Damage,
  type ToldDamage,
} from './unreadable-event.js';
export type { MissingEvents } from './stream-tail.js';
export { locateUnreadable } from './locate-unreadable.js';
export { streamDamage } from './stream-damage.js';
export {
  deadlineTracker,
  deadlineReport,
  type DeadlineTrackerState,
  type DeadlineTrackerOptions,
  type TrackedStream,
  type TrackedDeadline,
  type DeadlineReport,
} from './deadline-tracker.js';
export { caseTimeline, type CaseTimeline, type TimelineEntry } from './case-timeline.js';
export { memoryStreamTable, streamValues, type StreamTable } from './stream-table.js';
export {
  spillingStreamTable,
  memorySpill,
  type StreamSpill,
  type SpilledValue,
  type SpillingOptions,
} from './spilling-stream-table.js';
