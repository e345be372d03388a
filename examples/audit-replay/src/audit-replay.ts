import { englandAndWales, Instant, type Calendar, type DeadlineStatus } from '@aimline/calendar';
import { defaultHsbPolicy, hsbCaseModule, type HsbPolicy } from '@aimline/hsb-aim';
import type { AnyDomainModule, ChainBreak, EventStore } from '@aimline/kernel';
import {
  auditTrail,
  deadlineReport,
  deadlineTracker,
  defaultAuditPolicy,
  describeBreak,
  eventDecoder,
  replayAsOf,
  verifyChains,
  type AuditEntry,
  type AuditPolicy,
  describeUnreadable,
  type UnreadableEvent,
  type TrackedDeadline,
} from '@aimline/projections';

export interface AuditReplayOptions {
  /** The instant the question is asked about: "what did the council know then?" (ISO-8601). */
  readonly asOf: string;
  /** Only this stream (e.g. `hsb-case-case-1`); default every stream. */
  readonly caseStream?: string;
  /** The modules whose streams and deadlines are audited; default the HSB case with `policy` and `calendar`. */
  readonly modules?: ReadonlyArray<AnyDomainModule>;
  readonly policy?: HsbPolicy;
  readonly calendar?: Calendar;
  /** When a recording counts as late (default 48 hours after it happened). */
  readonly auditPolicy?: AuditPolicy;
}

export interface ChainFinding {
  readonly stream: string;
  readonly revision: number;
  readonly kind: ChainBreak['kind'];
  readonly description: string;
}

export interface DeadlineFinding {
  readonly stream: string;
  readonly ruleId: string;
  readonly label: string;
  readonly due: string;
  readonly status: DeadlineStatus;
  readonly hoursLate?: number;
  readonly explanation: string;
}

export interface LateRecording {
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly lateByHours: number;
  readonly recordedBy: { readonly role: string; readonly agency: string };
}

export interface AuditReplayReport {
  readonly asOf: string;
  /** How many events (of the case, or of every stream) had been recorded by `asOf`. */
  readonly knownEvents: number;
  /** The hash chains of everything stored now (not only what was known at `asOf`). */
  readonly chains: {
    readonly ok: boolean;
    readonly events: number;
    readonly streams: number;
    readonly breaks: ReadonlyArray<ChainFinding>;
  };
  /** The deadline tracker rebuilt from the events recorded by `asOf`. */
  readonly deadlines: {
    readonly open: ReadonlyArray<DeadlineFinding>;
    /** Missed: past due and not met by `asOf`, or met late. */
    readonly breached: ReadonlyArray<DeadlineFinding>;
    readonly met: ReadonlyArray<DeadlineFinding>;
    readonly waived: ReadonlyArray<DeadlineFinding>;
    readonly byRule: Readonly<
      Record<string, { open: number; met: number; breached: number; waived: number }>
    >;
  };
  /** Events recorded by `asOf` more than the audit policy's hours after they happened. */
  readonly lateRecordings: ReadonlyArray<LateRecording>;
}

/** A stored event that no longer decodes: the replay stops and names it. */
export class AuditReplayError extends Error {
  constructor(readonly error: UnreadableEvent) {
    super(describeUnreadable(error));
    this.name = 'AuditReplayError';
  }
}

const finding = (t: TrackedDeadline): DeadlineFinding => ({
  stream: t.stream,
  ruleId: t.deadline.ruleId,
  label: t.deadline.label,
  due: t.deadline.due,
  status: t.status,
  ...(t.hoursLate === undefined ? {} : { hoursLate: t.hoursLate }),
  explanation: t.deadline.explanation,
});

const lateRecording = (e: AuditEntry): LateRecording => ({
  stream: e.stream,
  revision: e.revision,
  type: e.type,
  occurredAt: e.occurredAt,
  recordedAt: e.recordedAt,
  lateByHours: e.lateRecordingHours ?? 0,
  recordedBy: { role: e.actor.role, agency: e.actor.agency },
});

/**
 * What an auditor asks of a store: are the stored bytes still what was recorded (every hash
 * chain), what did the council know at `asOf` and which obligations had it missed by then
 * (the deadline tracker replayed from the events recorded by `asOf`), and which events were
 * recorded late. Throws `AuditReplayError` naming the stream and revision of an event that no
 * longer decodes.
 */
