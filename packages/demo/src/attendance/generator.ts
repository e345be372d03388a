/**
 * Synthetic school attendance AIM cases for `aimline demo`: invented pupils (primary and
 * secondary, some in Year 11) and parents, register marks imported per period with the national
 * codes (some pupils persistently or severely absent, some over the penalty-notice threshold),
 * support evidence, letters to each parent, interactions and direct quotes, the AIM with every
 * branch of ATT-5, targets reviewed against the attendance recorded, and for some families the
 * road to legal intervention (ATT-9, ATT-10, NAT-7, NAT-8) with AIMs continuing alongside it
 * (ATT-8). Some reviews are late and some events recorded days late on purpose, and a few commands
 * are refused on purpose to show typed rejections. Pure apart from `ctx.rng`.
 */

import type { AttendanceAimCommand, Pupil } from '@aimline/attendance-aim';
import { addDays, daysBetween, isBefore } from '@aimline/calendar';
import type { AnyDomainModule } from '@aimline/kernel';
import { CaseWriter, inOpeningOrder, type Draft, toSteps } from '../case-writer.js';
import { FIRST_NAMES, LAST_NAMES } from '../invented-people.js';
import { type Day, demoWindow, H } from '../london-time.js';
import { moduleNamed, type ScenarioContext, type ScenarioGenerator } from '../scenario.js';
import { type Case, Cursor } from './case.js';
import { esoPath, noEngagementLegalPath, penaltyPaidPath, year11Path } from './legal-paths.js';
import {
  engagedPath,
  parentsWithoutPupilPath,
  primaryParentsPath,
  pupilAlonePath,
} from './paths.js';
import { dobFor, makeLaStaff, makeParents, makeSchools, People, STREETS } from './people.js';
import {
  type AttendancePath,
  attendancePathsFor,
  BASELINE,
  type CasePlan,
  DURATION,
  type Rejectable,
} from './plan.js';
import { Register } from './register.js';
import { SchoolTerms } from './school-terms.js';

const PATH_SCRIPTS: Record<AttendancePath, (c: Case) => void> = {
  engaged: engagedPath,
  'primary-parents': primaryParentsPath,
  'pupil-alone': pupilAlonePath,
  'parents-without-pupil': parentsWithoutPupilPath,
  'no-engagement-legal': noEngagementLegalPath,
  'penalty-paid': penaltyPaidPath,
  eso: esoPath,
  year11: year11Path,
};

const LATE_RECORDING_TYPES: ReadonlySet<string> = new Set([
  'RecordInteraction',
  'CaptureVoice',
  'FileDocument',
]);

