import type { RecordedEvent } from '@aimline/kernel';

/**
 * As-of replay: the events the system had recorded by `asOf` ("what did the panel know when
 * it decided?"). Recording time, not occurrence time: an event recorded late about an earlier
 * day was not known before it was recorded.
 */
export const recordedBy =
  (asOf: string | undefined) =>
  (event: RecordedEvent): boolean =>
    asOf === undefined || Date.parse(event.metadata.recordedAt) <= Date.parse(asOf);

/** Filters an async stream of events to those recorded by `asOf`. */
export async function* recordedUpTo(
  events: AsyncIterable<RecordedEvent>,
  asOf: string | undefined,
): AsyncIterable<RecordedEvent> {
  const keep = recordedBy(asOf);
  for await (const e of events) if (keep(e)) yield e;
}
