/**
 * What can go wrong with the keys that protect personal data. Each is typed and says what to
 * do; none is ever answered by writing or showing plaintext instead.
 */
export type KeyErrorKind =
  /** No master key was given (AIMLINE_MASTER_KEY_FILE / AIMLINE_MASTER_KEY) and none may be made. */
  | 'MasterKeyMissing'
  /** The master key file cannot be read, is not 32 bytes of hex, or others can read it. */
  | 'MasterKeyInvalid'
  /** The key vault was made with another master key. */
  | 'WrongMasterKey'
  /** A wrapped key in the vault does not unwrap with the right master key: it was altered. */
  | 'CorruptWrappedKey'
  /** Encrypted history names a subject key the vault does not hold (an older or other vault). */
  | 'SubjectKeyMissing'
  /** The key vault file is missing, unreadable, or not a key vault. */
  | 'KeyVaultUnavailable'
  /** An append would store personal data that cannot be encrypted (no module declares it, a forged envelope). */
  | 'PlaintextRefused'
  /** New personal data about a person who has been erased. */
  | 'SubjectErased';

export class KeyError extends Error {
  constructor(
    readonly kind: KeyErrorKind,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KeyError';
  }
}

export const isKeyError = (e: unknown): e is KeyError => e instanceof KeyError;
