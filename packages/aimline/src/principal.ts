import * as E from 'fp-ts/lib/Either.js';
import {
  authorise,
  defaultCommandPolicy,
  Principal as PrincipalCodec,
  verifyPrincipal,
  type Directory,
  type Principal,
} from '@aimline/governance';
import { describeProblems, fieldProblems, unknownFields } from '@aimline/kernel';

export type { Principal };

/** What a principal asks to do, as the command policy sees it (after the command is decoded). */
export interface CommandRequest {
  /** The module, e.g. `hsb-case`. */
  readonly module: string;
  readonly commandType: string;
  readonly stream: string;
}

/**
 * The council directory as given: a parsed `Directory`, or a function giving the directory in
 * force now (a long-running server's loader, so a leaver removed from the file is refused from
 * the next request on, without a restart). Each identification and each read takes it afresh.
 * A function that cannot give it throws `DirectoryUnavailable`.
 */
export type DirectorySource = Directory | (() => Directory);

/**
 * Thrown by a directory source (a function) when the directory in force cannot be had: its file
 * cannot be read or does not parse. Nothing is done for the request that asked. `fault` says
 * what the operator must mend — where the directory is and which fields are at fault — and never
 * a value from it (a directory names staff), so it may go to an operator's log as it is.
 */
export class DirectoryUnavailable extends Error {
  constructor(readonly fault: string) {
    super(`the council directory in force cannot be read: ${fault}`);
    this.name = 'DirectoryUnavailable';
  }
}

/** The directory in force now (undefined: none was given). */
export const currentDirectory =
  (source: DirectorySource | undefined): (() => Directory | undefined) =>
  () =>
    typeof source === 'function' ? source() : source;

/**
 * Who may issue what. `identify`: with the council directory, the principal must be the
 * directory's entry (`verifyPrincipal`); without one, a well-formed `Principal` (decoded
 * strictly). `permit`: the directory's command policy (default: `defaultCommandPolicy`) must
 * grant the command on the stream. Each refusal says why, naming the principal and the command.
 */
export interface Authority {
  readonly identify: (claimed: unknown) => E.Either<string, Principal>;
  readonly permit: (principal: Principal, request: CommandRequest) => string | undefined;
}

export const authorityOf = (source: DirectorySource | undefined): Authority => {
  const current = currentDirectory(source);
  return {
    identify: (claimed) => {
      const directory = current();
      if (directory !== undefined) {
        const verified = verifyPrincipal(directory, claimed);
        return E.isLeft(verified) ? E.left(verified.left.message) : verified;
      }
      const decoded = PrincipalCodec.decode(claimed);
      const problems = [
        ...(E.isLeft(decoded) ? fieldProblems(decoded.left) : []),
        ...unknownFields(PrincipalCodec, claimed),
      ];
      return E.isLeft(decoded) || problems.length > 0
        ? E.left(`not a principal: ${describeProblems(problems)}`)
        : E.right(decoded.right);
    },
    permit: (principal, request) => {
      const granted = authorise(
        current()?.commands ?? defaultCommandPolicy,
        principal,
        request.module,
        request.commandType,
        request.stream,
      );
      return E.isLeft(granted) ? granted.left.message : undefined;
    },
  };
};

/** The id a claimed principal gives (for a refusal), whatever else is wrong with it. */
export const claimedId = (claimed: unknown): string => {
  const id =
    typeof claimed === 'object' && claimed !== null ? (claimed as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '(no id)';
};
