import {
  compareInstants,
  instantMs,
  statusAt,
  type Deadline,
  type DeadlineStatus,
} from '@aimline/calendar';
import type { AnyDomainModule } from '@aimline/kernel';
import type { DecodedEvent } from './decoded-event.js';
import type { Projection } from './projection.js';

/**
 * Where deadlines come from: a module whose streams are folded with its own decider, and the
 * domain's pure deadline rules applied to the folded state (policy and calendar bound in).
 */
export interface DeadlineSource {
  readonly module: AnyDomainModule;
  readonly deadlines: (state: unknown) => ReadonlyArray<Deadline>;
}

export interface DeadlineTrackerState {
  /** Folded domain state per stream. */
  readonly streams: Record<string, { readonly module: string; state: unknown }>;
}

/** The deadline tracker's fold: each stream's domain state, kept current event by event. */
export const deadlineTracker = (
  sources: ReadonlyArray<DeadlineSource>,
): Projection<DeadlineTrackerState> => {
  const byModule = new Map(sources.map((s) => [s.module.name, s]));
  return {
    name: 'deadline-tracker',
    streamPrefixes: sources.map((s) => s.module.streamPrefix),
    initialState: () => ({ streams: {} }),
    apply: (state, e: DecodedEvent) => {
      const source = byModule.get(e.module.name);
      if (source === undefined) return state;
      const current = state.streams[e.recorded.stream];
      const before: unknown = current?.state ?? (source.module.decider.initialState as unknown);
      state.streams[e.recorded.stream] = {
        module: e.module.name,
        state: source.module.decider.evolve(before, e.event),
      };
      return state;
    },
  };
};

export interface TrackedDeadline {
  readonly stream: string;
  readonly deadline: Deadline;
  /** The status as of the question asked. */
  readonly status: DeadlineStatus;
  /** For a breach: hours past due (as of `asOf`, or when it was met late). */
  readonly hoursLate?: number;
}

export interface DeadlineReport {
  readonly asOf: string;
  readonly deadlines: ReadonlyArray<TrackedDeadline>;
  readonly byRule: Record<string, { open: number; met: number; breached: number; waived: number }>;
}

/**
 * Every open, met, breached and waived obligation across all cases at `asOf`, with rule id and
 * explanation, breaches with how late, and counts per rule. Nothing reads the wall clock (T-7).
 */
export const deadlineReport = (
  state: DeadlineTrackerState,
  sources: ReadonlyArray<DeadlineSource>,
  asOf: string,
): DeadlineReport => {
  const byModule = new Map(sources.map((s) => [s.module.name, s]));
  const rows: TrackedDeadline[] = [];
  const byRule: DeadlineReport['byRule'] = {};
  const asOfMs = instantMs(asOf);
  for (const [stream, entry] of Object.entries(state.streams)) {
    const source = byModule.get(entry.module);
    if (source === undefined) continue;
    for (const d of source.deadlines(entry.state)) {
      if (instantMs(d.trigger.at) > asOfMs) continue;
      const status = statusAt(d, asOf);
      const counts = (byRule[d.ruleId] ??= { open: 0, met: 0, breached: 0, waived: 0 });
      counts[status.kind]++;
      const lateUntil =
        status.kind === 'breached'
          ? 'metAt' in status && status.metAt
            ? instantMs(status.metAt)
            : asOfMs
          : undefined;
      rows.push({
        stream,
        deadline: d,
        status,
        ...(lateUntil === undefined
          ? {}
          : { hoursLate: Math.round(((lateUntil - instantMs(d.due)) / 3_600_000) * 10) / 10 }),
      });
    }
  }
  rows.sort(
    (a, b) => compareInstants(a.deadline.due, b.deadline.due) || a.stream.localeCompare(b.stream),
  );
  return { asOf, deadlines: rows, byRule };
};
