import { openPayload, sealPayload } from './aes-gcm.js';
import type { KeyVault } from './key-vault.js';

/**
 * Projection snapshots hold folded state, personal data included, so they are sealed whole
 * (AES-256-GCM, random IV, the snapshot's name as additional data; `aes-gcm.ts`) with the vault's
 * snapshot key. An erasure destroys that key: every older snapshot then fails to open and is
 * rebuilt from the history, where the erased data reads as `[erased:<category>]`.
 */
export interface SnapshotSealer {
  seal(name: string, text: string): Promise<string>;
  /** The text, or undefined when the snapshot was sealed with a key that no longer exists (or was altered). */
  open(name: string, sealed: string): Promise<string | undefined>;
}

const PREFIX = 'aimline:snapshot:1:';

export const snapshotSealer = (vault: KeyVault): SnapshotSealer => ({
  seal: async (name, text) => `${PREFIX}${sealPayload(await vault.snapshotKey(), name, text)}`,
  open: async (name, sealed) => {
    if (!sealed.startsWith(PREFIX)) return undefined;
    const key = await vault.currentSnapshotKey();
    if (key === undefined) return undefined;
    try {
      return openPayload(key, sealed.slice(PREFIX.length), name);
    } catch {
      return undefined;
    }
  },
});
