import * as E from 'fp-ts/lib/Either.js';
import { isStoreError } from '@aimline/kernel';
import {
  scorecard,
  REFERRAL_STREAM_PREFIX,
  SITTING_STREAM_PREFIX,
  type PanelEvent,
  type PanelSittingCommand,
  type Scorecard,
} from '@aimline/panel';
import type {
  PanelReferralInput,
  PanelReferralService,
  PanelSittingService,
} from './create-aimline.js';
import { supplyReferralFacts } from './panel-facts.js';
import type { Principal } from './principal.js';
import {
  processService,
  type CommandInput,
  type ReadResult,
  type ServiceContext,
} from './process-service.js';
import type { TypedModules } from './registry.js';
import type { ExecuteResult } from './result.js';

/** The AIM panel: its sittings and its referrals, and the quarterly scorecard. */
export interface PanelService {
  readonly sittings: PanelSittingService;
  /** Referrals: bookings and sitting facts are supplied from the sitting streams. */
  readonly referrals: PanelReferralService;
  /** Routes a sitting or referral command to its stream's service. */
  execute(
    principal: Principal,
    command: CommandInput<PanelSittingCommand> | CommandInput<PanelReferralInput>,
  ): Promise<ExecuteResult<PanelEvent>>;
  /**
   * PNL-11: the quarter's scorecard (`YYYY-Qn`), repeat referrals counted over every referral
   * `principal` may see (need to know; the read is in the access log).
   */
  scorecard(principal: Principal, quarter: string): Promise<ReadResult<Scorecard>>;
}

export const panelService = (ctx: ServiceContext, typed: TypedModules): PanelService => {
  const facts = { handler: ctx.handler, modules: typed, policy: ctx.policy };
  const sittings: PanelSittingService = processService(ctx, typed.panelSitting);
  const referrals: PanelReferralService = processService(
    ctx,
    typed.panelReferral,
    (type, at, data) => supplyReferralFacts(facts, type, at, data),
  );
  return {
    sittings,
    referrals,
    execute: async (principal, command) =>
      typed.panelSitting.commands.has(command.type)
        ? sittings.execute(principal, command as CommandInput<PanelSittingCommand>)
        : referrals.execute(principal, command as CommandInput<PanelReferralInput>),
    scorecard: async (principal, quarter) => {
      if (!/^\d{4}-Q[1-4]$/.test(quarter))
        return {
          kind: 'Invalid',
          field: 'quarter',
          message: `a quarter is YYYY-Qn; got ${quarter}`,
        };
      const visible = ctx.reads(principal, 'panel scorecard');
      if (E.isLeft(visible)) return visible.left;
      const events: PanelEvent[] = [];
      try {
        for await (const recorded of visible.right.readAll({
          filter: { streamPrefixes: [SITTING_STREAM_PREFIX, REFERRAL_STREAM_PREFIX] },
        })) {
          const module = recorded.stream.startsWith(SITTING_STREAM_PREFIX)
            ? typed.panelSitting
            : typed.panelReferral;
          const decoded = module.events.decode(recorded);
          if (E.isLeft(decoded))
            return { kind: 'Unavailable', cause: 'corrupt-history', reason: decoded.left.message };
          events.push(decoded.right);
        }
      } catch (e) {
        if (isStoreError(e)) return { kind: 'Unavailable', cause: 'store', reason: e.message };
        throw e;
      }
      return { kind: 'Found', value: scorecard(quarter, events, ctx.policy.panel) };
    },
  };
};
