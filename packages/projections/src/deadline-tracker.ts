import {
  compareInstants,
  instantMs,
  settledAt,
  toInstant,
  type Deadline,
  type DeadlineStatus,
  type InstantInput,
} from '@aimline/calendar';
import { jointPersonalDataUse, type AnyDomainModule } from '@aimline/kernel';
import type { DecodedEvent } from './decoded-event.js';
import type { Projection } from './projection.js';
import { memoryStreamTable, type StreamTable } from './stream-table.js';
import { FOLDED_STREAM, type UnreadableEvent } from './unreadable-event.js';

/** One stream as the deadline tracker keeps it: its domain state and the last event folded in. */
export interface TrackedStream {
  readonly module: string;
  state: unknown;
  revision: number;
  /** The global position, as text. */
  position: string;
}

/** Whether a saved entry names the last event folded in (snapshots before it was kept do not). */
const namesLastEvent = (entry: Partial<TrackedStream>): entry is TrackedStream =>
  typeof entry.revision === 'number' && typeof entry.position === 'string';

export interface DeadlineTrackerState {
  /** Folded domain state per stream, with the last event folded in (revision, position as text). */
  readonly streams: StreamTable<TrackedStream>;
}

export interface DeadlineTrackerOptions {
  /**
   * Where each stream's folded state is kept (default: all in memory). A bounded table
   * (`spillingStreamTable`) keeps replay memory flat in the number of cases.
   */
  readonly streams?: () => StreamTable<TrackedStream>;
}

/**
 * The deadline tracker's fold: each stream's domain state, kept current event by event with
 * its own module's decider. Its snapshot is the plain record of streams it always was.
 */
export const deadlineTracker = (
  modules: ReadonlyArray<AnyDomainModule>,
  options: DeadlineTrackerOptions = {},
): Projection<DeadlineTrackerState> => {
  const names = new Set(modules.map((m) => m.name));
  const table = options.streams ?? (() => memoryStreamTable<TrackedStream>());
  return {
    name: 'deadline-tracker',
    streamPrefixes: modules.map((m) => m.streamPrefix),
    // The deadline rules read only what each module declares (`deadlinePersonalData`).
    personalData: jointPersonalDataUse(...modules.map((m) => m.deadlinePersonalData)),
    initialState: () => ({ streams: table() }),
    // A snapshot saved before each stream's last event was kept is rebuilt from history, which
    // derives it (the runner replays from the first event).
    restore: (saved) => {
      const entries = Object.entries(
        (saved as { streams: Record<string, Partial<TrackedStream>> }).streams,
      );
      if (!entries.every(([, entry]) => namesLastEvent(entry))) return undefined;
      const streams = table();
      for (const [stream, entry] of entries) streams.set(stream, entry as TrackedStream);
      return { streams };
    },
    apply: (state, e: DecodedEvent) => {
      if (!names.has(e.module.name)) return state;
      const current = state.streams.get(e.recorded.stream);
      const next: unknown = e.module.decider.evolve(
        current === undefined ? e.module.decider.initialState : current.state,
        e.event,
      );
      if (current === undefined)
        state.streams.set(e.recorded.stream, {
          module: e.module.name,
          state: next,
          revision: e.recorded.revision,
          position: e.recorded.position.toString(),
        });
      else {
        current.state = next;
        current.revision = e.recorded.revision;
        current.position = e.recorded.position.toString();
        state.streams.set(e.recorded.stream, current);
      }
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
  /** Streams whose deadlines could not be worked out from their folded state, and why. */
  readonly unreadable: ReadonlyArray<UnreadableEvent>;
}

/**
 * Every open, met, breached and waived obligation across all cases at `asOf`, with rule id and
 * explanation, breaches with how late, and counts per rule: each module's own deadlines as they
 * stand at `asOf`. Nothing reads the wall clock (T-7). A stream whose deadlines cannot be worked
 * out (its folded state holds what the rules cannot take) is reported in `unreadable` and left
 * out; `locateUnreadable` finds the event responsible.
 */
export const deadlineReport = (
  state: DeadlineTrackerState,
  modules: ReadonlyArray<AnyDomainModule>,
  asOf: InstantInput,
): DeadlineReport => {
  const byModule = new Map(modules.map((m) => [m.name, m]));
  const rows: TrackedDeadline[] = [];
  const byRule: DeadlineReport['byRule'] = {};
  const unreadable: UnreadableEvent[] = [];
  const at = toInstant(asOf);
  for (const [stream, entry] of state.streams.entries()) {
    const module = byModule.get(entry.module);
    if (module === undefined) continue;
    let tracked: TrackedDeadline[];
    try {
      const standing: ReadonlyArray<Deadline> = module.deadlines(entry.state, at);
      tracked = standing.map((d) => {
        const status = d.status;
        const dueMs = instantMs(d.due);
        const settled = settledAt(status);
        const lateUntil =
          status.kind === 'breached'
            ? settled === undefined
              ? at.ms
              : instantMs(settled)
            : undefined;
        return {
          stream,
          deadline: d,
          status,
          ...(lateUntil === undefined
            ? {}
            : { hoursLate: Math.round(((lateUntil - dueMs) / 3_600_000) * 10) / 10 }),
        };
      });
    } catch (e) {
      unreadable.push({
        stream,
        revision: entry.revision,
        position: entry.position,
        type: FOLDED_STREAM,
        why: `its deadlines cannot be worked out: ${e instanceof Error ? e.message : String(e)}`,
      });
      continue;
    }
    for (const t of tracked) {
      const counts = (byRule[t.deadline.ruleId] ??= { open: 0, met: 0, breached: 0, waived: 0 });
      counts[t.status.kind]++;
      rows.push(t);
    }
  }
  rows.sort(
    (a, b) => compareInstants(a.deadline.due, b.deadline.due) || a.stream.localeCompare(b.stream),
  );
  return { asOf: at.iso, deadlines: rows, byRule, unreadable };
};
