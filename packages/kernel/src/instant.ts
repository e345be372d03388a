/**
 * The kernel's instant and date codecs are the calendar's: one parser for the whole system
 * (`@aimline/calendar`'s `parseInstant` / `parseIsoDate`, exact round trip, explicit offset,
 * years 1000-9999). They are re-exported here so wire and event codecs read `IsoInstant` and
 * `IsoDate` from the kernel they already import. The decoded types are plain strings.
 */
import { IsoDateCodec, IsoInstantCodec } from '@aimline/calendar';

/** Text with a character that is not white space (the calendar's, as the instant codecs are). */
export { NonEmptyString } from '@aimline/calendar';

export const IsoInstant = IsoInstantCodec;
export type IsoInstant = string;
export const IsoDate = IsoDateCodec;
export type IsoDate = string;
