import * as E from 'fp-ts/lib/Either.js';
import type { Deadline } from '@aimline/calendar';
import type { EventStore } from '@aimline/kernel';
import { recordedBy } from './as-of.js';
import type { EventDecoder, ProjectionDecodeError } from './decoded-event.js';
import type { DeadlineSource } from './deadline-tracker.js';

/** Names the phase an event belongs to (e.g. strategy, assessment, intervention, exit, criminal-justice). */
export type PhaseOf = (eventType: string, data: unknown) => string;

export interface TimelineEntry {
  readonly stream: string;
  readonly revision: number;
  readonly phase: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly role: string; readonly agency: string };
  /** Deadlines this event started (rule id, label, due). */
  readonly opened: ReadonlyArray<Pick<Deadline, 'ruleId' | 'label' | 'due' | 'explanation'>>;
  /** Deadlines this event met, met late, or waived. */
  readonly settled: ReadonlyArray<Pick<Deadline, 'ruleId' | 'label' | 'due' | 'status'>>;
}

export interface CaseTimeline {
  readonly stream: string;
  readonly entries: ReadonlyArray<TimelineEntry>;
  readonly phases: Record<string, ReadonlyArray<TimelineEntry>>;
  /** Deadlines as they stand after the last event. */
  readonly deadlines: ReadonlyArray<Deadline>;
}

const keyOf = (d: Deadline): string => `${d.ruleId}|${d.label}|${d.trigger.at}`;

/**
 * Rebuilds one case's timeline from its stream: each event with when it happened, when it
 * was recorded, who (role, agency), its phase, and the deadlines it opened or settled —
 * derived by folding the case with its own decider and diffing its deadlines event by event.
 * Actor ids are left out: a timeline is shared more widely than the audit trail.
 */
export const caseTimeline = async (
  store: EventStore,
  decode: EventDecoder,
  source: DeadlineSource,
  stream: string,
  phaseOf: PhaseOf,
  asOf?: string,
): Promise<E.Either<ProjectionDecodeError, CaseTimeline>> => {
  const keep = recordedBy(asOf);
  let state: unknown = source.module.decider.initialState;
  let before = new Map<string, Deadline>();
  const entries: TimelineEntry[] = [];
  let deadlines: ReadonlyArray<Deadline> = [];
  for await (const recorded of store.readStream(stream)) {
    if (!keep(recorded)) continue;
    const decoded = decode(recorded);
    if (E.isLeft(decoded)) return decoded;
    state = source.module.decider.evolve(state, decoded.right.event);
    deadlines = source.deadlines(state);
    const after = new Map(deadlines.map((d) => [keyOf(d), d]));
    const opened = [...after.values()].filter((d) => !before.has(keyOf(d)));
    const settled = [...after.values()].filter(
      (d) => before.get(keyOf(d))?.status.kind === 'open' && d.status.kind !== 'open',
    );
    entries.push({
      stream,
      revision: recorded.revision,
      phase: phaseOf(recorded.type, decoded.right.event.data),
      type: recorded.type,
      occurredAt: recorded.metadata.occurredAt,
      recordedAt: recorded.metadata.recordedAt,
      actor: { role: recorded.metadata.actor.role, agency: recorded.metadata.actor.agency },
      opened: opened.map((d) => ({
        ruleId: d.ruleId,
        label: d.label,
        due: d.due,
        explanation: d.explanation,
      })),
      settled: settled.map((d) => ({
        ruleId: d.ruleId,
        label: d.label,
        due: d.due,
        status: d.status,
      })),
    });
    before = after;
  }
  const phases: Record<string, TimelineEntry[]> = {};
  for (const e of entries) (phases[e.phase] ??= []).push(e);
  return E.right({ stream, entries, phases, deadlines });
};
