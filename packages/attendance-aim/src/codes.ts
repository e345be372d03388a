/**
 * NAT-4: the national attendance and absence codes in force in England since August 2024.
 * National data, not council policy: a school cannot invent codes.
 */
import * as t from 'io-ts';

export const attendanceCodeTable = {
  /** Present: `/` morning, `\` afternoon, `L` late before the register closed. */
  present: ['/', '\\', 'L'],
  /** Attending an approved educational activity (counts as attendance). */
  approvedEducationalActivity: ['K', 'V', 'P', 'W', 'B'],
  /** Authorised absence. */
  authorisedAbsence: ['C1', 'M', 'J1', 'S', 'C2', 'C', 'T', 'R', 'I', 'E'],
  /** Unauthorised absence (`U` is late after the register closed). */
  unauthorisedAbsence: ['G', 'N', 'O', 'U'],
  /** Not a possible session: left out of every rate's denominator. */
  notPossible: ['D', 'Q', 'X', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7'],
  /** Administrative: `Z` pupil not yet on roll, `#` planned whole-school closure (not possible sessions). */
  administrative: ['Z', '#'],
} as const;

export type CodeCategory = keyof typeof attendanceCodeTable;
export type AttendanceCode = (typeof attendanceCodeTable)[CodeCategory][number];

const categoryOf = new Map<string, CodeCategory>(
  (Object.keys(attendanceCodeTable) as CodeCategory[]).flatMap((category) =>
    attendanceCodeTable[category].map((code) => [code, category] as const),
  ),
);

/** Every national code, in table order. */
export const allAttendanceCodes: ReadonlyArray<AttendanceCode> = [
  ...categoryOf.keys(),
] as AttendanceCode[];

export const isAttendanceCode = (code: string): code is AttendanceCode => categoryOf.has(code);

/** The category of a national code (NAT-4). */
export const codeCategory = (code: AttendanceCode): CodeCategory => categoryOf.get(code)!;

/** A possible session: present, approved educational activity, authorised or unauthorised absence. */
export const isPossibleSession = (code: AttendanceCode): boolean => {
  const c = codeCategory(code);
  return c !== 'notPossible' && c !== 'administrative';
};

/** Counts as attendance: present or at an approved educational activity. */
export const isAttendance = (code: AttendanceCode): boolean => {
  const c = codeCategory(code);
  return c === 'present' || c === 'approvedEducationalActivity';
};

export const isUnauthorised = (code: AttendanceCode): boolean =>
  codeCategory(code) === 'unauthorisedAbsence';
export const isAuthorised = (code: AttendanceCode): boolean =>
  codeCategory(code) === 'authorisedAbsence';

/** io-ts codec of a national attendance code. */
export const AttendanceCodeC = t.keyof(
  Object.fromEntries(allAttendanceCodes.map((c) => [c, null])) as Record<AttendanceCode, null>,
  'AttendanceCode',
);
