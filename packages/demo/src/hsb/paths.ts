/** The paths an HSB case walks, each from its concern to its close. */
import { addDays } from '@aimline/calendar';
import type { AssessmentModel } from '@aimline/hsb-aim';
import { type Day, H, instant, onOrAfter, onOrBefore, plusWeeks, wd } from '../london-time.js';
import { assessment } from './assessment.js';
import { OFFENCES, safetyPlan } from './content.js';
import { closeCase, intervention } from './intervention.js';
import type { CaseFacts } from './plan.js';
import { childProtectionFollowUps, decideRoute, section47, startCase } from './start.js';

const allocationDayFrom = (f: CaseFacts, from: Day): Day =>
  f.plan.features.has('late-allocation')
    ? wd(
        f.clock,
        from,
        f.rng.int(f.policy.allocationWorkingDays + 2, f.policy.allocationWorkingDays + 4),
      )
    : wd(f.clock, from, f.rng.int(1, Math.max(1, f.policy.allocationWorkingDays - 2)));

/** Child protection (and the under-12s and AIM3 variants): HSB-5, HSB-7 … HSB-27. */
export const childProtectionPath = (f: CaseFacts, model: AssessmentModel): void => {
  const s = startCase(f);
  decideRoute(f, s, 'child-protection');
  const s47 = section47(f, s, true);
  const r = assessment(f, {
    criminal: false,
    preferredModel: model,
    allocationDay: allocationDayFrom(f, s.strategyDay),
    toMeeting: true,
    homeSetting: 'family home',
  });
  const exitDay = intervention(f, r, { minReviews: f.rng.int(2, 4) });
  const closeDay = wd(f.clock, exitDay, f.rng.int(1, 5));
  closeCase(f, closeDay, 'Intervention complete; exit plan agreed.');
  childProtectionFollowUps(f, s, s47, closeDay);
};

/** HSB-28: admission, bail, the police trigger the assessment, report to the officer, decision. */
export const criminalJusticeAssessmentPath = (f: CaseFacts): void => {
  const { w, rng, clock, policy } = f;
  const s = startCase(f);
  decideRoute(f, s, 'criminal-justice', rng.chance(0.6) ? { outOfCourtDisposal: true } : {});
  section47(f, s, false);
  const interview = wd(clock, s.strategyDay, rng.int(1, 2));
  w.emit('RecordAdmission', instant(interview, H(11)), f.police.actor, {});
  const bailKind = rng.pick(['bail', 'released-under-investigation'] as const);
  w.emit('RecordBail', instant(interview, H(12, 30)), f.police.actor, { kind: bailKind });
  const bailUntil = addDays(interview, policy.bailDays);
  w.emit('PoliceTriggerAssessment', instant(interview, H(15)), f.police.actor, {
    officerId: f.police.id,
  });
  const continues = rng.chance(0.5);
  const r = assessment(f, {
    criminal: true,
    preferredModel: 'AIM2',
    allocationDay: wd(clock, interview, rng.int(1, 2)),
    toMeeting: continues,
    homeSetting: 'family home',
  });
  const reportDay = onOrAfter(clock, addDays(r.allocationDay, rng.int(12, 15)));
  w.emit('SubmitReport', instant(reportDay, H(12)), (r.a.assessors[0] ?? f.caseHolder).actor, {
    recipient: 'investigating-officer',
    disposalRecommendation:
      'Out-of-court disposal with AIM intervention (synthetic recommendation).',
  });
  const decisionDay =
    [wd(clock, reportDay, rng.int(2, 4)), onOrBefore(clock, addDays(bailUntil, -1))].sort()[0] ??
    reportDay;
  const decision = rng.pick(['out-of-court-disposal', 'caution'] as const);
  w.emit('RecordPoliceDecision', instant(decisionDay, H(15, 45)), f.police.actor, { decision });
  if (continues) {
    const exitDay = intervention(f, r, { minReviews: rng.int(1, 2) });
    closeCase(
      f,
      wd(clock, exitDay, rng.int(1, 4)),
      'Intervention under the out-of-court disposal complete.',
    );
  } else {
    closeCase(
      f,
      wd(clock, decisionDay, rng.int(2, 6)),
      decision === 'caution'
        ? 'Youth caution given; support continues through early help.'
        : 'Out-of-court disposal; support continues with the youth offending service.',
    );
  }
};

