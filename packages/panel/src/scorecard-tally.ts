/**
 * PNL-11 scorecards as running counts, the one fold of the panel's events: `tallyEvent` folds
 * one panel event at a time (every event carries its `referralId` or `sittingId`, so a flat
 * sequence will do) and `scorecardOf` gives a quarter's scorecard, holding counts per quarter
 * and one entry per child (their first referral), not every panel event; `scorecard` folds a
 * list at once. Repeat referrals count over every referral: a child's first referral is the
 * one received earliest (then the first folded). A referral whose child identifier is erased or
 * withheld cannot be matched, so it counts as its child's first, never as a repeat. Keys are in the order their first referral
 * was received (decisions' in the order folded).
 */
import { compareInstants } from '@aimline/calendar';
import { isUnavailablePersonalData } from '@aimline/kernel';
import { defaultBandForAge } from './brook.js';
import { defaultPanelPolicy, type PanelPolicy } from './policy.js';
import { quarterOf, type PanelEvent, type Scorecard } from './scorecard.js';

/** A key's count in a quarter, and the referral that brought it first (received, fold order, place in its list). */
export interface KeyCount {
  n: number;
  at: string;
  seq: number;
  sub: number;
}

export interface QuarterTally {
  referrals: number;
  /** Referrals in the quarter that are their child's first (the others are repeats). */
  firsts: number;
  /** By age at referral (banded by the policy when a scorecard is asked for). */
  readonly byAge: Record<string, KeyCount>;
  readonly byGender: Record<string, KeyCount>;
  readonly byBehaviourType: Record<string, KeyCount>;
  readonly byRating: Record<string, number>;
  readonly byRoute: Record<string, number>;
  escalations: number;
  deEscalations: number;
  readonly papers: { onTime: number; late: number };
  readonly minutes: { onTime: number; late: number };
}

/** A child's first referral: when it was received, its place in the fold, its quarter. */
export interface FirstReferral {
  readonly at: string;
  readonly seq: number;
  readonly quarter: string;
}

/** Where each child's first referral is kept (a `Map`, or a bounded per-key table). */
export interface FirstReferrals {
  get(childId: string): FirstReferral | undefined;
  set(childId: string, first: FirstReferral): void;
}

export interface ScorecardTally {
  /** Every quarter a panel event happened in. */
  readonly quarters: Record<string, QuarterTally>;
  readonly firstReferrals: FirstReferrals;
  /** Referrals folded so far. */
  received: number;
}

export const emptyScorecardTally = (
  firstReferrals: FirstReferrals = new Map<string, FirstReferral>(),
): ScorecardTally => ({ quarters: {}, firstReferrals, received: 0 });

const quarterTally = (tally: ScorecardTally, quarter: string): QuarterTally =>
  (tally.quarters[quarter] ??= {
    referrals: 0,
    firsts: 0,
    byAge: {},
    byGender: {},
    byBehaviourType: {},
    byRating: {},
    byRoute: {},
    escalations: 0,
    deEscalations: 0,
    papers: { onTime: 0, late: 0 },
    minutes: { onTime: 0, late: 0 },
  });

const earlier = (a: Omit<KeyCount, 'n'>, b: Omit<KeyCount, 'n'>): boolean => {
  const byTime = compareInstants(a.at, b.at);
  return byTime !== 0 ? byTime < 0 : a.seq !== b.seq ? a.seq < b.seq : a.sub < b.sub;
};

const count = (r: Record<string, KeyCount>, key: string, by: Omit<KeyCount, 'n'>): void => {
  const c = r[key];
  if (c === undefined) r[key] = { n: 1, ...by };
  else {
    c.n++;
    if (earlier(by, c)) Object.assign(c, by);
  }
};

const bump = (r: Record<string, number>, k: string): void => {
  r[k] = (r[k] ?? 0) + 1;
};

/**
 * Folds one panel event into the tally. An event the scorecard rules cannot take (its time is
 * not an instant, say) throws before anything is counted, so the caller can set it aside.
 */
