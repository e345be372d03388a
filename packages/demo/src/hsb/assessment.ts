/** The AIM assessment of an HSB case (HSB-8 … HSB-24). */
import { addDays, isAgeInBand } from '@aimline/calendar';
import type { AssessmentModel, AssessmentOutcome } from '@aimline/hsb-aim';
import { type Day, H, instant, onOrAfter, onOrBefore, plusWeeks, tod, wd } from '../london-time.js';
import { outcome, safetyPlan } from './content.js';
import type { CaseFacts } from './plan.js';
import {
  arrangeMeeting,
  meetingArrangements,
  type MeetingOf,
  type MeetingPeople,
} from './meeting.js';
import type { Pro } from './staff.js';

interface Assessors {
  readonly model: AssessmentModel;
  readonly assessors: ReadonlyArray<Pro>;
  readonly overseer: Pro;
}

export const asAssessor = (p: Pro) => ({
  id: p.id,
  name: p.name,
  agency: p.agency,
  trainedIn: p.trainedIn,
  qualification: p.qualification,
});

/** HSB-8 … HSB-10: a model the council uses that fits the child, assessors who may assess it. */
const chooseAssessors = (
  f: CaseFacts,
  preferred: AssessmentModel,
  criminal: boolean,
): Assessors => {
  const { rng, staff, policy } = f;
  const fits = (m: AssessmentModel) =>
    policy.modelsInUse.includes(m) &&
    isAgeInBand(policy.modelAgeBands[m], f.age) &&
    isAgeInBand(policy.modelAgeBands[m], f.age + 1);
  const model: AssessmentModel = fits(preferred)
    ? preferred
    : (policy.modelsInUse.find(fits) ?? preferred);
  const victimWorker = f.victim?.socialWorker?.id;
  const trained = (pool: ReadonlyArray<Pro>) =>
    pool.filter((p) => p.trainedIn.includes(model) && p.id !== victimWorker);
  const lead = rng.pick(trained(staff.socialWorkers));
  const partners =
    model === 'under-12s'
      ? [...staff.health, ...trained(staff.socialWorkers).filter((p) => p.id !== lead.id)]
      : criminal
        ? staff.yosOfficers
        : [...staff.yosOfficers, ...trained(staff.socialWorkers).filter((p) => p.id !== lead.id)];
  const partner = rng.pick(partners);
  const assessors = model === 'AIM3' && rng.chance(0.5) ? [lead] : [lead, partner];
  return { model, assessors, overseer: criminal ? f.yosManager : f.cscManager };
};

interface AssessmentOptions {
  readonly criminal: boolean;
  readonly preferredModel: AssessmentModel;
  /** Day the assessors are allocated (late when the case has the late-allocation feature). */
  readonly allocationDay: Day;
  /** Whether the assessment goes on to the initial AIM meeting (else it stops after the initial supervision). */
  readonly toMeeting: boolean;
  readonly homeSetting: string;
}

export interface AssessmentResult {
  readonly a: Assessors;
  readonly allocationDay: Day;
  readonly initialSupervisionDay: Day;
  /** The booked initial AIM meeting start, when the assessment goes on to it. */
  readonly meetingDay?: Day;
  readonly meetingStart?: string;
  /** Its meeting stream's writer, id and people. */
  readonly meeting?: MeetingOf;
  readonly initialScores?: AssessmentOutcome;
  readonly startLevel: number;
}

