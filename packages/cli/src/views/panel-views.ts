import { isAfter } from '@aimline/calendar';
import {
  quarterOf,
  scorecard,
  type PanelEvent,
  type ReferralState,
  type Scorecard,
  type SittingState,
} from '@aimline/panel';
import type { Projection } from '@aimline/projections';
import type { Runtime } from '../container.js';
import { streamStates } from './stream-states.js';

/** Collects the panel's events (they are few: a panel sits monthly) for the PNL-11 scorecard. */
export const panelScorecardProjection = (_rt: Runtime): Projection<{ events: PanelEvent[] }> => ({
  name: 'panel-scorecard',
  streamPrefixes: ['panel-sitting-', 'panel-referral-'],
  initialState: () => ({ events: [] }),
  apply: (s, e) => {
    s.events.push(e.event as PanelEvent);
    return s;
  },
});

/** The PNL-11 quarterly scorecards: every quarter with panel activity, or just the one asked for. */
export const panelScorecards = (
  rt: Runtime,
  events: ReadonlyArray<PanelEvent>,
  quarter?: string,
): Scorecard[] => {
  const quarters = new Set<string>();
  for (const e of events) {
    const at = (e.data as { at?: unknown }).at;
    if (typeof at === 'string') quarters.add(quarterOf(at));
  }
  const wanted = quarter === undefined ? [...quarters].sort() : [quarter];
  return wanted.map((q) => scorecard(q, events, rt.policy.panel));
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
  readonly sitting: SittingState | undefined;
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
  asOf: string | undefined,
): Promise<Agenda> => {
  const states = await streamStates(rt, ['panel-sitting-', 'panel-referral-'], asOf);
  const sitting = states.get(`panel-sitting-${sittingId}`) as SittingState | undefined;
  const items: AgendaItem[] = [];
  for (const [stream, state] of states) {
    if (!stream.startsWith('panel-referral-')) continue;
    const r = state as ReferralState;
    const booking = r.booking;
    if (booking?.sittingId !== sittingId && r.decision?.sittingId !== sittingId) continue;
    const papersDue = booking?.papersDue ?? '';
    const sent = r.papersSent;
    items.push({
      referralId: r.referralId ?? stream.slice('panel-referral-'.length),
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
