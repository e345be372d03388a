/**
 * Reading a council's policy files (the council policy, the directory of principals, the
 * retention schedule) safely: each is a small JSON file a person edits, so anything else given in
 * its place is refused before it is read, saying why.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { errorWithCauses } from '@aimline/kernel';

/** The most a policy file may hold: far more than any council's, far less than a device gives. */
export const MAX_POLICY_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The text of a policy file: a regular file of at most `MAX_POLICY_FILE_BYTES`. A folder, a
 * device (`/dev/zero` would be read for ever), a pipe (opened without waiting for a writer) or a
 * larger file is refused, as is one that cannot be opened; the reason never quotes the file.
 */
export const readPolicyFile = (file: string): E.Either<string, string> => {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return E.left(errorWithCauses(e));
  }
  try {
    const status = fstatSync(fd);
    if (!status.isFile()) return E.left('not a regular file (a folder, a device or a pipe)');
    if (status.size > MAX_POLICY_FILE_BYTES)
      return E.left(
        `it holds ${status.size} bytes, more than a policy file may (${MAX_POLICY_FILE_BYTES})`,
      );
    return E.right(readFileSync(fd, 'utf8'));
  } catch (e) {
    return E.left(errorWithCauses(e));
  } finally {
    closeSync(fd);
  }
};

/**
 * Where text stopped being JSON, without quoting the text: V8's `JSON.parse` messages may quote
 * the characters around the fault (`Unexpected token 'A', ..."name":Alice Secr"... is not valid
 * JSON`), and a wire command may hold a child's name. Gives ` (at character N)` when the message
 * says where, else nothing.
 */
export const whereJsonStops = (e: unknown): string => {
  const at = /at position (\d+)/.exec(String(e))?.[1];
  return at === undefined ? '' : ` (at character ${at})`;
};
