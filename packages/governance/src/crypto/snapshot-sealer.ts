import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyVault } from './key-vault.js';

/**
 * Projection snapshots hold folded state, personal data included, so they are sealed whole
 * (AES-256-GCM, random IV, the snapshot's name as additional data) with the vault's snapshot
 * key. An erasure destroys that key: every older snapshot then fails to open and is rebuilt
 * from the history, where the erased data reads as `[erased:<category>]`.
 */
export interface SnapshotSealer {
  seal(name: string, text: string): Promise<string>;
  /** The text, or undefined when the snapshot was sealed with a key that no longer exists (or was altered). */
  open(name: string, sealed: string): Promise<string | undefined>;
}

const PREFIX = 'aimline:snapshot:1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const snapshotSealer = (vault: KeyVault): SnapshotSealer => ({
  seal: async (name, text) => {
    const key = await vault.snapshotKey();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(name, 'utf8'));
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return `${PREFIX}${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  },
  open: async (name, sealed) => {
    if (!sealed.startsWith(PREFIX)) return undefined;
    const key = await vault.currentSnapshotKey();
    if (key === undefined) return undefined;
    const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
        .setAAD(Buffer.from(name, 'utf8'))
        .setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return undefined;
    }
  },
});
