/** PNL-8: derived record-keeping values. */

/** The case-note heading of a panel decision on the child's file (PNL-8). */
export const CASE_NOTE_HEADING = 'HSB AIM' as const;

/** The minutes' document category for a sitting date `YYYY-MM-DD` (PNL-8). */
export const minutesDocumentCategory = (sittingDate: string): string =>
  `P25 ${sittingDate.slice(0, 4)}/${sittingDate.slice(5, 7)}/${sittingDate.slice(8, 10)} LEGAL MEETINGS (HSB AIM)`;
