/**
 * The panel's referral back to the locality: a decision for a route that opens no HSB AIM case
 * (PNL-6; the council policy's routes without `opensHsbAimCase`, e.g. early help / team around
 * the child, 001 HSB-5) is received by the locality's record of the referral
 * (`panel-locality-{referralId}`, `ReceiveReferralFromPanel`), with the child, the referrer and
 * the concern as the referral knew them at the decision. The route that opens a case is
 * `panel-to-hsb`'s.
 */
import { REFERRAL_STREAM_PREFIX } from '@aimline/panel';
import { decodeWith, type ProcessModules } from '../modules.js';
import { processActor, type ProcessManager } from '../process-manager.js';

export const PANEL_TO_LOCALITY = 'panel-to-locality';

export const panelToLocality = (modules: ProcessModules): ProcessManager => ({
  name: PANEL_TO_LOCALITY,
  streamPrefixes: [REFERRAL_STREAM_PREFIX],
  react: async (event, context) => {
    if (event.type !== 'DecisionRecorded') return [];
    const e = decodeWith(modules.panelReferral, event);
    if (e.type !== 'DecisionRecorded' || !modules.panelLocality.receivesRoute(e.data.route))
      return [];
    const s = await context.stateAt(modules.panelReferral, event);
    if (s.child === null || s.referrer === null || s.concernSummary === null) return [];
    const { referralId, at, route, rating, sittingId } = e.data;
    return [
      {
        kind: 'command',
        module: modules.panelLocality,
        command: {
          type: 'ReceiveReferralFromPanel',
          at,
          actor: processActor(PANEL_TO_LOCALITY),
          data: {
            referralId,
            child: s.child,
            referrer: s.referrer,
            concernSummary: s.concernSummary,
            route,
            rating,
            sittingId,
          },
        },
      },
    ];
  },
});
