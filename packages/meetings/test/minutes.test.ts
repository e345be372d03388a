import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import {
  distributionList,
  isComplete,
  makeMeetingDecider,
  minutesActions,
  minutesStatus,
  type MeetingEvent,
} from '../src/index.js';
import {
  actions,
  approved,
  asChair,
  asLead,
  attended,
  chair,
  command,
  drafted,
  event,
  heldAndApproved,
  lead,
  listSubmitted,
  parent,
  scheduled,
  teacher,
  uploaded,
  yjsOfficer,
  youngPerson,
} from './fixtures.js';

const decider = makeMeetingDecider();
const spec = deciderSpec(decider);
const held = [scheduled(), listSubmitted(), attended()];
const at = '2026-03-17T10:00:00Z';
const stateOf = (events: ReadonlyArray<MeetingEvent>) =>
  events.reduce(decider.evolve, decider.initialState);

describe('MTG-7: draft minutes go to the chair; only approved minutes are distributed', () => {
  it('MTG-7: business support send the draft with its actions (owner, description, due) to the chair', () => {
    spec
      .given(held)
      .when(
        command(
          'SubmitDraftMinutes',
          { documentRef: 'doc-minutes-1', actions: [...actions] },
          '2026-03-16T10:00:00Z',
        ),
      )
      .then([drafted()]);
  });

  it('MTG-7: a second draft is numbered 2, and the chair approves the latest', () => {
    spec
      .given([...held, drafted()])
      .when(
        command('SubmitDraftMinutes', { documentRef: 'doc-minutes-2', actions: [...actions] }, at),
      )
      .then([drafted(actions, at, 2)]);
    spec
      .given([...held, drafted(), drafted(actions, at, 2)])
      .when(command('ApproveMinutes', {}, at, asChair))
      .then([approved(at, 2)]);
  });

  it('MTG-7: the chair approves the draft', () => {
    spec
      .given([...held, drafted()])
      .when(command('ApproveMinutes', {}, at, asChair))
      .then([approved(at)]);
  });

  it('MTG-7: anyone but the chair approving is rejected, naming actor.id', () => {
    spec
      .given([...held, drafted()])
      .when(command('ApproveMinutes', {}, at, asLead))
      .thenRejects('MTG-7', { field: 'actor.id' });
  });

  it('MTG-7: distributing unapproved minutes is rejected', () => {
    spec
      .given([...held, drafted()])
      .when(command('DistributeMinutes', {}, at))
      .thenRejects('MTG-7', { field: 'data.meetingId' });
    spec
      .given([...held, drafted()])
      .when(command('DistributeMinutes', { recipients: [parent.id] }, at))
      .thenRejects('MTG-7', { field: 'data.meetingId' });
  });

  it('MTG-7: uploading unapproved minutes is rejected', () => {
    spec
      .given([...held, drafted()])
      .when(command('UploadMinutes', { systems: ['ICS'], attendanceListIncluded: true }, at))
      .thenRejects('MTG-7', { field: 'data.meetingId' });
  });

  it('MTG-7: approved minutes are final: no further draft', () => {
    spec
      .given(heldAndApproved)
      .when(command('SubmitDraftMinutes', { documentRef: 'doc-minutes-3', actions: [] }, at))
      .thenRejects('STATE', { field: 'data.meetingId' });
  });

  it('MTG-7: there are no minutes before the meeting is held, and nothing to approve without a draft', () => {
    spec
      .given([scheduled()])
      .when(command('SubmitDraftMinutes', { documentRef: 'doc-minutes-1', actions: [] }, at))
      .thenRejects('STATE', { field: 'data.meetingId' });
    spec
      .given(held)
      .when(command('ApproveMinutes', {}, at, asChair))
      .thenRejects('STATE', { field: 'data.meetingId' });
  });

  it('MTG-7: an action owner must have been invited or at the meeting', () => {
    spec
      .given(held)
      .when(
        command(
          'SubmitDraftMinutes',
          { documentRef: 'doc-minutes-1', actions: [{ ...actions[0]!, ownerId: 'stranger-1' }] },
          at,
        ),
      )
      .thenRejects('INPUT', { field: 'data.actions.0.ownerId' });
  });

  it("MTG-7: the actions list is the approved draft's", () => {
    const state = stateOf([...held, drafted(), drafted([actions[1]!], at, 2), approved(at, 2)]);
    expect(minutesActions(state)).toEqual([actions[1]]);
  });
});

