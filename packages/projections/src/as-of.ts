import { instantMs, type InstantInput } from '@aimline/calendar';
import type { RecordedEvent } from '@aimline/kernel';

/**
 * As-of replay: the events the system had recorded by `asOf` ("what did the panel know when
 * it decided?"). Recording time, not occurrence time: an event recorded late about an earlier
 * day was not known before it was recorded. `asOf` is read once, not once per event (an
 * `Instant` is not parsed at all).
 */
export const recordedBy = (asOf: InstantInput | undefined): ((event: RecordedEvent) => boolean) => {
  if (asOf === undefined) return () => true;
  const limit = instantMs(asOf);
  return (event) => instantMs(event.metadata.recordedAt) <= limit;
};
