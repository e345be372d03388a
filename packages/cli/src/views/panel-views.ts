import { isAfter, type Instant } from '@aimline/calendar';
import {
  emptyScorecardTally,
  scorecardOf,
  tallyEvent,
  tallyQuarters,
  type FirstReferrals,
  type Scorecard,
  type ScorecardTally,
} from '@aimline/panel';
import {
  memoryStreamTable,
  unreadableEvent,
  type Projection,
  type UnreadableEvent,
} from '@aimline/projections';
import type { Runtime } from '../runtime.js';
import { eventOf, type DomainRegistry, type StateOf, type TypedModules } from '@aimline/aimline';
import { moduleStates } from './stream-states.js';
import { replayVisible } from './visible-replay.js';

/** The PNL-11 tally of the panel's events, and the events it could not take, with where they are stored. */
export interface PanelScorecardState {
  readonly tally: ScorecardTally;
  readonly setAside: UnreadableEvent[];
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Tallies the panel's events for the PNL-11 scorecards: counts per quarter and each child's
 * first referral, not the events. An event the scorecard rules cannot take is set aside with
 * where it is stored. `firstReferrals`: where each child's first referral is kept (default: in
 * memory; a bounded `spillingStreamTable` keeps replay memory flat in the number of children).
 */
export const panelScorecardProjection = (
  registry: DomainRegistry,
  firstReferrals: () => FirstReferrals = () => memoryStreamTable(),
): Projection<PanelScorecardState> => {
  const { panelSitting, panelReferral } = registry.typed;
  return {
    name: 'panel-scorecard',
    streamPrefixes: [panelSitting.streamPrefix, panelReferral.streamPrefix],
    // Repeat referrals count by the child's identifier, and referrals by gender, as received.
    personalData: [
      { eventType: 'ReferralReceived', path: 'child.childId' },
      { eventType: 'ReferralReceived', path: 'child.gender' },
    ],
    initialState: () => ({ tally: emptyScorecardTally(firstReferrals()), setAside: [] }),
    apply: (s, e) => {
      const event = eventOf(panelSitting, e) ?? eventOf(panelReferral, e);
      if (event === undefined) return s;
      try {
        tallyEvent(s.tally, event);
      } catch (error) {
        s.setAside.push(
          unreadableEvent(e.recorded, `the PNL-11 scorecard cannot take it: ${why(error)}`),
        );
      }
      return s;
    },
  };
};

/**
 * The PNL-11 quarterly scorecards: every quarter with panel activity, or just the one asked
 * for. The events the scorecard could not take are reported in `rt.unreadable`; the scorecards
 * are worked out from the rest.
 */
export const panelScorecards = (
  rt: Runtime,
  state: PanelScorecardState,
  quarter?: string,
): Scorecard[] => {
  rt.unreadable.add(state.setAside);
  return (quarter === undefined ? tallyQuarters(state.tally) : [quarter]).map((q) =>
    scorecardOf(state.tally, q, rt.policy.panel),
  );
};

/**
 * The PNL-11 scorecards of `quarter` (or of every quarter with panel activity) from the panel
 * events the principal may see: the one way a read (`what`, as the access log names it) shows them.
 */
export const visibleScorecards = async (
  rt: Runtime,
  what: string,
  quarter?: string,
): Promise<Scorecard[]> =>
  panelScorecards(
    rt,
    await replayVisible(rt, what, panelScorecardProjection(rt.registry), undefined),
    quarter,
  );

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