describe('MTG-8: minutes go only to those present and those with actions; uploaded with the attendance list', () => {
  it('MTG-8: the distribution list is derived: present attendees, then action owners', () => {
    expect(distributionList(stateOf(heldAndApproved))).toEqual([
      chair.id,
      lead.id,
      parent.id,
      teacher.id,
      yjsOfficer.id,
    ]);
  });

  it('MTG-8: the young person sent apologies and has no action, so is not on the list', () => {
    expect(distributionList(stateOf(heldAndApproved))).not.toContain(youngPerson.id);
  });

  it('MTG-8: distribution without recipients goes to the whole derived list', () => {
    spec
      .given(heldAndApproved)
      .when(command('DistributeMinutes', {}, at))
      .then([
        event('MinutesDistributed', {
          at,
          recipients: [chair.id, lead.id, parent.id, teacher.id, yjsOfficer.id],
        }),
      ]);
  });

  it('MTG-8: naming someone neither present nor owning an action is rejected, naming the recipient', () => {
    spec
      .given(heldAndApproved)
      .when(command('DistributeMinutes', { recipients: [parent.id, youngPerson.id] }, at))
      .thenRejects('MTG-8', { field: 'data.recipients.1' });
  });

  it('MTG-8: a part distribution to people on the list is recorded; the rest follow later', () => {
    const first = event('MinutesDistributed', { at, recipients: [parent.id, yjsOfficer.id] });
    spec
      .given(heldAndApproved)
      .when(command('DistributeMinutes', { recipients: [parent.id, yjsOfficer.id] }, at))
      .then([first]);
    spec
      .given([...heldAndApproved, first])
      .when(command('DistributeMinutes', {}, at))
      .then([event('MinutesDistributed', { at, recipients: [chair.id, lead.id, teacher.id] })]);
  });

  it('MTG-8: once everyone on the list has the minutes, distributing again records nothing', () => {
    const all = event('MinutesDistributed', {
      at,
      recipients: [chair.id, lead.id, parent.id, teacher.id, yjsOfficer.id],
    });
    spec
      .given([...heldAndApproved, all])
      .when(command('DistributeMinutes', {}, at))
      .thenNothingHappens();
    expect(minutesStatus(stateOf([...heldAndApproved, all])).fullyDistributed).toBe(true);
  });

  it('MTG-8: minutes are uploaded with the attendance list', () => {
    spec
      .given(heldAndApproved)
      .when(
        command(
          'UploadMinutes',
          { systems: ['ICS', 'IYSS'], attendanceListIncluded: true },
          '2026-03-18T10:00:00Z',
        ),
      )
      .then([uploaded()]);
  });

  it('MTG-8: an upload without the attendance list is rejected', () => {
    spec
      .given(heldAndApproved)
      .when(command('UploadMinutes', { systems: ['ICS'], attendanceListIncluded: false }, at))
      .thenRejects('MTG-8', { field: 'data.attendanceListIncluded' });
  });
});

describe('MTG-9: lists and hard copies are destroyed once the minutes are uploaded', () => {
  it('MTG-9: destroying lists and hard copies before the upload is rejected', () => {
    spec
      .given(heldAndApproved)
      .when(command('DestroyHardCopies', {}, at))
      .thenRejects('MTG-9', { field: 'data.meetingId' });
  });

  it('MTG-9: after the upload, the destruction is recorded with who did it', () => {
    spec
      .given([...heldAndApproved, uploaded()])
      .when(command('DestroyHardCopies', {}, '2026-03-19T10:00:00Z'))
      .then([event('HardCopiesDestroyed', { at: '2026-03-19T10:00:00Z', destroyedBy: 'bs-1' })]);
  });

  it('MTG-9: a meeting is complete once minutes reached everyone, were uploaded and hard copies destroyed', () => {
    const done = [
      ...heldAndApproved,
      event('MinutesDistributed', {
        at,
        recipients: [chair.id, lead.id, parent.id, teacher.id, yjsOfficer.id],
      }),
      uploaded(),
      event('HardCopiesDestroyed', { at: '2026-03-19T10:00:00Z', destroyedBy: 'bs-1' }),
    ];
    expect(isComplete(stateOf(done.slice(0, -1)))).toBe(false);
    expect(isComplete(stateOf(done))).toBe(true);
  });
});