export const tallyEvent = (tally: ScorecardTally, e: PanelEvent): void => {
  if (e.type === 'ReferralReceived') {
    const { at, child, ageAtReferral } = e.data;
    const quarter = quarterOf(at);
    const childId = child.childId;
    const behaviourTypes = [...e.data.behaviourTypes];
    const seq = tally.received++;
    const q = quarterTally(tally, quarter);
    q.referrals++;
    if (isUnavailablePersonalData(childId)) {
      // The child's identifier is erased (crypto-shredded) or withheld from this reader: the
      // referral cannot be matched with any other, so it is never counted as another
      // unidentified child's repeat (every erased identifier reads the same marker).
      q.firsts++;
    } else {
      const first = tally.firstReferrals.get(childId);
      if (first === undefined || compareInstants(at, first.at) < 0) {
        if (first !== undefined) tally.quarters[first.quarter]!.firsts--;
        q.firsts++;
        tally.firstReferrals.set(childId, { at, seq, quarter });
      }
    }
    count(q.byAge, String(ageAtReferral), { at, seq, sub: 0 });
    count(q.byGender, child.gender, { at, seq, sub: 0 });
    behaviourTypes.forEach((b, sub) => count(q.byBehaviourType, b, { at, seq, sub }));
    return;
  }
  const q = quarterTally(tally, quarterOf(e.data.at));
  switch (e.type) {
    case 'DecisionRecorded':
      bump(q.byRating, e.data.rating);
      bump(q.byRoute, e.data.route);
      break;
    case 'ReviewRecorded':
      if (e.data.change === 'escalated') q.escalations++;
      if (e.data.change === 'de-escalated') q.deEscalations++;
      break;
    case 'PapersSent':
      if (e.data.late) q.papers.late++;
      else q.papers.onTime++;
      break;
    case 'MinutesDistributed':
      if (e.data.late) q.minutes.late++;
      else q.minutes.onTime++;
      break;
    default:
      break;
  }
};

/** Counts keyed in the order their first referral was received. */
const inOrder = (r: Readonly<Record<string, KeyCount>>): Record<string, number> =>
  Object.fromEntries(
    Object.entries(r)
      .sort(([, a], [, b]) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0))
      .map(([k, c]) => [k, c.n]),
  );

/** Ages merged into the policy's default bands, each band first brought by its earliest age. */
const banded = (
  byAge: Readonly<Record<string, KeyCount>>,
  policy: PanelPolicy,
): Record<string, KeyCount> => {
  const bands: Record<string, KeyCount> = {};
  for (const [age, c] of Object.entries(byAge)) {
    const band = defaultBandForAge(policy, Number(age))?.id ?? 'none';
    const b = bands[band];
    if (b === undefined) bands[band] = { ...c };
    else {
      b.n += c.n;
      if (earlier(c, b)) Object.assign(b, { at: c.at, seq: c.seq, sub: c.sub });
    }
  }
  return bands;
};

/** The quarters with panel activity, in order. */
export const tallyQuarters = (tally: ScorecardTally): string[] =>
  Object.keys(tally.quarters).sort();

/** The quarter's PNL-11 scorecard, as `scorecard(quarter, events, policy)` gives it. */
export const scorecardOf = (
  tally: ScorecardTally,
  quarter: string,
  policy: PanelPolicy = defaultPanelPolicy,
): Scorecard => {
  const q = tally.quarters[quarter];
  return {
    quarter,
    referrals: q?.referrals ?? 0,
    repeatReferrals: q === undefined ? 0 : q.referrals - q.firsts,
    byAgeBand: q === undefined ? {} : inOrder(banded(q.byAge, policy)),
    byGender: q === undefined ? {} : inOrder(q.byGender),
    byBehaviourType: q === undefined ? {} : inOrder(q.byBehaviourType),
    byRating: { ...q?.byRating },
    byRoute: { ...q?.byRoute },
    escalations: q?.escalations ?? 0,
    deEscalations: q?.deEscalations ?? 0,
    papers: { ...(q?.papers ?? { onTime: 0, late: 0 }) },
    minutes: { ...(q?.minutes ?? { onTime: 0, late: 0 }) },
  };
};

/** The quarter's PNL-11 scorecard over a list of panel events (a tally folded at once). */
export const scorecard = (
  quarter: string,
  events: Iterable<PanelEvent>,
  policy: PanelPolicy = defaultPanelPolicy,
): Scorecard => {
  const tally = emptyScorecardTally();
  for (const e of events) tallyEvent(tally, e);
  return scorecardOf(tally, quarter, policy);
};
