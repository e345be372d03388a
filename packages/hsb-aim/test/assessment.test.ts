import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { defaultHsbPolicy, makeHsbDecider } from '../src/index.js';
import {
  agreePlan,
  allocate,
  assessors,
  book,
  cmd,
  report,
  route,
  run,
  safetyPlan,
  strategy,
  supervision,
  upToAllocation,
  yosManager,
} from './fixtures.js';
import {
  allocatedEvents,
  commissionedEvents,
  concernReported,
  consentRefused,
  emergingRiskRaised,
  homeSafetyPlanAgreed,
  homeVisitCompleted,
  readyForMeetingEvents,
  riskManagementMeetingHeld,
  routeDecided,
  section47Decided,
  strategyDiscussionHeld,
  supervisionHeld,
} from './recorded.js';

const spec = deciderSpec(makeHsbDecider());
const given = spec.given;
const commissioned = commissionedEvents();

describe('assessment', () => {
  it('HSB-8: AIM3 is rejected where the council does not use it, accepted where it does', () => {
    given(commissioned)
      .when(allocate(undefined, [assessors.aim3], 'AIM3'))
      .thenRejects('HSB-8', { field: 'data.model' });
    const aim3Council = makeHsbDecider({
      ...defaultHsbPolicy,
      modelsInUse: ['AIM2', 'AIM3', 'under-12s'],
    });
    deciderSpec(aim3Council)
      .given(commissioned)
      .when(allocate(undefined, [assessors.aim3], 'AIM3'))
      .events();
  });
  it('HSB-8: the under-12s model does not fit a 14-year-old', () => {
    const u12 = { ...assessors.cscAim2, trainedIn: ['under-12s'] };
    given(commissioned)
      .when(allocate(undefined, [u12, assessors.yosAim2], 'under-12s'))
      .thenRejects('HSB-8');
  });
  it('HSB-9: the lead agency is derived: CSC on the child-protection route, YOS on the criminal route, joint with a social worker', () => {
    const cp = run(upToAllocation()).events.at(-1);
    expect(cp?.type === 'AssessorsAllocated' && cp.data.leadAgency).toBe('childrens-social-care');
    const crim = [
      report(),
      strategy(),
      route('criminal-justice'),
      cmd('RecordAdmission', '2026-06-01T17:00:00Z', {}),
      cmd('PoliceTriggerAssessment', '2026-06-01T18:00:00Z', { officerId: 'pc-1' }),
    ];
    const yos = run([...crim, allocate()]).events.at(-1);
    expect(yos?.type === 'AssessorsAllocated' && yos.data.leadAgency).toBe(
      'youth-offending-service',
    );
    const withSw = report(undefined, {
      child: {
        childId: 'child-a',
        name: 'Alex Testchild',
        dateOfBirth: '2012-03-10',
        socialWorker: { id: 'sw-9', name: 'Fran Unreal' },
      },
    });
    const joint = run([withSw, ...crim.slice(1), allocate()]).events.at(-1);
    expect(joint?.type === 'AssessorsAllocated' && joint.data.leadAgency).toBe('joint');
  });
  it("HSB-10: the victim's social worker is never an assessor", () => {
    const victimSw = { ...assessors.csc2, id: 'sw-victim' };
    given(commissioned)
      .when(allocate(undefined, [assessors.cscAim2, victimSw]))
      .thenRejects('HSB-10', { field: 'data.assessors.1.id' });
  });
  it('HSB-10: at least one AIM2-trained assessor and one qualified assessor', () => {
    given(commissioned)
      .when(allocate(undefined, [assessors.csc2, { ...assessors.yosAim2, trainedIn: [] }]))
      .thenRejects('HSB-10');
    given(commissioned)
      .when(
        allocate(undefined, [{ ...assessors.cscAim2, qualification: 'none' }, assessors.yosAim2]),
      )
      .thenRejects('HSB-10', { reason: /qualification/ });
  });
  it('HSB-10: two social care workers may assess only without criminal proceedings', () => {
    given(commissioned)
      .when(allocate(undefined, [assessors.cscAim2, assessors.csc2]))
      .events();
    const both = [
      concernReported(),
      strategyDiscussionHeld(),
      routeDecided('both'),
      section47Decided(),
    ];
    given(both)
      .when(allocate(undefined, [assessors.cscAim2, assessors.csc2]))
      .thenRejects('HSB-10', { reason: /criminal/ });
  });
  it('INPUT: an assessor listed twice is rejected naming the field', () => {
    given(commissioned)
      .when(allocate(undefined, [assessors.cscAim2, assessors.cscAim2]))
      .thenRejects('INPUT', { field: 'data.assessors.1.id' });
  });
  it('HSB-11: assessors are allocated only once an assessment is commissioned', () => {
    given([concernReported(), strategyDiscussionHeld(), routeDecided('child-protection')])
      .when(allocate())
      .thenRejects('STATE', { field: 'data.caseId' });
  });
  it('HSB-12: a home safety plan must be typed, signed and agreed by managers', () => {
    given(allocatedEvents())
      .when(agreePlan(undefined, { typed: false }))
      .thenRejects('HSB-12', { field: 'data.typed' });
    given(allocatedEvents())
      .when(agreePlan(undefined, { signedBy: [] }))
      .thenRejects('HSB-12', { field: 'data.signedBy' });
    given(allocatedEvents())
      .when(agreePlan(undefined, { agreedByManagers: [] }))
      .thenRejects('HSB-12', { field: 'data.agreedByManagers' });
  });
  it('HSB-13: a home safety plan missing a minimum heading is rejected', () => {
    const { playFighting: _omit, ...partial } = safetyPlan;
    given(allocatedEvents())
      .when(agreePlan(undefined, { plan: partial }))
      .thenRejects('HSB-13', { field: 'data.plan.playFighting' });
  });
  it('HSB-14: the initial joint supervision includes both assessors and agrees roles', () => {
    given([...allocatedEvents(), homeVisitCompleted(), homeSafetyPlanAgreed()])
      .when(supervision('initial', '2026-06-05T10:00:00Z', { attendees: ['as-1', 'mgr-csc'] }))
      .thenRejects('HSB-14', { field: 'data.attendees' });
    given(allocatedEvents())
      .when(supervision('initial', '2026-06-05T10:00:00Z', { rolesAgreed: undefined }))
      .thenRejects('HSB-14', { field: 'data.rolesAgreed' });
  });
  it('HSB-14: the CSC manager oversees a welfare AIM', () => {
    given(allocatedEvents())
      .when(supervision('initial', '2026-06-05T10:00:00Z', { overseeingManager: yosManager }))
      .thenRejects('HSB-14', { field: 'data.overseeingManager.agency' });
  });
  it('HSB-15: the initial AIM meeting is booked at the initial supervision', () => {
    given(allocatedEvents())
      .when(book('2026-06-05T10:30:00Z', '2026-07-17T10:00:00Z'))
      .thenRejects('HSB-15', { field: 'data.caseId' });
  });
  it('HSB-16: the second supervision follows the initial one', () => {
    given(allocatedEvents())
      .when(supervision('second', '2026-06-24T10:00:00Z'))
      .thenRejects('STATE', { field: 'data.kind' });
  });
  it('HSB-17: the final supervision agrees scores and evidence', () => {
    given([
      ...allocatedEvents(),
      supervisionHeld('initial', '2026-06-05T10:00:00Z'),
      supervisionHeld('second', '2026-06-24T10:00:00Z'),
    ])
      .when(supervision('final', '2026-07-08T10:00:00Z', { scores: undefined }))
      .thenRejects('HSB-17', { field: 'data.scores' });
  });
  it('HSB-18 / HSB-19: reports go to the manager and the IRO once the meeting is booked', () => {
    const r = (recipient: string) =>
      cmd('SubmitReport', '2026-07-13T09:00:00Z', { recipient } as never);
    given(allocatedEvents()).when(r('manager')).thenRejects('STATE', { field: 'data.recipient' });
    for (const recipient of ['manager', 'iro'])
      given(readyForMeetingEvents()).when(r(recipient)).events();
  });
  it('MTG-5: the report to the chair of a meeting with its own stream is recorded there, not on the case', () => {
    given(readyForMeetingEvents())
      .when(cmd('SubmitReport', '2026-07-13T09:00:00Z', { recipient: 'chair' } as never))
      .thenRejects('MTG-5', { field: 'data.recipient' });
  });
  it('HSB-20: the assessment is shared with the family; disagreements are attached', () => {
    const share = (sharedWith: string[]) =>
      cmd('ShareAssessmentWithFamily', '2026-07-10T10:00:00Z', {
        sharedWith,
        disagreements: ['Invented: parent disputes one finding.'],
        copyRetained: true,
        childFriendlyVersion: true,
      } as never);
    given(readyForMeetingEvents()).when(share([])).thenRejects('HSB-20');
    const [e] = given(readyForMeetingEvents())
      .when(share(['young-person', 'parents-carers']))
      .events();
    expect(e?.type === 'AssessmentSharedWithFamily' && e.data.disagreements).toHaveLength(1);
  });
  it('HSB-23: an emerging risk opens an urgent obligation that blocks closure until the meeting', () => {
    const close = cmd('CloseCase', '2026-06-11T10:00:00Z', { reason: 'invented' });
    given([...allocatedEvents(), emergingRiskRaised()])
      .when(close)
      .thenRejects('HSB-23', { field: 'data.caseId' });
    given([...allocatedEvents(), emergingRiskRaised(), riskManagementMeetingHeld()])
      .when(close)
      .events();
  });
  it('HSB-24: without consent the assessment still proceeds on existing information', () => {
    given([...commissioned, consentRefused()])
      .when(allocate())
      .events();
  });
});
