// The MTG-7, MTG-8 and MTG-9 rules as plain functions (src/rules.ts): the one implementation the
// meeting decider and the panel's sitting both apply.
import { describe, expect, it } from 'vitest';
import {
  approvalRejection,
  awaitingRecipients,
  derivedDistributionList,
  distributionRejection,
  fullyDistributedAt,
  destructionRejection,
  unapprovedRejection,
  uploadRejection,
} from '../src/index.js';

describe('MTG-7: approvalRejection / unapprovedRejection', () => {
  it('MTG-7: the chair approves a draft that has been sent to them', () => {
    expect(
      approvalRejection({
        chairId: 'iro-1',
        actorId: 'iro-1',
        hasDraft: true,
        field: 'data.meetingId',
      }),
    ).toBeUndefined();
  });
  it('MTG-7: anyone but the chair is rejected on actor.id', () => {
    expect(
      approvalRejection({
        chairId: 'iro-1',
        actorId: 'sw-1',
        hasDraft: true,
        field: 'data.meetingId',
      }),
    ).toMatchObject({
      ruleId: 'MTG-7',
      field: 'actor.id',
    });
  });
  it('MTG-7: with nobody in the chair, nobody approves', () => {
    expect(
      approvalRejection({
        chairId: null,
        actorId: 'sw-1',
        hasDraft: true,
        field: 'data.meetingId',
      }),
    ).toMatchObject({
      ruleId: 'MTG-7',
      field: 'actor.id',
    });
  });
  it('MTG-7: no draft sent to the chair is a STATE rejection, whoever asks', () => {
    expect(
      approvalRejection({
        chairId: 'iro-1',
        actorId: 'iro-1',
        hasDraft: false,
        field: 'data.meetingId',
      }),
    ).toMatchObject({
      ruleId: 'STATE',
      field: 'data.meetingId',
    });
  });
  it('MTG-7: only approved minutes go anywhere', () => {
    expect(unapprovedRejection(false, 'data.meetingId')).toMatchObject({
      ruleId: 'MTG-7',
      field: 'data.meetingId',
    });
    expect(unapprovedRejection(true, 'data.meetingId')).toBeUndefined();
  });
});

describe('MTG-8: derivedDistributionList / distributionRejection', () => {
  const list = derivedDistributionList({
    present: ['iro-1', 'pro-1', 'iro-1'],
    actionOwners: ['yjs-1', 'pro-1', 'sw-1'],
  });
  it('MTG-8: the list is those present, then action owners not already on it, each once', () => {
    expect(list).toEqual(['iro-1', 'pro-1', 'yjs-1', 'sw-1']);
  });
  it('MTG-8: recipients on the list pass', () => {
    expect(distributionRejection(list, ['sw-1', 'iro-1'])).toBeUndefined();
  });
  it('MTG-8: someone neither present nor owning an action is rejected on data.recipients.i', () => {
    expect(distributionRejection(list, ['iro-1', 'fam-1'])).toMatchObject({
      ruleId: 'MTG-8',
      field: 'data.recipients.1',
    });
  });
  it('MTG-8: naming nobody, or someone twice, is INPUT', () => {
    expect(distributionRejection(list, [])).toMatchObject({
      ruleId: 'INPUT',
      field: 'data.recipients',
    });
    expect(distributionRejection(list, ['pro-1', 'sw-1', 'pro-1'])).toMatchObject({
      ruleId: 'INPUT',
      field: 'data.recipients.2',
    });
  });
  it('MTG-8: awaiting is the list less those sent; fully distributed when the last is sent', () => {
    expect(awaitingRecipients(list, ['pro-1', 'sw-1'])).toEqual(['iro-1', 'yjs-1']);
    const first = { at: '2026-03-17T10:00:00Z', recipients: ['iro-1', 'pro-1'] };
    const second = { at: '2026-03-18T10:00:00Z', recipients: ['yjs-1', 'sw-1'] };
    expect(fullyDistributedAt(list, [first])).toBeUndefined();
    expect(fullyDistributedAt(list, [first, second])).toBe('2026-03-18T10:00:00Z');
  });
});

describe('MTG-8 / MTG-9: uploadRejection / destructionRejection', () => {
  const facts = {
    approved: true,
    uploaded: false,
    field: 'data.meetingId',
    systems: ['ICS'],
    attendanceListIncluded: true,
  };
  it('MTG-8: "distribute minutes and upload with attendance list": approved minutes, once, with the list', () => {
    expect(uploadRejection(facts)).toBeUndefined();
    expect(uploadRejection({ ...facts, approved: false })).toMatchObject({
      ruleId: 'MTG-7',
      field: 'data.meetingId',
    });
    expect(uploadRejection({ ...facts, uploaded: true })).toMatchObject({
      ruleId: 'STATE',
      field: 'data.meetingId',
    });
    expect(uploadRejection({ ...facts, systems: [] })).toMatchObject({
      ruleId: 'INPUT',
      field: 'data.systems',
    });
    expect(uploadRejection({ ...facts, attendanceListIncluded: false })).toMatchObject({
      ruleId: 'MTG-8',
      field: 'data.attendanceListIncluded',
    });
  });
  it('MTG-9: "ensures all lists & hardcopy documents destroyed": only after the upload', () => {
    expect(destructionRejection(false, 'data.meetingId')).toMatchObject({
      ruleId: 'MTG-9',
      field: 'data.meetingId',
    });
    expect(destructionRejection(true, 'data.meetingId')).toBeUndefined();
  });
});
