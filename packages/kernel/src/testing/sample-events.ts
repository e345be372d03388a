import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '../event.js';

/** A unique prefix per test, so contract tests can share one server (EventStoreDB) safely. */
export const uniquePrefix = (label: string): string => `ct${randomUUID().slice(0, 8)}-${label}-`;

/** An invented event (no personal data) for store tests. */
export const sampleEvent = (n: number, extra: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type: 'SampleRecorded',
  schemaVersion: 1,
  data: { n, note: `sample ${n}`, ...extra },
  metadata: {
    occurredAt: '2026-03-29T00:30:00.000Z',
    recordedAt: '2026-03-29T00:30:01.000Z',
    actor: { id: 'tester-1', role: 'tester', agency: 'aimline' },
    commandId: randomUUID(),
    correlationId: 'corr-1',
    causationId: 'cause-1',
  },
});

export const samples = (count: number, from = 0): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => sampleEvent(from + i));

export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
};

/** The parts of a recorded event a test compares with what was appended. */
export const essence = (e: RecordedEvent) => ({
  id: e.id,
  stream: e.stream,
  revision: e.revision,
  type: e.type,
  data: e.data,
});
