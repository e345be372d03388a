/**
 * The hand-offs between the processes (issue 15), each as a specification: given what one
 * process recorded, when its process manager runs, then what the other process records.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { InMemoryEventStore } from '@aimline/kernel';
import { englandAndWales } from '@aimline/calendar';
import { hsbDeadlines, defaultHsbPolicy, hsbCaseStream } from '@aimline/hsb-aim';
import { meetingStream } from '@aimline/meetings';
import { localityStream, referralStream } from '@aimline/panel';
import { legalInterventionStream } from '@aimline/attendance-aim';
import {
  hsbCaseIdForReferral,
  processLogStream,
  processManagers,
  PANEL_TO_HSB,
  PANEL_TO_LOCALITY,
  ATTENDANCE_TO_LEGAL,
} from '../src/index.js';
import { holdMeeting } from '../../hsb-aim/test/fixtures.js';
import {
  attendanceCase,
  decideReferral,
  fromProcessManager,
  handOff,
  hsbCase,
  meetingSteps,
  modules,
  receiveReferral,
  referredChild,
  referrer,
  streamOf,
  world,
} from './fixtures.js';

const setup = () => {
  const w = world(new InMemoryEventStore());
  return { ...w, processes: processManagers({ store: w.store, handler: w.handler, modules }) };
};

describe('PNL-6 → HSB-1: the panel decision for an HSB AIM route starts the HSB case', () => {
  it('PNL-6: HsbAimCaseRequested becomes the case’s ReportConcern, caused by the request and naming the referral', async () => {
    const w = setup();
    await w.send(modules.panelReferral, receiveReferral('R1'));
    await w.send(modules.panelReferral, decideReferral('R1'));
    const outcomes = await w.processes.catchUp();
    expect(outcomes.map((o) => [o.kind, o.commandType])).toEqual([['accepted', 'ReportConcern']]);
    const { cause: request, effect: reported } = await handOff(
      w.store,
      PANEL_TO_HSB,
      { stream: referralStream('R1'), causeType: 'HsbAimCaseRequested' },
      hsbCaseStream(hsbCaseIdForReferral('R1')),
    );
    expect(reported.type).toBe('ConcernReported');
    expect(reported.metadata.correlationId).toBe(request.metadata.correlationId);
    expect(reported.metadata.occurredAt).toBe(request.metadata.occurredAt);
    expect(reported.data).toMatchObject({
      caseId: 'referral-R1',
      disclosedAt: '2026-01-28T15:20:00Z',
      behaviourDate: '2026-01-27',
      child: { childId: 'C-R1', name: 'Robin Testcase', dateOfBirth: '2012-06-15' },
      panelReferral: { referralId: 'R1', route: 'aim-assessment', rating: 'red' },
    });
  });
  it('PNL-6: a route that opens no HSB case opens no HSB case', async () => {
    const w = setup();
    await w.send(modules.panelReferral, receiveReferral('R2'));
    await w.send(modules.panelReferral, decideReferral('R2', 'early-help'));
    const outcomes = await w.processes.catchUp();
    expect(outcomes.map((o) => o.commandType)).toEqual(['ReceiveReferralFromPanel']);
    expect(await streamOf(w.store, hsbCaseStream(hsbCaseIdForReferral('R2')))).toEqual([]);
  });
  it('HSB-1: a referral that did not record the disclosure cannot start a case: the refusal is logged with its cause', async () => {
    const w = setup();
    await w.send(modules.panelReferral, receiveReferral('R3', null));
    await w.send(modules.panelReferral, decideReferral('R3'));
    const [outcome] = await w.processes.catchUp();
    expect(outcome).toMatchObject({
      kind: 'refused',
      rejection: { ruleId: 'HSB-1', field: 'data.concern.disclosedAt' },
    });
    const [logged] = await streamOf(w.store, processLogStream(PANEL_TO_HSB));
    expect(logged?.type).toBe('ReactionRefused');
    expect(logged?.data).toMatchObject({
      commandType: 'ReportConcern',
      targetStream: 'hsb-case-referral-R3',
      ruleId: 'HSB-1',
      cause: { stream: referralStream('R3'), type: 'HsbAimCaseRequested' },
    });
  });
  it('HSB-1: a referral without the notifications is refused by hsb-aim itself, and logged', async () => {
    const w = setup();
    await w.send(
      modules.panelReferral,
      receiveReferral('R4', { disclosedAt: '2026-01-28T15:20:00Z', behaviourDate: '2026-01-27' }),
    );
    await w.send(modules.panelReferral, decideReferral('R4'));
    const [outcome] = await w.processes.catchUp();
    expect(outcome).toMatchObject({
      kind: 'refused',
      rejection: { ruleId: 'HSB-1', field: 'data.notifications.childrensSocialCare' },
    });
  });
  it('a second run, or a run from an earlier checkpoint, sends nothing twice', async () => {
    const w = setup();
    await w.send(modules.panelReferral, receiveReferral('R5'));
    await w.send(modules.panelReferral, decideReferral('R5'));
    await w.processes.catchUp();
    expect(await w.processes.catchUp()).toEqual([]);
    await w.store.checkpoints.save(`process:${PANEL_TO_HSB}`, 0n);
    const again = await w.processes.catchUp();
    expect(again).toMatchObject([{ kind: 'accepted', alreadyHandled: true }]);
    expect(await streamOf(w.store, hsbCaseStream('referral-R5'))).toHaveLength(1);
  });
});

describe('MTG-1: booking the initial AIM meeting creates its meeting stream', () => {
  it('MTG-1: the meeting is scheduled with the booking’s arrangements, its subject the case', async () => {
    const w = setup();
    for (const c of hsbCase('K1')) await w.send(modules.hsbCase, c);
    await w.processes.catchUp();
    const [scheduled] = await streamOf(w.store, meetingStream('mtg-K1'));
    expect(scheduled?.type).toBe('MeetingScheduled');
    expect(scheduled?.data).toMatchObject({
      kind: 'hsb-initial-aim',
      subjects: [{ kind: 'hsb-case', id: 'K1' }],
      start: '2026-07-17T10:00:00Z',
      end: '2026-07-17T12:00:00.000Z',
      chair: { id: 'iro-1', role: 'IRO' },
    });
  });
});

describe('MTG-5 / MTG-6: the meeting stream is the record; the case is told', () => {
  const throughMeeting = async (options: Parameters<typeof meetingSteps>[1] = {}) => {
    const w = setup();
    for (const c of hsbCase('K2')) await w.send(modules.hsbCase, c);
    await w.processes.catchUp();
    for (const c of meetingSteps('mtg-K2', options)) await w.send(modules.meeting, c);
    await w.processes.catchUp();
    const loaded = await w.handler.load(modules.hsbCase, hsbCaseStream('K2'));
    if (E.isLeft(loaded)) throw new Error('no case');
    return { w, state: loaded.right.state };
  };
  const hold = (caseId: string, extra: Record<string, unknown> = {}) => {
    const c = holdMeeting('2026-07-17T12:00:00Z', { meetingId: `mtg-${caseId}`, ...extra });
    return { ...c, data: { ...c.data, caseId } };
  };
  it('MTG-5: one report to the chair meets both the meeting’s and the case’s deadline', async () => {
    const { w, state } = await throughMeeting();
    const mtg5 = hsbDeadlines(state, defaultHsbPolicy, englandAndWales).find(
      (d) => d.ruleId === 'MTG-5',
    );
    expect(mtg5?.status).toMatchObject({ kind: 'met', at: '2026-07-13T09:00:00.000Z' });
    const meeting = await w.handler.load(modules.meeting, meetingStream('mtg-K2'));
    if (E.isLeft(meeting)) throw new Error('no meeting');
    const onMeeting = modules.meeting
      .deadlines(meeting.right.state, '2026-07-20T00:00:00Z')
      .find((d) => d.ruleId === 'MTG-5');
    expect(onMeeting?.status.kind).toBe('met');
    // the case's own SubmitReport to the chair is refused: one record
    const again = await w.sendEither(modules.hsbCase, {
      type: 'SubmitReport',
      at: '2026-07-14T09:00:00Z',
      actor: { id: 'as-1', role: 'social worker', agency: 'childrens-social-care' },
      data: { caseId: 'K2', recipient: 'chair' },
    });
    expect(E.isLeft(again) && again.left.kind === 'Rejected' && again.left.rejection).toMatchObject(
      { ruleId: 'MTG-5', field: 'data.recipient' },
    );
  });
  it('MTG-6 / HSB-21: the case is held once the meeting’s attendance is recorded, checked against it', async () => {
    const { w } = await throughMeeting();
    expect(E.isRight(await w.sendEither(modules.hsbCase, hold('K2')))).toBe(true);
  });
  it('HSB-21: the case cannot claim the family was invited when the meeting sent no invitation', async () => {
    const { w } = await throughMeeting({ inviteFamily: false });
    const r = await w.sendEither(modules.hsbCase, hold('K2'));
    expect(E.isLeft(r) && r.left.kind === 'Rejected' && r.left.rejection).toMatchObject({
      ruleId: 'HSB-21',
      field: 'data.parentsCarers.invited',
    });
  });
  it('HSB-21: the IRO’s presence is the meeting’s attendance sheet, not the caller’s say-so', async () => {
    const { w } = await throughMeeting({ iroPresent: false });
    const r = await w.sendEither(modules.hsbCase, hold('K2'));
    expect(E.isLeft(r) && r.left.kind === 'Rejected' && r.left.rejection).toMatchObject({
      ruleId: 'HSB-21',
      field: 'data.iroPresent',
    });
  });
});

describe('PNL-6: the panel’s referral back to the locality (a route that opens no HSB AIM case)', () => {
  it('PNL-6 / PNL-8: the decision is received by the locality’s record, with the child, the referrer and the concern, under the case-note heading', async () => {
    const w = setup();
    await w.send(modules.panelReferral, receiveReferral('R6'));
    await w.send(modules.panelReferral, decideReferral('R6', 'early-help'));
    const outcomes = await w.processes.catchUp();
    expect(outcomes.map((o) => [o.kind, o.commandType])).toEqual([
      ['accepted', 'ReceiveReferralFromPanel'],
    ]);
    const { effect: received } = await handOff(
      w.store,
      PANEL_TO_LOCALITY,
      { stream: referralStream('R6'), causeType: 'DecisionRecorded' },
      localityStream('R6'),
    );
    expect(received.type).toBe('ReferralReceivedFromPanel');
    expect(received.data).toMatchObject({
      referralId: 'R6',
      at: '2026-03-02T15:00:00Z',
      child: { childId: 'C-R6', name: 'Robin Testcase' },
      referrer: { id: 'sw-9', agency: 'Testshire CSC' },
      concernSummary: 'Invented concern',
      route: 'early-help',
      rating: 'red',
      caseNoteHeading: 'HSB AIM',
    });
  });
  it('PNL-6: a route that opens an HSB AIM case is not sent back to the locality', async () => {
    const w = setup();
    await w.send(modules.panelReferral, receiveReferral('R7'));
    await w.send(modules.panelReferral, decideReferral('R7', 'aim-assessment'));
    await w.processes.catchUp();
    expect(await streamOf(w.store, localityStream('R7'))).toEqual([]);
  });
  it('PNL-6: the locality’s record refuses a route that opens an HSB AIM case, naming the route', async () => {
    const w = setup();
    const r = await w.sendEither(
      modules.panelLocality,
      fromProcessManager('ReceiveReferralFromPanel', '2026-03-02T15:00:00Z', {
        referralId: 'R8',
        child: referredChild('R8'),
        referrer,
        concernSummary: 'Invented concern',
        route: 'aim-assessment',
        rating: 'red',
        sittingId: '2026-03',
      }),
    );
    expect(E.isLeft(r) && r.left.kind === 'Rejected' && r.left.rejection).toMatchObject({
      ruleId: 'PNL-6',
      field: 'data.route',
    });
  });
});

describe('ATT-9: the attendance ladder’s hand-offs to the lead officer for legal intervention', () => {
  const upTo = async (steps: number) => {
    const w = setup();
    for (const c of attendanceCase('A1', steps)) await w.send(modules.attendanceAim, c);
    return { w, outcomes: await w.processes.catchUp() };
  };
  it('ATT-9: the inclusion officer’s consultation opens the lead officer’s record, with the pupil and school as the case knew them', async () => {
    const { w, outcomes } = await upTo(1);
    expect(outcomes.map((o) => [o.kind, o.commandType])).toEqual([
      ['accepted', 'ReceiveInclusionOfficerContact'],
    ]);
    const { effect: contact } = await handOff(
      w.store,
      ATTENDANCE_TO_LEGAL,
      { stream: 'attendance-aim-A1', causeType: 'InclusionOfficerConsulted' },
      legalInterventionStream('A1'),
    );
    expect(contact.type).toBe('InclusionOfficerContactReceived');
    expect(contact.data).toMatchObject({
      caseId: 'A1',
      at: '2024-11-22T09:00:00Z',
      pupil: { pupilId: 'P-A1', lastName: 'Testcase' },
      school: { schoolId: 'school-1' },
      inclusionOfficer: { officerId: 'io-1' },
    });
  });
  it('ATT-9: the meeting with the lead officer and then the request with its evidence bundle reach the record, in order', async () => {
    const { w } = await upTo(3);
    const received = await streamOf(w.store, legalInterventionStream('A1'));
    expect(received.map((e) => e.type)).toEqual([
      'InclusionOfficerContactReceived',
      'LegalInterventionMeetingNoted',
      'LegalProceedingsRequestReceived',
    ]);
    const requested = (await streamOf(w.store, 'attendance-aim-A1')).find(
      (e) => e.type === 'LegalProceedingsRequested',
    );
    expect(received[1]?.data).toMatchObject({ legalMeetingId: 'lm-1', channel: 'teams' });
    expect(received[2]?.data).toEqual(requested?.data);
  });
  it('ATT-9: the lead officer’s record refuses a request before the meeting with the lead officer', async () => {
    const w = setup();
    const r = await w.sendEither(
      modules.legalIntervention,
      fromProcessManager('ReceiveLegalProceedingsRequest', '2024-11-29T09:00:00Z', {
        caseId: 'A2',
        requestId: 'req-1',
        formRef: 'doc-form',
        evidence: ['doc-steps'],
        bundle: {
          supportEvidence: [],
          letters: [],
          meetingsHeld: [],
          meetingsNotHeld: [],
          interactions: 0,
          directQuotes: 0,
          documents: [],
          attendance: {
            possibleSessions: 0,
            absenceSessions: 0,
            unauthorisedSessions: 0,
            attendanceRate: null,
          },
          rollingWindow: {
            from: null,
            to: '2024-11-29',
            unauthorisedSessions: 0,
            thresholdMet: false,
          },
        },
      }),
    );
    expect(E.isLeft(r) && r.left.kind === 'Rejected' && r.left.rejection).toMatchObject({
      ruleId: 'ATT-9',
    });
    expect(await streamOf(w.store, legalInterventionStream('A2'))).toEqual([]);
  });
  it('a second run, or a run from an earlier checkpoint, sends nothing twice', async () => {
    const { w } = await upTo(3);
    expect(await w.processes.catchUp()).toEqual([]);
    await w.store.checkpoints.save(`process:${ATTENDANCE_TO_LEGAL}`, 0n);
    const again = await w.processes.catchUp();
    expect(again.every((o) => o.kind === 'accepted' && o.alreadyHandled)).toBe(true);
    expect(await streamOf(w.store, legalInterventionStream('A1'))).toHaveLength(3);
  });
});
