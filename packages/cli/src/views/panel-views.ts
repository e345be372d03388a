import { isAfter, type Instant } from '@aimline/calendar';
import { quarterOf, scorecard, type Scorecard } from '@aimline/panel';
import { unreadableEvent, type Projection, type UnreadableEvent } from '@aimline/projections';
import type { Runtime } from '../runtime.js';
import {
  eventOf,
  type DomainRegistry,
  type EventOf,
  type StateOf,
  type TypedModules,
} from '@aimline/aimline';
import { moduleStates } from './stream-states.js';

type PanelModule = TypedModules['panelSitting'] | TypedModules['panelReferral'];

/** A panel event with where it is stored, so an event the scorecard cannot take can be named. */
export interface StoredPanelEvent {
  readonly event: EventOf<PanelModule>;
  /** Where it is stored (`why` is filled in only if it is set aside). */
  readonly at: UnreadableEvent;
}

/** Collects the panel's events (they are few: a panel sits monthly) for the PNL-11 scorecard. */
export const panelScorecardProjection = (
  registry: DomainRegistry,
): Projection<{ events: StoredPanelEvent[] }> => {
  const { panelSitting, panelReferral } = registry.typed;
  return {
    name: 'panel-scorecard',
    streamPrefixes: [panelSitting.streamPrefix, panelReferral.streamPrefix],
    initialState: () => ({ events: [] }),
    apply: (s, e) => {
      const event = eventOf(panelSitting, e) ?? eventOf(panelReferral, e);
      if (event !== undefined) s.events.push({ event, at: unreadableEvent(e.recorded, '') });
      return s;
    },
  };
};

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The PNL-11 quarterly scorecards: every quarter with panel activity, or just the one asked
 * for. An event the scorecard rules cannot take (alone, it makes them fail) is left out and
 * reported in `rt.unreadable`; the scorecard is worked out from the rest.
 */
export const panelScorecards = (
  rt: Runtime,
  stored: ReadonlyArray<StoredPanelEvent>,
  quarter?: string,
): Scorecard[] => {
  const setAside = (e: StoredPanelEvent, error: unknown) =>
    rt.unreadable.add([{ ...e.at, why: `the PNL-11 scorecard cannot take it: ${why(error)}` }]);
  const quarters = new Set<string>();
  let usable: StoredPanelEvent[] = [];
  for (const e of stored) {
    const at = (e.event.data as { at?: unknown }).at;
    try {
      if (typeof at === 'string') quarters.add(quarterOf(at));
      usable.push(e);
    } catch (error) {
      setAside(e, error);
    }
  }
  const wanted = quarter === undefined ? [...quarters].sort() : [quarter];
  const cards: Scorecard[] = [];
  for (const q of wanted) {
    try {
      cards.push(
        scorecard(
          q,
          usable.map((e) => e.event),
          rt.policy.panel,
        ),
      );
    } catch {
      // Find the events that fail on their own, leave them out and try again once.
      usable = usable.filter((e) => {
        try {
          scorecard(q, [e.event], rt.policy.panel);
          return true;
        } catch (error) {
          setAside(e, error);
          return false;
        }
      });
      try {
        cards.push(
          scorecard(
            q,
            usable.map((e) => e.event),
            rt.policy.panel,
          ),
        );
      } catch (error) {
        rt.unreadable.add([
          {
            stream: 'panel-*',
            revision: -1,
            position: 'unknown',
            type: `(scorecard ${q})`,
            why: `the PNL-11 scorecard for ${q} cannot be worked out from the stored panel events: ${why(error)}`,
          },
        ]);
      }
    }
  }
  return cards;
};

export interface AgendaItem {
  readonly referralId: string;
  readonly bookedAt: string | null;
  readonly papersDue: string;
  readonly papers: 'sent on time' | 'sent late' | 'not sent';
  readonly papersSentAt: string | null;
  readonly skippedEarlierSittings: ReadonlyArray<{ sittingId: string; reason: string }>;
  readonly decision: { rating: string; route: string; ageBand: string } | null;
}

export interface Agenda {
  readonly sittingId: string;
  readonly sitting: StateOf<TypedModules['panelSitting']> | undefined;
  readonly items: ReadonlyArray<AgendaItem>;
  readonly minutes: {
    approvedAt: string | null;
    distributedAt: string | null;
    documentCategory: string | null;
  };
}

/** The agenda of one sitting: its slots (referrals booked into it), papers status and decisions, minutes status. */
export const panelAgenda = async (
  rt: Runtime,
  sittingId: string,
  asOf: Instant | undefined,
): Promise<Agenda> => {
  const { panelSitting, panelReferral } = rt.registry.typed;
  const sittings = await moduleStates(rt, panelSitting, asOf, 'panel agenda');
  const sitting = sittings.get(`${panelSitting.streamPrefix}${sittingId}`);
  const items: AgendaItem[] = [];
  for (const [stream, r] of await moduleStates(rt, panelReferral, asOf, 'panel agenda')) {
    const booking = r.booking;
    if (booking?.sittingId !== sittingId && r.decision?.sittingId !== sittingId) continue;
    const papersDue = booking?.papersDue ?? '';
    const sent = r.papersSent;
    items.push({
      referralId: r.referralId ?? stream.slice(panelReferral.streamPrefix.length),
      bookedAt: r.bookedAt,
      papersDue,
      papers:
        sent === null ? 'not sent' : !isAfter(sent.at, papersDue) ? 'sent on time' : 'sent late',
      papersSentAt: sent?.at ?? null,
      skippedEarlierSittings: booking?.skipped ?? [],
      decision:
        r.decision === null
          ? null
          : { rating: r.decision.rating, route: r.decision.route, ageBand: r.decision.ageBand },
    });
  }
  items.sort((a, b) => (a.bookedAt ?? '').localeCompare(b.bookedAt ?? ''));
  return {
    sittingId,
    sitting,
    items,
    minutes: {
      approvedAt: sitting?.minutesApprovedAt ?? null,
      distributedAt: sitting?.minutesDistributed?.at ?? null,
      documentCategory: sitting?.minutesDistributed?.documentCategory ?? null,
    },
  };
};
