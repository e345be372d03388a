import type { FieldProblem } from '@aimline/kernel';

/**
 * Why a principal could not be established or was refused. Every variant names what it is
 * about (the principal id, the field, the command) and carries a one-line `message`.
 */
export type GovernanceError =
  /** The id is well-formed but the council directory does not hold it. */
  | { readonly kind: 'UnknownPrincipal'; readonly principal: string; readonly message: string }
  /**
   * The id or the claimed principal cannot be genuine: an id that is not a directory id at all
   * (empty, control characters, look-alike letters), or a claim whose role, agency or
   * allocations differ from the directory's entry (`field` names the first difference).
   */
  | {
      readonly kind: 'ForgedPrincipal';
      readonly principal: string;
      readonly field: string;
      readonly message: string;
    }
  /** The directory holds the person but gives them no role: they may do and see nothing. */
  | { readonly kind: 'NoRole'; readonly principal: string; readonly message: string }
  /** The directory (policy file) is not valid: every problem names its field. */
  | {
      readonly kind: 'InvalidDirectory';
      readonly problems: ReadonlyArray<FieldProblem>;
      readonly message: string;
    }
  /** The principal may not issue this command. Nothing was appended. */
  | {
      readonly kind: 'Forbidden';
      readonly code: 'FORBIDDEN';
      readonly principal: string;
      readonly role: string;
      readonly module: string;
      readonly command: string;
      readonly stream: string;
      readonly message: string;
    };

export type GovernanceErrorKind = GovernanceError['kind'];

export const invalidDirectory = (problems: ReadonlyArray<FieldProblem>): GovernanceError => ({
  kind: 'InvalidDirectory',
  problems,
  message: `Invalid principals directory: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
});