export const auditReplay = async (
  store: EventStore,
  options: AuditReplayOptions,
): Promise<AuditReplayReport> => {
  const { asOf, caseStream } = options;
  // Parsed once here; the replay, the deadline report and the audit trail take the parsed value.
  const at = Instant.parse(asOf);
  if (at === undefined)
    throw new TypeError(`auditReplay: asOf is not an ISO-8601 instant: ${asOf}`);
  const modules = options.modules ?? [
    hsbCaseModule(options.policy ?? defaultHsbPolicy, options.calendar ?? englandAndWales),
  ];

  const verification = await verifyChains(
    store,
    caseStream === undefined ? {} : { stream: caseStream },
  );

  const decode = eventDecoder(modules);
  const replayed = await replayAsOf(store, decode, deadlineTracker(modules), at);
  // An audit replay for a court refuses to answer over history it cannot read in full.
  const [unreadable] = replayed.unreadable;
  if (unreadable !== undefined) throw new AuditReplayError(unreadable);
  const report = deadlineReport(replayed.state, modules, at);
  if (report.unreadable[0] !== undefined) throw new AuditReplayError(report.unreadable[0]);
  const rows = report.deadlines.filter((t) => caseStream === undefined || t.stream === caseStream);
  const ofKind = (kind: DeadlineStatus['kind']) =>
    rows.filter((t) => t.status.kind === kind).map(finding);
  const byRule: Record<string, { open: number; met: number; breached: number; waived: number }> =
    {};
  for (const t of rows)
    (byRule[t.deadline.ruleId] ??= { open: 0, met: 0, breached: 0, waived: 0 })[t.status.kind]++;

  const lateRecordings: LateRecording[] = [];
  let knownEvents = 0;
  for await (const entry of auditTrail(store, {
    asOf: at,
    policy: options.auditPolicy ?? defaultAuditPolicy,
    ...(caseStream === undefined ? {} : { stream: caseStream }),
  })) {
    knownEvents++;
    if (entry.lateRecordingHours !== undefined) lateRecordings.push(lateRecording(entry));
  }

  return {
    asOf,
    knownEvents,
    chains: {
      ok: verification.ok,
      events: verification.events,
      streams: verification.streams,
      breaks: verification.breaks.map((b) => ({
        stream: b.stream,
        revision: b.revision,
        kind: b.kind,
        description: describeBreak(b),
      })),
    },
    deadlines: {
      open: ofKind('open'),
      breached: ofKind('breached'),
      met: ofKind('met'),
      waived: ofKind('waived'),
      byRule,
    },
    lateRecordings,
  };
};

/** The report as plain text for the auditor's terminal. */
export const formatAuditReport = (r: AuditReplayReport): string => {
  const lines: string[] = [
    `Audit replay as of ${r.asOf}: ${r.knownEvents} events had been recorded by then`,
    '',
  ];
  lines.push(
    r.chains.ok
      ? `Hash chains: OK (${r.chains.events} events in ${r.chains.streams} streams)`
      : `Hash chains: ${r.chains.breaks.length} BROKEN (${r.chains.events} events in ${r.chains.streams} streams)`,
  );
  for (const b of r.chains.breaks) lines.push(`  ${b.kind}: ${b.description}`);
  const section = (title: string, rows: ReadonlyArray<DeadlineFinding>) => {
    lines.push('', `${title} (${rows.length})`);
    for (const d of rows)
      lines.push(
        `  ${d.ruleId.padEnd(7)} ${d.stream}  due ${d.due}${d.hoursLate === undefined ? '' : `  ${d.hoursLate} h late`}${d.status.kind === 'breached' && d.status.metAt !== undefined ? ` (met ${d.status.metAt})` : ''}`,
        `          ${d.explanation}`,
      );
  };
  section('Missed deadlines', r.deadlines.breached);
  section('Open deadlines', r.deadlines.open);
  lines.push('', `Late recordings (${r.lateRecordings.length})`);
  for (const l of r.lateRecordings)
    lines.push(
      `  ${l.stream}@${l.revision} ${l.type}: happened ${l.occurredAt}, recorded ${l.recordedAt} (${l.lateByHours} h later, by ${l.recordedBy.role}, ${l.recordedBy.agency})`,
    );
  return lines.join('\n');
};
