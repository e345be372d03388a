/**
 * Synthetic HSB AIM cases for `aimline demo`: invented children walking every path of the
 * process (child protection, criminal justice, prosecution, custody, no AIM intervention, the
 * under-12s model, AIM3 where the council uses it), with realistic timings in Europe/London
 * business hours, some deadlines missed and some events recorded late on purpose, and a few
 * commands that are refused on purpose to show typed rejections. Pure apart from `ctx.rng`.
 */

import { isBefore, addDays, daysBetween } from '@aimline/calendar';
import type { Child, HsbCommand } from '@aimline/hsb-aim';
import type { AnyDomainModule } from '@aimline/kernel';
import type { MeetingCommand } from '@aimline/meetings';
import { CaseWriter, CommandWriter, inOpeningOrder, type Draft, toSteps } from '../case-writer.js';
import { dateOfBirthFor, inventName, SCHOOLS } from '../invented-people.js';
import { type Clock, demoWindow, H, instant, londonDayOf, onOrAfter } from '../london-time.js';
import { shuffle } from '../rng.js';
import { moduleNamed, type ScenarioContext, type ScenarioGenerator } from '../scenario.js';
import {
  childProtectionPath,
  criminalJusticeAssessmentPath,
  noInterventionPath,
  prosecutionPath,
  referralBackPath,
} from './paths.js';
import {
  assessmentPaths,
  type CaseFacts,
  type CasePlan,
  durationDays,
  featureList,
  type HsbFeature,
  pathsFor,
} from './plan.js';
import { makeStaff } from './staff.js';

const LATE_RECORDING_TYPES: ReadonlySet<string> = new Set([
  'RecordHomeVisit',
  'RecordContact',
  'HoldReview',
  'RecordPractitionerSupervision',
  'ShareAssessmentWithFamily',
]);

type LegalHoldDraft = {
  readonly type: 'PlaceLegalHold';
  readonly data: { readonly holdId: string; readonly record: string; readonly reason: string };
};
const recordsManager = { id: 'rm-0001', role: 'records manager', agency: 'childrens-social-care' };

/**
 * A legal hold on a case the morning after its child is charged (criminal proceedings open), by
 * the records manager. Whether one was drafted.
 */
const holdOnCharge = (
  drafts: ReadonlyArray<Draft>,
  w: CommandWriter<LegalHoldDraft>,
  record: string,
  clock: Clock,
): boolean => {
  const charge = drafts.find((d) => d.command.type === 'RecordCharge');
  if (charge === undefined) return false;
  w.write(
    'PlaceLegalHold',
    instant(onOrAfter(clock, addDays(londonDayOf(charge.command.at), 1)), H(10)),
    recordsManager,
    {
      holdId: `hold-${record}`,
      record,
      reason: 'criminal proceedings open: keep the case file until they end',
    },
  );
  return true;
};

