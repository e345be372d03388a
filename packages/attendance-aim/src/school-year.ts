/**
 * England's school year (starts 1 September), year groups, school phase and the end of
 * compulsory school age (NAT-8). Pure functions on ISO dates.
 */
import { addDays, ageOn, dateParts, isoWeekday } from '@aimline/calendar';

/** The calendar year in which the school year holding `date` started (1 September). */
export const schoolYearStartYear = (date: string): number => {
  const { year, month } = dateParts(date);
  return month >= 9 ? year : year - 1;
};

/**
 * The national curriculum year group on `date`: the pupil's age on 31 August before the school
 * year started, minus 4. Year N (nursery) is -1, Reception 0, Year 1 … Year 13 are 1 … 13.
 */
export const yearGroupOn = (dateOfBirth: string, date: string): number =>
  ageOn(dateOfBirth, `${schoolYearStartYear(date)}-08-31`) - 4;

export const yearGroupLabel = (yearGroup: number): string =>
  yearGroup === -1
    ? 'Year N'
    : yearGroup === 0
      ? 'Reception'
      : yearGroup < -1
        ? 'below school age'
        : `Year ${yearGroup}`;

export type SchoolPhase = 'primary' | 'secondary';

/** Primary up to Year 6 (with N and Reception); secondary from `secondaryFromYearGroup` (Year 7). */
export const schoolPhase = (yearGroup: number, secondaryFromYearGroup = 7): SchoolPhase =>
  yearGroup >= secondaryFromYearGroup ? 'secondary' : 'primary';

/** The last Friday in June of `year`. */
export const lastFridayInJune = (year: number): string => {
  const june30 = `${year}-06-30`;
  const back = (isoWeekday(june30) - 5 + 7) % 7;
  return addDays(june30, -back);
};

/**
 * NAT-8: compulsory school age ends on the last Friday in June of the school year in which the
 * pupil turns 16 (Year 11). `finalYearGroup` is policy (11 in England).
 */
export const endOfCompulsorySchoolAge = (dateOfBirth: string, finalYearGroup = 11): string => {
  const { year, month } = dateParts(dateOfBirth);
  // the school year (starting 1 September of Y) in which the pupil is in `finalYearGroup`:
  // age on 31 August of Y is finalYearGroup + 4.
  const startYear = year + finalYearGroup + 4 + (month >= 9 ? 1 : 0);
  return lastFridayInJune(startYear + 1);
};

/** Whether `date` is in the pupil's final compulsory academic year (Year 11 by default). */
export const inFinalAcademicYear = (
  dateOfBirth: string,
  date: string,
  finalYearGroup = 11,
): boolean => yearGroupOn(dateOfBirth, date) === finalYearGroup;
