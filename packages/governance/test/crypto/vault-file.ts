/** A key vault's file read as stored, for tests that check what it still holds. */
import Database from 'better-sqlite3';

/** The wrapped key a vault file holds for a subject (its key material as stored), if any. */
export const wrappedKeyIn = (file: string, ref: string): Buffer | undefined => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare('SELECT wrapped FROM subject_keys WHERE ref = ?').get(ref) as
        { wrapped: Buffer } | undefined
    )?.wrapped;
  } finally {
    db.close();
  }
};
