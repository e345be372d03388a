import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { hmacChainKey, type ChainKey } from '@aimline/kernel';
import { CliError, ExitCode } from './exit-codes.js';

const read = (file: string, what: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read the ${what} ${file}: ${(e as Error).message}`, ExitCode.Usage);
  }
};

/** A secret as hex (64+ digits) or as raw text of at least 32 bytes. */
const secretOf = (text: string): Buffer => {
  const trimmed = text.trim();
  return /^(?:[0-9a-f]{2}){32,}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'utf8');
};

/**
 * The chain key, held outside the store: the file named by AIMLINE_CHAIN_KEY_FILE, or the
 * secret in AIMLINE_CHAIN_KEY (hex), or none. A council's KMS plugs in through the same
 * `ChainKey` port when Aimline is embedded as a library.
 */
export const chainKeyFromEnvironment = (
  env: NodeJS.ProcessEnv = process.env,
): ChainKey | undefined => {
  try {
    const file = env['AIMLINE_CHAIN_KEY_FILE'];
    if (file !== undefined && file !== '')
      return hmacChainKey(basename(file), secretOf(read(file, 'chain key file')));
    const inline = env['AIMLINE_CHAIN_KEY'];
    if (inline !== undefined && inline !== '')
      return hmacChainKey('AIMLINE_CHAIN_KEY', secretOf(inline));
    return undefined;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`the chain key is unusable: ${(e as Error).message}`, ExitCode.Usage);
  }
};
