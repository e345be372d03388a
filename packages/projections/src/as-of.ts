import { isAfter } from '@aimline/calendar';
import type { RecordedEvent } from '@aimline/kernel';

/**
 * As-of replay: the events the system had recorded by `asOf` ("what did the panel know when
 * it decided?"). Recording time, not occurrence time: an event recorded late about an earlier
 * day was not known before it was recorded.
 */
export const recordedBy =
  (asOf: string | undefined) =>
  (event: RecordedEvent): boolean =>
    asOf === undefined || !isAfter(event.metadata.recordedAt, asOf);
