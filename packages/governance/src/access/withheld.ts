import type { PersonalDataCategory } from '@aimline/kernel';

/**
 * What a personal field reads as when the reader's access rule withholds it: `[withheld:<category>]`.
 * A string, like the erased marker, so it survives JSON and displays as itself.
 */
export type WithheldPersonalData = `[withheld:${PersonalDataCategory}]`;

export const withheld = (category: PersonalDataCategory): WithheldPersonalData =>
  `[withheld:${category}]`;

const WITHHELD = /^\[withheld:([a-zA-Z]+)\]$/;

/** The category of a withheld marker, or undefined when `value` is not one. */
export const withheldCategory = (value: unknown): PersonalDataCategory | undefined => {
  if (typeof value !== 'string') return undefined;
  return WITHHELD.exec(value)?.[1] as PersonalDataCategory | undefined;
};

export const isWithheld = (value: unknown): value is WithheldPersonalData =>
  withheldCategory(value) !== undefined;
