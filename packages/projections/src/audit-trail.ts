import { parseInstant, type InstantInput } from '@aimline/calendar';
import type { EventStore, RecordedEvent } from '@aimline/kernel';
import { recordedBy } from './as-of.js';

export interface AuditPolicy {
  /** Recorded more than this many hours after it happened is flagged as late recording. */
  readonly lateRecordingHours: number;
}

export const defaultAuditPolicy: AuditPolicy = { lateRecordingHours: 48 };

/** One line of the audit trail: who did what, when it happened, when it was recorded, and why. */
export interface AuditEntry {
  readonly stream: string;
  readonly revision: number;
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string; readonly agency: string };
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly hash: string;
  /** Hours between occurrence and recording when beyond the policy threshold. */
  readonly lateRecordingHours?: number;
}

export const auditEntry = (
  e: RecordedEvent,
  policy: AuditPolicy = defaultAuditPolicy,
): AuditEntry => {
  const recorded = parseInstant(e.metadata.recordedAt);
  const occurred = parseInstant(e.metadata.occurredAt);
  // Damaged times are shown as stored; lateness is only worked out from readable ones.
  const lag =
    recorded === undefined || occurred === undefined ? 0 : (recorded - occurred) / 3_600_000;
  return {
    stream: e.stream,
    revision: e.revision,
    position: e.position.toString(),
    eventId: e.id,
    type: e.type,
    schemaVersion: e.schemaVersion,
    occurredAt: e.metadata.occurredAt,
    recordedAt: e.metadata.recordedAt,
    actor: e.metadata.actor,
    commandId: e.metadata.commandId,
    correlationId: e.metadata.correlationId,
    causationId: e.metadata.causationId,
    hash: e.metadata.hash,
    ...(lag > policy.lateRecordingHours ? { lateRecordingHours: Math.round(lag * 10) / 10 } : {}),
  };
};

/**
 * The stored events the audit trail shows: of one stream, or of everything in global order, as
 * recorded by `asOf` (an event whose recording time is unreadable is shown: the trail hides
 * nothing stored). Streams from the store: nothing is held in memory beyond one page.
 */
export async function* auditedEvents(
  store: Pick<EventStore, 'readAll' | 'readStream'>,
  options: { readonly stream?: string; readonly asOf?: InstantInput } = {},
): AsyncIterable<RecordedEvent> {
  const keep = recordedBy(options.asOf);
  const source = options.stream === undefined ? store.readAll() : store.readStream(options.stream);
  for await (const e of source)
    if (parseInstant(e.metadata.recordedAt) === undefined || keep(e)) yield e;
}

/** The audit trail of one stream, or of everything in global order, as recorded by `asOf`. */
export async function* auditTrail(
  store: Pick<EventStore, 'readAll' | 'readStream'>,
  options: {
    readonly stream?: string;
    readonly asOf?: InstantInput;
    readonly policy?: AuditPolicy;
  } = {},
): AsyncIterable<AuditEntry> {
  for await (const e of auditedEvents(store, options)) yield auditEntry(e, options.policy);
}
