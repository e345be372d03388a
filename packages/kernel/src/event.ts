import type { Actor } from './actor.js';

/** A domain event as a decider produces it: a type and its data, nothing else. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** What the world and the system know about when, why and by whom an event was written. */
export interface EventMetadata {
  /** When it happened in the world (the command's `at`). */
  readonly occurredAt: string;
  /** When the system recorded it. */
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly commandId: string;
  /** The command's fingerprint (`commandFingerprint`): what makes a reused command id detectable. */
  readonly commandFingerprint: string;
  readonly correlationId: string;
  readonly causationId: string;
}

/** An event ready to append: encoded data, its schema version and its metadata. */
export interface EventToAppend {
  /** A UUID. Appending the same id twice is idempotent. */
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** Hash-chain fields a store adds at append time (see `hash-chain.ts`). */
export interface ChainedMetadata extends Omit<EventMetadata, 'commandFingerprint'> {
  /** Absent only on events recorded before fingerprints were kept (store schema 1). */
  readonly commandFingerprint?: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * An event as stored. `revision` is 0-based within its stream (the one version rule: the
 * first event of a stream is revision 0); `position` is the store's global, monotonic
 * position (a bigint: EventStoreDB's commit positions exceed 2^53).
 */
export interface RecordedEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: ChainedMetadata;
}
