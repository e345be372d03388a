/**
 * What a personal field reads as when the reader's access rule withholds it: `[withheld:<category>]`.
 * The marker is the kernel's (personal codecs accept it, so a projection can fold what a
 * principal may see; commands that carry it are refused); these are its governance names.
 */
export {
  withheldPersonalData as withheld,
  withheldCategory,
  isWithheldPersonalData as isWithheld,
  type WithheldPersonalData,
} from '@aimline/kernel';
