import type { FieldProblem } from '@aimline/kernel';

/** A refusal of one kind: what it is about (`About`) and a one-line `message`. */
type Refusal<K extends string, About> = {
  readonly kind: K;
  readonly message: string;
} & Readonly<About>;

/**
 * Why a principal could not be established or was refused. Every variant names what it is
 * about (the principal id, the field, the command) and carries a one-line `message`.
 */
export type GovernanceError =
  /** The id is well-formed but the council directory does not hold it. */
  | Refusal<'UnknownPrincipal', { principal: string }>
  /**
   * The id or the claimed principal cannot be genuine: an id that is not a directory id at all
   * (empty, control characters, look-alike letters), or a claim whose role, agency or
   * allocations differ from the directory's entry (`field` names the first difference).
   */
  | Refusal<'ForgedPrincipal', { principal: string; field: string }>
  /** The directory holds the person but gives them no role: they may do and see nothing. */
  | Refusal<'NoRole', { principal: string }>
  /** The directory (policy file) is not valid: every problem names its field. */
  | Refusal<'InvalidDirectory', { problems: ReadonlyArray<FieldProblem> }>
  /** The principal may not issue this command. Nothing was appended. */
  | Refusal<
      'Forbidden',
      {
        code: 'FORBIDDEN';
        principal: string;
        role: string;
        module: string;
        command: string;
        stream: string;
      }
    >;

export type GovernanceErrorKind = GovernanceError['kind'];

export const invalidDirectory = (problems: ReadonlyArray<FieldProblem>): GovernanceError => ({
  kind: 'InvalidDirectory',
  problems,
  message: `Invalid principals directory: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
});
