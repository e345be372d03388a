import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  randomBytes,
} from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { IV_BYTES, TAG_BYTES } from './aes-gcm.js';
import { KeyError } from './key-errors.js';

/**
 * The council's master key, behind a port: it wraps and unwraps the per-subject data keys and
 * never leaves its implementation. The default holds a 256-bit key read from a file or the
 * environment; in production a KMS implements it (`wrap` = encrypt with a KMS key, `unwrap` =
 * decrypt, `keyId` = the KMS key's id), so the master key never reaches the host.
 */
export interface MasterKey {
  /** Names the key (never derived reversibly from it): a vault remembers the key it was made with. */
  readonly keyId: string;
  /** Encrypts a data key; `context` (the subject reference) is bound as additional data. */
  wrap(dataKey: Uint8Array, context: string): Promise<Uint8Array>;
  /**
   * Decrypts a wrapped data key, never returning garbage: bytes that do not open with this key
   * (altered, or wrapped by another key) reject with a `KeyError` of kind `CorruptWrappedKey`
   * (the vault then says to restore it from a backup); any other rejection is taken for a
   * failure of the master key itself (a KMS that did not answer) and is passed on as it is.
   */
  unwrap(wrapped: Uint8Array, context: string): Promise<Uint8Array>;
}

const FORMAT = 1;

/** Bytes that do not open with this master key: altered, or wrapped by another key. */
const doesNotOpen = (keyId: string, why: string, cause?: unknown): KeyError =>
  new KeyError(
    'CorruptWrappedKey',
    `a wrapped key does not open with master key ${keyId} (${why}): it was altered, or wrapped by another key`,
    cause === undefined ? undefined : { cause },
  );

/** A master key held in memory: AES-256-GCM key wrapping (random IV, the context as AAD). */
export const localMasterKey = (secret: Uint8Array): MasterKey => {
  if (secret.length !== 32)
    throw new KeyError(
      'MasterKeyInvalid',
      `a master key is 32 bytes; this one is ${secret.length}`,
    );
  const key = Buffer.from(secret);
  const keyId = `local:${createHmac('sha256', key).update('aimline master key id').digest('hex').slice(0, 16)}`;
  // Made once: given bytes, node:crypto would build a key object afresh for every wrap and unwrap.
  const wrapping = createSecretKey(key);
  key.fill(0);
  return {
    keyId,
    wrap: (dataKey, context) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', wrapping, iv).setAAD(
        Buffer.from(context, 'utf8'),
      );
      const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      return Promise.resolve(Buffer.concat([Buffer.of(FORMAT), iv, body, cipher.getAuthTag()]));
    },
    unwrap: (wrapped, context) => {
      const bytes = Buffer.from(wrapped);
      if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT)
        return Promise.reject(doesNotOpen(keyId, 'it is not a wrapped key of format 1'));
      try {
        const decipher = createDecipheriv('aes-256-gcm', wrapping, bytes.subarray(1, 1 + IV_BYTES))
          .setAAD(Buffer.from(context, 'utf8'))
          .setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        return Promise.resolve(
          Buffer.concat([
            decipher.update(bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES)),
            decipher.final(),
          ]),
        );
      } catch (e) {
        return Promise.reject(doesNotOpen(keyId, 'it does not authenticate', e));
      }
    },
  };
};

/**
 * Whether `unwrap` refused the bytes (`CorruptWrappedKey`: altered, or wrapped by another key),
 * as opposed to failing itself (a KMS that did not answer).
 */
export const unwrapRefused = (e: unknown): boolean =>
  e instanceof KeyError && e.kind === 'CorruptWrappedKey';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

const parseHexKey = (text: string, where: string): MasterKey => {
  const hex = text.trim();
  if (!HEX_KEY.test(hex))
    throw new KeyError(
      'MasterKeyInvalid',
      `${where} does not hold a master key (64 hexadecimal digits, 32 bytes)`,
    );
  return localMasterKey(Buffer.from(hex, 'hex'));
};

/** Reads a master key file (64 hex digits). It must be readable by its owner only (mode 0600 or 0400). */
export const masterKeyFromFile = (path: string): MasterKey => {
  let text: string;
  try {
    const stats = statSync(path);
    if (!stats.isFile())
      throw new KeyError(
        'MasterKeyInvalid',
        `the master key file ${path} is not a file (${stats.isDirectory() ? 'a folder' : 'a device, pipe or socket'}); give the file that holds the key`,
      );
    const mode = stats.mode & 0o777;
    if ((mode & 0o077) !== 0)
      throw new KeyError(
        'MasterKeyInvalid',
        `the master key file ${path} can be read by others (mode 0${mode.toString(8)}); run chmod 600 on it`,
      );
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof KeyError) throw e;
    const code = (e as { code?: string }).code;
    throw new KeyError(
      code === 'ENOENT' ? 'MasterKeyMissing' : 'MasterKeyInvalid',
      code === 'ENOENT'
        ? `the master key file ${path} does not exist`
        : `the master key file ${path} cannot be read (${code ?? String(e)})`,
      { cause: e },
    );
  }
  return parseHexKey(text, `the master key file ${path}`);
};

/**
 * The master key the environment names: the file in `AIMLINE_MASTER_KEY_FILE`, else the hex key
 * in `AIMLINE_MASTER_KEY`; undefined when neither is set.
 */
export const masterKeyFromEnvironment = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): MasterKey | undefined => {
  const file = env['AIMLINE_MASTER_KEY_FILE'];
  if (file !== undefined && file !== '') return masterKeyFromFile(file);
  const hex = env['AIMLINE_MASTER_KEY'];
  if (hex !== undefined && hex !== '') return parseHexKey(hex, 'AIMLINE_MASTER_KEY');
  return undefined;
};

/** Writes a new random master key file, mode 0600; refuses to overwrite an existing file. */
export const createMasterKeyFile = (path: string): MasterKey => {
  const secret = randomBytes(32);
  writeFileSync(path, `${secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return localMasterKey(secret);
};
