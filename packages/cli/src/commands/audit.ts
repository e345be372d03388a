import { auditTrail, type AuditEntry } from '@aimline/projections';
import { verify, writeAnchor } from './verify.js';
import { ExitCode } from '../exit-codes.js';
import type { Instant } from '@aimline/calendar';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';
import { lateBy, londonTime } from '../views/human-time.js';

/** Who, as stored: the audit trail shows damaged metadata as it is rather than failing on it. */
const actorText = (actor: unknown): string => {
  const a = (typeof actor === 'object' && actor !== null ? actor : {}) as Record<string, unknown>;
  return `${String(a['role'])}/${String(a['agency'])}`;
};

/**
 * `aimline audit [STREAM] [--verify] [--as-of ISO]`: the audit trail, and tamper evidence;
 * `aimline audit anchor --out FILE`: a signed anchor of the store as it is now.
 */
/** The flags `aimline audit` takes. */
export interface AuditOptions {
  verify?: boolean;
  asOf?: Instant;
  limit?: number;
  anchor?: string;
  publicKey?: string;
  out?: string;
  signingKey?: string;
  overwrite?: boolean;
}

export const audit = async (
  rt: Runtime,
  stream: string | undefined,
  options: AuditOptions,
): Promise<number> => {
  if (stream === 'anchor') return writeAnchor(rt, options);
  if (options.verify) return verify(rt, stream, options);
  const entries: AuditEntry[] = [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  // The trail shows metadata only, of the events the principal may see (need to know).
  for await (const e of auditTrail(rt.visible('audit'), {
    ...(stream === undefined ? {} : { stream }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    policy: rt.policy.audit,
  })) {
    entries.push(e);
    if (entries.length >= limit) break;
  }
  rt.output.result(entries, () =>
    table(
      ['position', 'stream@revision', 'type', 'occurred', 'recorded late by', 'actor', 'command'],
      entries.map((e) => [
        e.position,
        `${e.stream}@${e.revision}`,
        e.type,
        londonTime(e.occurredAt),
        lateBy(e.lateRecordingHours),
        actorText(e.actor),
        String(e.commandId).slice(0, 8),
      ]),
      { keep: [3] },
    ),
  );
  return ExitCode.Ok;
};
