import type { KeyObject } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { describeJsonRefusal, parseStrictJson, readPolicyFile } from '@aimline/aimline';
import {
  describeProblems,
  ed25519PrivateKey,
  ed25519PublicKey,
  type FieldProblem,
} from '@aimline/kernel';
import { CliError, ExitCode } from './exit-codes.js';

/**
 * A signed document's file (an anchor), parsed strictly once: a regular file of JSON that says
 * each member once (`parseStrictJson`), with every member its codec declares, of its type, and
 * no other (`decode`: the kernel's `decodeSignedDocument` with the document's codec). Anything else is a usage error (2) naming the file and the
 * member, never quoting a value. The signature is checked by the caller, with the public key.
 */
export const readSignedFile = <T>(
  file: string,
  decode: (json: unknown) => E.Either<FieldProblem[], T>,
  what: string,
): T => {
  const refuse = (why: string) =>
    new CliError(`cannot read the ${what} ${file}: ${why}`, ExitCode.Usage);
  const text = readPolicyFile(file);
  if (E.isLeft(text)) throw refuse(text.left);
  const json = parseStrictJson(text.right);
  if (E.isLeft(json)) throw refuse(describeJsonRefusal(json.left));
  const document = decode(json.right);
  if (E.isLeft(document)) throw refuse(describeProblems(document.left));
  return document.right;
};

/** A PEM key file: `--flag FILE`, or else the file the environment variable names. */
const keyFile = (
  option: string | undefined,
  flag: string,
  variable: string,
  what: string,
  env: NodeJS.ProcessEnv,
): { readonly file: string; readonly from: string } => {
  if (option !== undefined) return { file: option, from: flag };
  const file = env[variable];
  if (file === undefined || file === '')
    throw new CliError(
      `the ${what} is needed: give its PEM file (${flag}), or set ${variable}`,
      ExitCode.Usage,
    );
  return { file, from: variable };
};

const pemKeyOf = (
  option: string | undefined,
  names: { readonly flag: string; readonly variable: string; readonly what: string },
  parse: (pem: string) => E.Either<string, KeyObject>,
  env: NodeJS.ProcessEnv,
): KeyObject => {
  const { file, from } = keyFile(option, names.flag, names.variable, names.what, env);
  const refuse = (why: string) =>
    new CliError(`the ${names.what} ${file} (${from}): ${why}`, ExitCode.Usage);
  const text = readPolicyFile(file);
  if (E.isLeft(text)) throw refuse(`cannot be read: ${text.left}`);
  const key = parse(text.right);
  if (E.isLeft(key)) throw refuse(key.left);
  return key.right;
};

/** The Ed25519 public key anchors are checked with, parsed once (`--public-key` or AIMLINE_ANCHOR_PUBLIC_KEY_FILE). */
export const anchorPublicKey = (
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): KeyObject =>
  pemKeyOf(
    option,
    { flag: '--public-key', variable: 'AIMLINE_ANCHOR_PUBLIC_KEY_FILE', what: 'anchor public key' },
    ed25519PublicKey,
    env,
  );

/** The Ed25519 private key anchors are signed with, parsed once (`--signing-key` or AIMLINE_ANCHOR_SIGNING_KEY_FILE). */
export const anchorSigningKey = (
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): KeyObject =>
  pemKeyOf(
    option,
    {
      flag: '--signing-key',
      variable: 'AIMLINE_ANCHOR_SIGNING_KEY_FILE',
      what: 'anchor signing key',
    },
    ed25519PrivateKey,
    env,
  );

/**
 * The anchor a `--verify` is to check against (`--anchor`, read with `decode` and named `what`)
 * and the public key to check it with, both read and parsed before anything else is: undefined
 * when no `--anchor` is given.
 */
export const givenAnchor = <T>(
  options: { readonly anchor?: string; readonly publicKey?: string },
  decode: (json: unknown) => E.Either<FieldProblem[], T>,
  what: string,
): { readonly file: T; readonly publicKey: KeyObject } | undefined =>
  options.anchor === undefined
    ? undefined
    : {
        file: readSignedFile(options.anchor, decode, what),
        publicKey: anchorPublicKey(options.publicKey),
      };