/** HSB-8 … HSB-24: allocation, home visit and safety plan, supervisions, reports, sharing. */
export const assessment = (f: CaseFacts, o: AssessmentOptions): AssessmentResult => {
  const { w, rng, clock, plan, policy } = f;
  const a = chooseAssessors(f, o.preferredModel, o.criminal);
  const allocator = o.criminal ? f.yosManager : f.cscManager;
  const allocDay = o.allocationDay;
  const allocMin = tod(clock.rng, H(9, 30), H(11));
  // HSB-12: where the child lives, recorded before allocation (one visit and plan per setting).
  w.emit('RecordSetting', instant(allocDay, allocMin - 30), allocator.actor, {
    setting: o.homeSetting,
    kind: 'family-home',
  });
  if (plan.showRejections.has('HSB-8') && !policy.modelsInUse.includes('AIM3'))
    // On purpose: an AIM3 allocation where the council has not adopted AIM3 (002).
    w.emit(
      'AllocateAssessors',
      instant(allocDay, allocMin - 20),
      allocator.actor,
      {
        model: 'AIM3',
        assessors: [
          asAssessor(rng.pick(f.staff.yosOfficers.filter((p) => p.trainedIn.includes('AIM3')))),
        ],
      },
      'HSB-8',
    );
  w.emit('AllocateAssessors', instant(allocDay, allocMin), allocator.actor, {
    model: a.model,
    assessors: a.assessors.map(asAssessor),
  });
  const lead = a.assessors[0] ?? f.caseHolder;
  const coWorker = a.assessors[1] ?? lead;

  // HSB-12, HSB-13: home visit and typed safety plan (late on purpose for some cases).
  const visitDay = plan.features.has('late-home-visit')
    ? onOrAfter(clock, addDays(allocDay, rng.int(7, 10)))
    : wd(clock, allocDay, 1);
  w.emit('RecordHomeVisit', instant(visitDay, tod(clock.rng, H(10), H(11, 30))), lead.actor, {
    setting: o.homeSetting,
  });
  w.emit('AgreeHomeSafetyPlan', instant(visitDay, tod(clock.rng, H(14), H(16))), lead.actor, {
    setting: o.homeSetting,
    plan: safetyPlan,
    typed: true,
    signedBy: [`carer-${plan.caseId}`, lead.id],
    agreedByManagers: [{ id: a.overseer.id, agency: a.overseer.agency }],
  });

  if (plan.features.has('consent-refused'))
    w.emit('RecordConsentRefused', instant(wd(clock, allocDay, 1), H(16, 30)), lead.actor, {
      refusedBy: rng.pick(['young-person', 'parents-carers'] as const),
      concernRemains: true,
    });

  // HSB-14, HSB-15: initial joint supervision, at which the initial AIM meeting is booked.
  const supDay = wd(clock, allocDay, rng.int(2, 4));
  const attendees = [...a.assessors.map((p) => p.id), a.overseer.id];
  const supMin = tod(clock.rng, H(9, 30), H(16));
  const supAt = instant(supDay, supMin);
  w.emit('HoldSupervision', supAt, a.overseer.actor, {
    kind: 'initial',
    attendees,
    overseeingManager: { id: a.overseer.id, agency: a.overseer.agency },
    rolesAgreed: `${lead.id} leads; ${coWorker.id} co-works; ${a.overseer.id} oversees.`,
  });
  const startLevel = rng.int(1, 2);
  if (!o.toMeeting)
    return { a, allocationDay: allocDay, initialSupervisionDay: supDay, startLevel };

  const meetingDay = onOrBefore(
    clock,
    addDays(plusWeeks(supDay, policy.initialMeetingWeeksAfterSupervision), -rng.int(0, 2)),
  );
  const meetingStart = instant(meetingDay, rng.pick([H(10), H(13, 30)]));
  // HSB-21: the IRO chairs for a looked-after child, and attends some other meetings.
  const chair = f.child.lookedAfter === true ? rng.pick(f.staff.iros) : f.cscManager;
  const people: MeetingPeople = {
    chair,
    lead,
    iro:
      chair.role === 'independent reviewing officer'
        ? chair
        : rng.chance(0.5)
          ? rng.pick(f.staff.iros)
          : undefined,
  };
  const meeting = { m: f.m, meetingId: `aim-${plan.caseId}`, people };
  w.emit(
    'BookInitialAimMeeting',
    instant(supDay, supMin + 20),
    rng.pick(f.staff.businessSupport).actor,
    {
      meetingId: meeting.meetingId,
      start: meetingStart,
      arrangements: meetingArrangements(meetingStart, people),
    },
  );

  if (plan.features.has('emerging-risk')) {
    const riskDay = wd(clock, allocDay, rng.int(6, 10));
    const riskMin = tod(clock.rng, H(9, 30), H(11, 30));
    w.emit('RaiseEmergingRisk', instant(riskDay, riskMin), lead.actor, {
      riskId: `risk-${plan.caseId}-1`,
      description: 'The young person has unsupervised weekend contact with younger cousins.',
    });
    w.emit('HoldRiskManagementMeeting', instant(riskDay, riskMin + H(3)), f.cscManager.actor, {
      riskId: `risk-${plan.caseId}-1`,
      writtenPlan:
        'No unsupervised contact with younger children; cousins’ parents informed (synthetic).',
    });
  }

  // HSB-16, HSB-17: second and final supervisions (scores and evidence at the final one).
  const secondDay = onOrBefore(
    clock,
    addDays(plusWeeks(allocDay, policy.secondSupervisionWeeks), -rng.int(0, 2)),
  );
  const finalDay = onOrBefore(
    clock,
    addDays(plusWeeks(allocDay, policy.finalSupervisionWeeks), -rng.int(0, 2)),
  );
  w.emit('HoldSupervision', instant(secondDay, H(9, 15)), a.overseer.actor, {
    kind: 'second',
    attendees,
    overseeingManager: { id: a.overseer.id, agency: a.overseer.agency },
  });
  if (plan.features.has('disagreement')) {
    const first = wd(clock, secondDay, 1);
    const second = wd(clock, first, rng.int(2, 4));
    const resolved = wd(clock, second, rng.int(2, 4));
    const id = `dis-${plan.caseId}-1`;
    const subject = 'The assessors disagree on the level of dynamic concerns.';
    w.emit('EscalateDisagreement', instant(first, H(11)), coWorker.actor, {
      disagreementId: id,
      stage: 'line-managers',
      subject,
    });
    w.emit('EscalateDisagreement', instant(second, H(11)), f.yosManager.actor, {
      disagreementId: id,
      stage: 'professional-differences',
      subject,
    });
    w.emit('ResolveDisagreement', instant(resolved, H(15)), f.cscManager.actor, {
      disagreementId: id,
      resolution:
        'Agreed at the professional-differences meeting: scores reviewed with the evidence.',
    });
  }
  const initialScores = outcome(a.model, startLevel, 0, rng);
  w.emit('HoldSupervision', instant(finalDay, H(9, 15)), a.overseer.actor, {
    kind: 'final',
    attendees,
    overseeingManager: { id: a.overseer.id, agency: a.overseer.agency },
    scores: initialScores,
  });

  // HSB-18, HSB-19, MTG-5: reports before the meeting; HSB-20: shared with the family.
  const managerDay = onOrBefore(
    clock,
    addDays(meetingDay, -(policy.reportToManagerDaysBefore + 1)),
  );
  const chairDay = onOrBefore(clock, addDays(meetingDay, -(policy.reportToChairDaysBefore + 1)));
  const iroDay = onOrBefore(
    clock,
    addDays(meetingDay, -(Math.ceil(policy.reportToIroHoursBefore / 24) + 1)),
  );
  w.emit('SubmitReport', instant(managerDay, H(9, 30)), lead.actor, { recipient: 'manager' });
  w.emit('ShareAssessmentWithFamily', instant(managerDay, H(15, 30)), lead.actor, {
    sharedWith: ['young-person', 'parents-carers'],
    disagreements: rng.chance(0.3)
      ? ['The parents disagree with the description of the incident.']
      : [],
    copyRetained: true,
    childFriendlyVersion: true,
  });
  // MTG-5: the AIM report to the chair is recorded on the meeting stream (the case is told).
  arrangeMeeting(f, meeting, { booked: supDay, report: chairDay, start: meetingStart });
  w.emit('SubmitReport', instant(iroDay, H(14, 30)), lead.actor, { recipient: 'iro' });
  return {
    a,
    meeting,
    allocationDay: allocDay,
    initialSupervisionDay: supDay,
    meetingDay,
    meetingStart,
    initialScores,
    startLevel,
  };
};
