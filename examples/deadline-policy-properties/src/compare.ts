/** Folds a case's commands with a policy's decider and gives its deadlines under two policies. */
import * as E from 'fp-ts/lib/Either.js';
import { englandAndWales, type Calendar, type Deadline } from '@aimline/calendar';
import {
  hsbDeadlines,
  defaultHsbPolicy,
  evolve,
  initialState,
  makeHsbDecider,
  type HsbCommand,
  type HsbPolicy,
  type HsbState,
} from '@aimline/hsb-aim';
import { councilCalendar, councilHsbPolicy } from './council-policy.js';

export interface Policy {
  readonly hsb: HsbPolicy;
  readonly calendar: Calendar;
}
export const defaultPolicy: Policy = { hsb: defaultHsbPolicy, calendar: englandAndWales };
export const councilPolicy: Policy = { hsb: councilHsbPolicy, calendar: councilCalendar };

/** The case's state after the commands; throws naming the first rejected command. */
export const fold = (commands: ReadonlyArray<HsbCommand>, policy: Policy): HsbState => {
  const decider = makeHsbDecider(policy.hsb, policy.calendar);
  let state: HsbState = initialState;
  for (const c of commands) {
    const r = decider.decide(c, state);
    if (E.isLeft(r))
      throw new Error(`${c.type} at ${c.at} rejected: ${r.left.ruleId} ${r.left.reason}`);
    for (const e of r.right) state = evolve(state, e);
  }
  return state;
};

/** A deadline's identity across policies: the same rule, obligation and trigger. */
export const keyOf = (d: Deadline): string => `${d.ruleId}|${d.label}|${d.trigger.at}`;

export interface Pair {
  readonly council: Deadline;
  readonly standard: Deadline;
}

/** Each of the case's deadlines under the council's policy beside the default policy's. */
export const comparePolicies = (commands: ReadonlyArray<HsbCommand>): Pair[] => {
  const standard = new Map(
    hsbDeadlines(fold(commands, defaultPolicy), defaultPolicy.hsb, defaultPolicy.calendar).map(
      (d) => [keyOf(d), d],
    ),
  );
  return hsbDeadlines(fold(commands, councilPolicy), councilPolicy.hsb, councilPolicy.calendar).map(
    (council) => {
      const s = standard.get(keyOf(council));
      if (s === undefined) throw new Error(`no default deadline for ${keyOf(council)}`);
      return { council, standard: s };
    },
  );
};
