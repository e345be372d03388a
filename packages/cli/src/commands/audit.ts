import { auditTrail, describeBreak, verifyChains, type AuditEntry } from '@aimline/projections';
import { ExitCode } from '../exit-codes.js';
import type { Runtime } from '../container.js';
import { table } from '../output.js';
import { progress } from '../progress.js';

/** Who, as stored: the audit trail shows damaged metadata as it is rather than failing on it. */
const actorText = (actor: unknown): string => {
  const a = (typeof actor === 'object' && actor !== null ? actor : {}) as Record<string, unknown>;
  return `${String(a['role'])}/${String(a['agency'])}`;
};

/** `aimline audit [STREAM] [--verify] [--as-of ISO]`: the audit trail, and tamper evidence. */
export const audit = async (
  rt: Runtime,
  stream: string | undefined,
  options: { verify?: boolean; asOf?: string; limit?: number },
): Promise<number> => {
  if (options.verify) {
    const bar = progress(
      'verifying hash chains',
      undefined,
      !rt.output.json && stream === undefined,
    );
    const report = await verifyChains(rt.store, {
      ...(stream === undefined ? {} : { stream }),
      onProgress: (n) => bar.update(n),
    });
    bar.stop();
    rt.output.result(
      { ...report, breaks: report.breaks.map((b) => ({ ...b, description: describeBreak(b) })) },
      () =>
        report.ok
          ? `verified ${report.events} events in ${report.streams} streams: every hash chain intact`
          : `TAMPERING DETECTED in ${report.breaks.length} stream(s):\n${report.breaks.map((b) => `  ${describeBreak(b)}`).join('\n')}`,
    );
    return report.ok ? ExitCode.Ok : ExitCode.Failed;
  }
  const entries: AuditEntry[] = [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  for await (const e of auditTrail(rt.store, {
    ...(stream === undefined ? {} : { stream }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    policy: rt.policy.audit,
  })) {
    entries.push(e);
    if (entries.length >= limit) break;
  }
  rt.output.result(entries, () =>
    table(
      ['position', 'stream', 'rev', 'type', 'occurred', 'recorded', 'actor', 'command', 'late'],
      entries.map((e) => [
        e.position,
        e.stream,
        e.revision,
        e.type,
        e.occurredAt,
        e.recordedAt,
        actorText(e.actor),
        String(e.commandId).slice(0, 8),
        e.lateRecordingHours === undefined ? '' : `${e.lateRecordingHours}h`,
      ]),
    ),
  );
  return ExitCode.Ok;
};
