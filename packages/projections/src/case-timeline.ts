import * as E from 'fp-ts/lib/Either.js';
import { isOutstanding, toInstant, type Deadline, type InstantInput } from '@aimline/calendar';
import type { AnyDomainModule, EventStore } from '@aimline/kernel';
import { recordedBy } from './as-of.js';
import type { DecodedEvent, EventDecoder } from './decoded-event.js';
import { guarded, metadataProblem, type UnreadableEvent } from './unreadable-event.js';

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
  /** The module's phases in display order (the timeline's lanes). */
  readonly phaseOrder: ReadonlyArray<string>;
  readonly entries: ReadonlyArray<TimelineEntry>;
  readonly phases: Record<string, ReadonlyArray<TimelineEntry>>;
  /** Deadlines as they stand at `asOf` (or, without it, when the last event was recorded). */
  readonly deadlines: ReadonlyArray<Deadline>;
  /** Events of the stream that could not be read or folded (left out of the entries). */
  readonly unreadable: ReadonlyArray<UnreadableEvent>;
}

const keyOf = (d: Deadline): string => `${d.ruleId}|${d.label}|${d.trigger.at}`;

/**
 * Rebuilds one case's timeline from its stream: each event with when it happened, when it
 * was recorded, who (role, agency), its phase (from the module), and the deadlines it opened
 * or settled — derived by folding the case with its own decider and diffing its deadlines,
 * judged at one instant (`asOf`, or when the last event was recorded), event by event.
 * Actor ids are left out: a timeline is shared more widely than the audit trail. An event that
 * cannot be decoded or folded is reported in `unreadable` and the rest of the stream goes on.
 */
export const caseTimeline = async (
  store: Pick<EventStore, 'readStream'>,
  decode: EventDecoder,
  module: AnyDomainModule,
  stream: string,
  asOf?: InstantInput,
): Promise<CaseTimeline> => {
  const keep = recordedBy(asOf);
  const unreadable: UnreadableEvent[] = [];
  const events: DecodedEvent[] = [];
  for await (const recorded of store.readStream(stream)) {
    const decoded = guarded<DecodedEvent | undefined>(recorded, () => {
      const problem = metadataProblem(recorded);
      if (problem !== undefined) return E.left(problem);
      if (!keep(recorded)) return E.right(undefined);
      const d = decode(recorded);
      return E.isLeft(d) ? E.left(d.left.message) : E.right(d.right);
    });
    if (E.isLeft(decoded)) unreadable.push(decoded.left);
    else if (decoded.right !== undefined) events.push(decoded.right);
  }
  const lastRecorded = events.at(-1)?.recorded.metadata.recordedAt;
  const judgedAt =
    asOf !== undefined
      ? toInstant(asOf)
      : lastRecorded === undefined
        ? undefined
        : toInstant(lastRecorded);
  let state: unknown = module.decider.initialState;
  let before = new Map<string, Deadline>();
  const entries: TimelineEntry[] = [];
  let deadlines: ReadonlyArray<Deadline> = [];
  for (const { recorded, event } of events) {
    const step = guarded<{ state: unknown; deadlines: ReadonlyArray<Deadline> }>(recorded, () => {
      const next: unknown = module.decider.evolve(state, event);
      return E.right({
        state: next,
        deadlines: judgedAt === undefined ? [] : module.deadlines(next, judgedAt),
      });
    });
    if (E.isLeft(step)) {
      unreadable.push(step.left);
      continue;
    }
    state = step.right.state;
    deadlines = step.right.deadlines;
    const after = new Map(deadlines.map((d) => [keyOf(d), d]));
    const opened = [...after.values()].filter((d) => !before.has(keyOf(d)));
    const settled = [...after.values()].filter((d) => {
      const was = before.get(keyOf(d));
      return was !== undefined && isOutstanding(was.status) && !isOutstanding(d.status);
    });
    entries.push({
      stream,
      revision: recorded.revision,
      phase: module.timeline.phaseOf(event),
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
  return { stream, phaseOrder: module.timeline.phases, entries, phases, deadlines, unreadable };
};
