import { randomUUID } from 'node:crypto';
import { commandFingerprint } from '../command-fingerprint.js';
import type { EventToAppend, RecordedEvent } from '../event.js';

const tester = { id: 'tester-1', role: 'tester', agency: 'aimline' };

/** A unique prefix per test, so contract tests can share one server (EventStoreDB) safely. */
export const uniquePrefix = (label: string): string => `ct${randomUUID().slice(0, 8)}-${label}-`;

/**
 * An invented event (no personal data) for store tests: the one event of its own command
 * (`RecordSample` with the same data; its fingerprint names no stream, as store tests append
 * samples to streams of their choosing).
 */
export const sampleEvent = (n: number, extra: Record<string, unknown> = {}): EventToAppend => {
  const data = { n, note: `sample ${n}`, ...extra };
  const occurredAt = '2026-03-29T00:30:00.000Z';
  return {
    id: randomUUID(),
    type: 'SampleRecorded',
    schemaVersion: 1,
    data,
    metadata: {
      occurredAt,
      recordedAt: '2026-03-29T00:30:01.000Z',
      actor: tester,
      commandId: randomUUID(),
      commandFingerprint: commandFingerprint({
        type: 'RecordSample',
        stream: '',
        at: occurredAt,
        actor: tester,
        data,
      }),
      correlationId: 'corr-1',
      causationId: 'cause-1',
    },
  };
};

/** `event` as recorded by another command (a new command id and fingerprint). */
export const underAnotherCommand = (event: EventToAppend, label = 'another'): EventToAppend => ({
  ...event,
  metadata: {
    ...event.metadata,
    commandId: randomUUID(),
    commandFingerprint: commandFingerprint({
      type: 'RecordSample',
      stream: label,
      at: event.metadata.occurredAt,
      actor: event.metadata.actor,
      data: event.data,
    }),
  },
});

export const samples = (count: number, from = 0): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => sampleEvent(from + i));

/** The parts of a recorded event a test compares with what was appended. */
export const essence = (e: RecordedEvent) => ({
  id: e.id,
  stream: e.stream,
  revision: e.revision,
  type: e.type,
  data: e.data,
});
