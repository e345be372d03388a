/**
 * The panel's decision for a route that opens an HSB AIM case (`HsbAimCaseRequested`, PNL-6)
 * starts the case in `@aimline/hsb-aim` (`ReportConcern`, HSB-1), with the child, the concern
 * and the notifications the referral recorded, and the referral it came from.
 */
import { reject } from '@aimline/kernel';
import { hsbCaseStream } from '@aimline/hsb-aim';
import { REFERRAL_STREAM_PREFIX } from '@aimline/panel';
import type { PanelReferralEvent } from '@aimline/panel';
import { decodeIfType, type ProcessModules } from '../modules.js';
import { processActor, type ProcessManager, type ReactionOf } from '../process-manager.js';

export const PANEL_TO_HSB = 'panel-to-hsb';

/** The HSB case a panel referral opens: one per referral, so a replay finds the same case. */
export const hsbCaseIdForReferral = (referralId: string): string => `referral-${referralId}`;

type Requested = Extract<PanelReferralEvent, { type: 'HsbAimCaseRequested' }>['data'];

const reportConcern = (modules: ProcessModules, d: Requested, at: string): ReactionOf => {
  const caseId = hsbCaseIdForReferral(d.referralId);
  const missing = (field: string, what: string): ReactionOf => ({
    kind: 'unmappable',
    commandType: 'ReportConcern',
    stream: hsbCaseStream(caseId),
    rejection: reject('HSB-1', `the referral did not record ${what}`, `data.concern.${field}`),
  });
  if (d.concern?.disclosedAt === undefined)
    return missing('disclosedAt', 'when the concern was disclosed');
  if (d.concern.behaviourDate === undefined)
    return missing('behaviourDate', 'the date of the behaviour');
  const { childId, name, dateOfBirth } = d.child;
  return {
    kind: 'command',
    module: modules.hsbCase,
    command: {
      type: 'ReportConcern',
      at,
      actor: processActor(PANEL_TO_HSB),
      data: {
        caseId,
        disclosedAt: d.concern.disclosedAt,
        behaviourDate: d.concern.behaviourDate,
        child: { childId, name, dateOfBirth },
        notifications: d.concern.notifications ?? {},
        summary: d.concernSummary,
        panelReferral: {
          referralId: d.referralId,
          sittingId: d.sittingId,
          route: d.route,
          rating: d.rating,
        },
      },
    },
  };
};

export const panelToHsb = (modules: ProcessModules): ProcessManager => ({
  name: PANEL_TO_HSB,
  streamPrefixes: [REFERRAL_STREAM_PREFIX],
  react: (event) => {
    const e = decodeIfType(modules.panelReferral, event, 'HsbAimCaseRequested');
    return Promise.resolve(e === undefined ? [] : [reportConcern(modules, e.data, e.data.at)]);
  },
});