/** HSB-29 (and HSB-30 custody and release): charge, guilty plea, court time for the PSR. */
export const prosecutionPath = (f: CaseFacts, custody: boolean): void => {
  const { w, rng, clock } = f;
  const court = rng.pick(f.staff.yosOfficers);
  const s = startCase(f);
  decideRoute(f, s, 'criminal-justice');
  section47(f, s, false);
  const charged = wd(clock, s.strategyDay, rng.int(1, 3));
  w.emit('RecordCharge', instant(charged, H(16)), f.police.actor, { offence: rng.pick(OFFENCES) });
  const pleaDay = onOrAfter(clock, addDays(charged, rng.int(14, 28)));
  w.emit('EnterPlea', instant(pleaDay, H(11)), court.actor, { plea: 'guilty' });
  const sentencing = onOrAfter(clock, plusWeeks(pleaDay, 8));
  w.emit('RequestCourtTime', instant(pleaDay, H(11, 30)), court.actor, { untilDate: sentencing });
  const r = assessment(f, {
    criminal: true,
    preferredModel: 'AIM2',
    allocationDay: allocationDayFrom(f, pleaDay),
    toMeeting: true,
    homeSetting: 'family home',
  });
  let release: Day | undefined;
  if (custody) {
    w.emit('StartCustody', instant(sentencing, H(15)), court.actor, { kind: 'sentence' });
    release = onOrAfter(clock, plusWeeks(sentencing, rng.int(8, 14)));
    w.emit('RecordRelease', instant(release, H(10)), court.actor, {
      inPreReleasePlan: true,
      inLicenceConditions: true,
    });
  }
  const exitDay = intervention(f, r, {
    minReviews: rng.int(2, 3),
    ...(release === undefined ? {} : { reviewUntil: release }),
  });
  closeCase(
    f,
    wd(clock, exitDay, rng.int(1, 4)),
    custody
      ? 'Licence period complete; exit plan agreed.'
      : 'Youth rehabilitation order AIM requirement complete.',
  );
};

/** HSB-5: no AIM intervention, with its reason, then closure. */
export const noInterventionPath = (f: CaseFacts): void => {
  const { rng } = f;
  const s = startCase(f);
  const kind = rng.pick(['police-caution', 'early-help', 'team-around-the-child'] as const);
  f.w.emit('DecideRoute', instant(s.strategyDay, H(16)), f.cscManager.actor, {
    route: 'no-aim-intervention',
    temporaryRiskStrategy: 'Safety advice to the family and school.',
    noInterventionReason: {
      kind,
      detail:
        kind === 'police-caution'
          ? 'Police caution; behaviour assessed as inappropriate rather than harmful.'
          : 'Needs met through a team around the child with school support.',
    },
  });
  section47(f, s, false);
  closeCase(f, wd(f.clock, s.strategyDay, rng.int(2, 6)), 'No AIM intervention; referred on.');
};

/**
 * HSB-30: no further action, referred back through child protection (the route changes:
 * RouteChanged, CSC leads), then the full AIM as a welfare assessment.
 */
export const referralBackPath = (f: CaseFacts): void => {
  const { w, rng, clock } = f;
  const s = startCase(f);
  decideRoute(f, s, 'criminal-justice');
  section47(f, s, false);
  const nfa = wd(clock, s.strategyDay, rng.int(10, 18));
  w.emit('RecordPoliceDecision', instant(nfa, H(11)), f.police.actor, {
    decision: 'no-further-action',
  });
  w.emit('ReferBackToChildProtection', instant(nfa, H(14)), f.cscManager.actor, {
    reason: 'Insufficient evidence to charge; welfare concerns remain.',
  });
  const r = assessment(f, {
    criminal: false,
    preferredModel: 'AIM2',
    allocationDay: allocationDayFrom(f, nfa),
    toMeeting: true,
    homeSetting: 'family home',
  });
  // HSB-12 per setting: the young person moves to the grandparents' home after the initial
  // meeting; the new setting gets its own visit and safety plan.
  if (r.meetingDay !== undefined) {
    const lead = r.a.assessors[0] ?? f.caseHolder;
    const moveDay = wd(clock, r.meetingDay, 3);
    const visitDay = wd(clock, moveDay, 1);
    w.emit('EndSetting', instant(moveDay, H(9)), f.cscManager.actor, {
      setting: 'family home',
      reason: 'Moved to live with grandparents as a protective measure for siblings.',
    });
    w.emit('RecordSetting', instant(moveDay, H(9, 5)), f.cscManager.actor, {
      setting: 'grandparents',
      kind: 'family-member',
    });
    w.emit('RecordHomeVisit', instant(visitDay, H(10)), lead.actor, { setting: 'grandparents' });
    w.emit('AgreeHomeSafetyPlan', instant(visitDay, H(14)), lead.actor, {
      setting: 'grandparents',
      plan: safetyPlan,
      typed: true,
      signedBy: [`carer-${f.plan.caseId}`, lead.id],
      agreedByManagers: [{ id: r.a.overseer.id, agency: r.a.overseer.agency }],
    });
  }
  const exitDay = intervention(f, r, { minReviews: rng.int(1, 3) });
  closeCase(f, wd(clock, exitDay, rng.int(1, 4)), 'Intervention complete; exit plan agreed.');
};
