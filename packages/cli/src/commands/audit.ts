import * as E from 'fp-ts/lib/Either.js';
import { parseInstant, type Instant } from '@aimline/calendar';
import { auditEntry, auditedEvents, readStoredEvent, type AuditEntry } from '@aimline/projections';
import { verify, writeAnchor } from './verify.js';
import { ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';
import { checkStreamDamage } from '../stream-damage.js';
import { lateBy, londonTime } from '../views/human-time.js';

/** Who, as stored: the audit trail shows damaged metadata as it is rather than failing on it. */
const actorText = (actor: unknown): string => {
  const a = (typeof actor === 'object' && actor !== null ? actor : {}) as Record<string, unknown>;
  return `${String(a['role'])}/${String(a['agency'])}`;
};

/** When, in London time; a damaged time (reported as corrupt history) is never shown as stored. */
const storedTime = (at: unknown): string =>
  typeof at === 'string' && parseInstant(at) !== undefined ? londonTime(at) : '(unreadable)';

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
  // The trail shows metadata only, of the events the principal may see (need to know). An event
  // shown that every other read would set aside (its metadata or data unreadable) is shown as
  // stored and reported as corrupt history (exit 4), as they report it.
  const view = rt.visible('audit');
  for await (const e of auditedEvents(view, {
    ...(stream === undefined ? {} : { stream }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  })) {
    const read = readStoredEvent(rt.decode, e);
    if (E.isLeft(read)) rt.unreadable.add([read.left]);
    entries.push(auditEntry(e, rt.policy.audit));
    if (entries.length >= limit) break;
  }
  // One stream shown: its stored history is checked too (a row moved out of it leaves a gap; an
  // event the principal may not see that does not decode is damage of it all the same).
  if (stream !== undefined && entries.length > 0) await checkStreamDamage(rt, stream, view);
  rt.output.result(entries, () =>
    table(
      ['position', 'stream@revision', 'type', 'occurred', 'recorded late by', 'actor', 'command'],
      entries.map((e) => [
        e.position,
        `${e.stream}@${e.revision}`,
        e.type,
        storedTime(e.occurredAt),
        lateBy(e.lateRecordingHours),
        actorText(e.actor),
        String(e.commandId).slice(0, 8),
      ]),
      { keep: [3] },
    ),
  );
  return ExitCode.Ok;
};