export const attendanceScenarios: ScenarioGenerator = (ctx: ScenarioContext) => {
  const { rng } = ctx;
  const module: AnyDomainModule = moduleNamed(ctx.modules, 'attendance-aim');
  const policy = ctx.policy.attendance;
  const terms = new SchoolTerms(ctx.policy.calendar);
  const people = new People(rng);
  const schools = makeSchools(people);
  const la = makeLaStaff(people);
  const {
    start: windowStart,
    end: windowEnd,
    endInstant,
  } = demoWindow(ctx.from, ctx.years, (d) => terms.onOrAfter(d));

  const paths = attendancePathsFor(rng, ctx.cases);
  const firstOf = (p: AttendancePath) => paths.indexOf(p);
  const rejectionsFor = (i: number): Set<Rejectable> => {
    const s = new Set<Rejectable>();
    if (i === firstOf('engaged')) s.add('ATT-2');
    if (i === firstOf('pupil-alone')) s.add('NAT-4');
    if (i === firstOf('year11')) s.add('NAT-8');
    return s;
  };
  const lateReviewFor = (i: number, p: AttendancePath): boolean =>
    i === firstOf('engaged') ||
    i === firstOf('pupil-alone') ||
    (p !== 'engaged' && rng.chance(0.25));

  const plans = paths.map((path, i) => {
    let openDay: Day;
    let yearGroup: number;
    if (path === 'year11') {
      // The January of a Year 11 whose summer ends inside the window.
      const years: number[] = [];
      for (
        let s = SchoolTerms.startYearOf(windowStart) - 1;
        s <= SchoolTerms.startYearOf(windowEnd);
        s++
      )
        if (`${s + 1}-01-08` >= windowStart && `${s + 1}-07-20` < windowEnd) years.push(s);
      const s = years.length > 0 ? rng.pick(years) : SchoolTerms.startYearOf(windowStart);
      openDay = terms.onOrAfter(addDays(`${s + 1}-01-08`, rng.int(0, 10)));
      yearGroup = 11;
    } else {
      const latest = addDays(windowEnd, -DURATION[path]);
      const span = Math.max(0, daysBetween(windowStart, latest));
      openDay = terms.onOrAfter(addDays(windowStart, rng.int(0, span)));
      const legal = path === 'no-engagement-legal' || path === 'penalty-paid' || path === 'eso';
      const autumn = Number(openDay.slice(5, 7)) >= 9;
      yearGroup =
        path === 'primary-parents'
          ? rng.int(1, Math.max(1, Math.min(6, policy.pupilExpectedFromYearGroup - 1)))
          : path === 'pupil-alone' || path === 'parents-without-pupil' || path === 'eso'
            ? rng.int(
                Math.max(7, policy.secondaryFromYearGroup, policy.pupilExpectedFromYearGroup),
                legal || !autumn ? 10 : 11,
              )
            : rng.chance(0.35)
              ? rng.int(2, 6)
              : rng.int(7, legal || !autumn ? 10 : 11);
    }
    return { path, i, openDay, yearGroup };
  });

  const drafts: Draft[] = [];
  for (const { plan: p, caseId } of inOpeningOrder('att', plans, (q) => q.openDay)) {
    const plan: CasePlan = {
      caseId,
      path: p.path,
      openDay: p.openDay,
      yearGroup: p.yearGroup,
      showRejections: rejectionsFor(p.i),
      lateReview: lateReviewFor(p.i, p.path),
    };
    const lastName = rng.pick(LAST_NAMES);
    const school = rng.pick(
      schools.filter((s) => s.primary === p.yearGroup < policy.secondaryFromYearGroup),
    );
    const s = SchoolTerms.startYearOf(p.openDay);
    const pupil: Pupil = {
      pupilId: `${caseId}-pup`,
      firstName: rng.pick(FIRST_NAMES),
      lastName,
      dateOfBirth: dobFor(rng, s, p.yearGroup),
    };
    const caseRng = rng.fork(caseId);
    const c: Case = {
      w: new CaseWriter<AttendanceAimCommand>(caseId, module, { inOrder: true }),
      rng: caseRng,
      terms,
      policy,
      reg: new Register(caseRng.fork('register'), terms, addDays(p.openDay, -70), BASELINE[p.path]),
      cur: new Cursor(terms, caseRng, p.openDay, H(9, 30) + 5 * caseRng.int(0, 18)),
      plan,
      pupil,
      parents: makeParents(rng, caseId, lastName),
      school,
      la,
      address: `${rng.int(2, 98)} ${rng.pick(STREETS)}, ${school.name.split(' ')[0] ?? 'Otterbrook'}`,
      inclusionOfficer: rng.pick(la.inclusionOfficers),
      enforcement: rng.pick(la.enforcement),
      seq: { meeting: 0, interaction: 0, step: 0, doc: 0 },
      targets: new Map(),
    };
    PATH_SCRIPTS[p.path](c);
    drafts.push(...c.w.drafts.filter((d) => isBefore(d.command.at, endInstant)));
  }

  // Some notes, quotes and documents are recorded days after they happened.
  return toSteps(drafts, rng, {
    types: LATE_RECORDING_TYPES,
    surely: (k) => k % 17 === 3,
    recordingDay: (day) => terms.onOrAfter(day),
  });
};
