/** Ages in whole years on a Europe/London local date (T-1). */
import { localDate } from '@aimline/calendar';

/** Whole years from a date of birth to a date or instant (its London local date). */
export const ageOn = (dateOfBirth: string, on: string): number => {
  const day = on.length === 10 ? on : localDate(on);
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

/** The London local date of an instant. */
export const dayOf = (instant: string): string => localDate(instant);
