import { createHash } from 'node:crypto';
import type { Actor } from './actor.js';
import { canonicalJson } from './canonical-json.js';

/** What a command's fingerprint covers: everything that makes it this command and no other. */
export interface FingerprintedCommand {
  readonly type: string;
  readonly stream: string;
  readonly at: string;
  readonly actor: Actor;
  readonly data: unknown;
}

/**
 * The fingerprint of a handled command: SHA-256 (hex) of the canonical JSON of its type,
 * stream, instant, actor and data. Stored with every event the command records, so a command
 * id used again is recognised as the same command (same fingerprint: the original result)
 * or as another command under a reused id (an `IdempotencyConflictError`).
 */
export const commandFingerprint = (command: FingerprintedCommand): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        actor: command.actor,
        at: command.at,
        data: command.data,
        stream: command.stream,
        type: command.type,
      }),
    )
    .digest('hex');

/** Whether `value` has the form of a fingerprint (64 lower-case hex digits). */
export const isFingerprint = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