export const hsbScenarios: ScenarioGenerator = (ctx: ScenarioContext) => {
  const { rng } = ctx;
  const module: AnyDomainModule = moduleNamed(ctx.modules, 'hsb-case');
  const meetings: AnyDomainModule = moduleNamed(ctx.modules, 'meeting');
  const policy = ctx.policy.hsb;
  const clock: Clock = { cal: ctx.policy.calendar, rng };
  const staff = makeStaff(rng);
  const {
    start: windowStart,
    end: windowEnd,
    endInstant,
  } = demoWindow(ctx.from, ctx.years, (d) => onOrAfter(clock, d));

  const paths = pathsFor(rng, ctx.cases);
  const required = paths.length >= 6 ? Math.min(paths.length, 8) : paths.length;
  // Features go to distinct cases that have an assessment; some cases get two when few.
  const withAssessment = shuffle(
    rng,
    paths.map((p, i) => ({ p, i })).filter((x) => assessmentPaths.has(x.p) && x.i < required),
  );
  const features = paths.map(() => new Set<HsbFeature>());
  featureList.forEach((feature, k) => {
    const target = withAssessment[k % Math.max(1, withAssessment.length)];
    if (target !== undefined) features[target.i]?.add(feature);
  });
  // A couple more late deadlines among the rest, for a realistic tracker.
  paths.forEach((p, i) => {
    if (i >= required && assessmentPaths.has(p) && rng.chance(0.15))
      features[i]?.add('late-home-visit');
  });

  const firstCp = paths.indexOf('child-protection');
  const firstUnder12 = paths.indexOf('under-12s');
  const firstAim3 = paths.indexOf('aim3');
  const plans = paths.map((path, i) => {
    const showRejections = new Set<'HSB-6' | 'HSB-8' | 'HSB-22'>();
    if (i === firstUnder12) showRejections.add('HSB-6');
    if (i === firstAim3 && !policy.modelsInUse.includes('AIM3')) showRejections.add('HSB-8');
    if (i === firstCp) showRejections.add('HSB-22');
    const isRequired = i < required;
    const latest = isRequired ? addDays(windowEnd, -durationDays[path]) : addDays(windowEnd, -21);
    const span = Math.max(0, daysBetween(windowStart, latest));
    const disclosureDay = onOrAfter(clock, addDays(windowStart, rng.int(0, span)));
    return { path, i, showRejections, disclosureDay, isRequired };
  });

  // Legal holds (issue 13): the first charged child's case is held while proceedings are open.
  const holds = ctx.modules.find((m) => m.name === 'legal-hold');
  const legalHold = new CommandWriter<LegalHoldDraft>(holds ?? module);
  let held = holds === undefined;
  let childSeq = 0;
  const drafts: Draft[] = [];
  for (const { plan: p, caseId } of inOpeningOrder('hsb', plans, (q) => q.disclosureDay)) {
    const plan: CasePlan = {
      caseId,
      path: p.path,
      features: features[p.i] ?? new Set(),
      showRejections: p.showRejections,
      disclosureDay: p.disclosureDay,
      ...(p.isRequired ? {} : { cutOff: endInstant }),
      // The first case shows a rectification (no draw from the rng: other cases stay as they were).
      ...(drafts.length === 0 ? { correctName: true as const } : {}),
    };
    const crAge = policy.criminalResponsibilityAge;
    const age =
      p.path === 'under-12s'
        ? rng.int(7, Math.max(7, Math.min(9, crAge - 1)))
        : p.path === 'no-aim-intervention'
          ? rng.int(8, 15)
          : rng.int(Math.max(12, crAge + 1), 17);
    const school = rng.pick(SCHOOLS);
    const childId = `ch-${String(++childSeq).padStart(4, '0')}`;
    const hasWorker = rng.chance(0.3);
    const child: Child = {
      childId,
      name: inventName(rng),
      dateOfBirth: dateOfBirthFor(rng, p.disclosureDay, age),
      school,
      ...(hasWorker
        ? { socialWorker: (({ id, name }) => ({ id, name }))(rng.pick(staff.socialWorkers)) }
        : {}),
      ...(rng.chance(0.15) ? { lookedAfter: true } : {}),
      ...(rng.chance(0.1) ? { learningDisability: true } : {}),
    };
    const hasVictim = p.path !== 'no-aim-intervention' || rng.chance(0.5);
    const victimWorker = rng.pick(staff.socialWorkers);
    const victim: Child | undefined = hasVictim
      ? {
          childId: `ch-${String(++childSeq).padStart(4, '0')}`,
          name: inventName(rng),
          dateOfBirth: dateOfBirthFor(rng, p.disclosureDay, rng.int(4, Math.max(4, age - 1))),
          school: rng.chance(0.5) ? school : rng.pick(SCHOOLS),
          ...(rng.chance(0.5)
            ? { socialWorker: { id: victimWorker.id, name: victimWorker.name } }
            : {}),
        }
      : undefined;
    const w = new CaseWriter<HsbCommand>(caseId, module);
    const m = new CommandWriter<MeetingCommand>(meetings);
    const f: CaseFacts = {
      w,
      m,
      plan,
      child,
      ...(victim === undefined ? {} : { victim }),
      age,
      staff,
      policy,
      rng,
      clock,
      caseHolder: rng.pick(staff.socialWorkers.filter((s) => s.id !== victim?.socialWorker?.id)),
      cscManager: rng.pick(staff.cscManagers),
      yosManager: rng.pick(staff.yosManagers),
      police: rng.pick(staff.police),
    };
    switch (p.path) {
      case 'child-protection':
        childProtectionPath(f, 'AIM2');
        break;
      case 'under-12s':
        childProtectionPath(f, 'under-12s');
        break;
      case 'aim3':
        childProtectionPath(f, 'AIM3');
        break;
      case 'criminal-justice-assessment':
        criminalJusticeAssessmentPath(f);
        break;
      case 'prosecution':
        prosecutionPath(f, false);
        break;
      case 'custody':
        prosecutionPath(f, true);
        break;
      case 'no-aim-intervention':
        noInterventionPath(f);
        break;
      case 'referral-back':
        referralBackPath(f);
        break;
    }
    const cut = plan.cutOff;
    const written = [...w.drafts, ...m.drafts];
    const kept = cut === undefined ? written : written.filter((d) => isBefore(d.command.at, cut));
    drafts.push(...kept);
    if (!held) held = holdOnCharge(kept, legalHold, module.streamPrefix + caseId, clock);
    if (held) drafts.push(...legalHold.drafts.splice(0));
  }

  return toSteps(drafts, rng, {
    types: LATE_RECORDING_TYPES,
    surely: () => true,
    recordingDay: (day) => onOrAfter(clock, day),
  });
};
