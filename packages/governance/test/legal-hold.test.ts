import { describe, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { legalHoldModule, type LegalHoldCommand, type LegalHoldEvent } from '../src/index.js';

const actor = { id: 'rm-1', role: 'records-manager', agency: 'childrens-social-care' };
const at = '2026-03-02T10:00:00.000Z';
const spec = deciderSpec(legalHoldModule().decider);
const place: LegalHoldCommand = {
  type: 'PlaceLegalHold',
  at,
  actor,
  data: { holdId: 'H-1', record: 'hsb-case-C-1', reason: 'criminal proceedings open' },
};
const lift: LegalHoldCommand = {
  type: 'LiftLegalHold',
  at: '2027-01-11T10:00:00.000Z',
  actor,
  data: { holdId: 'H-1', reason: 'proceedings concluded' },
};
const placed: LegalHoldEvent = {
  type: 'LegalHoldPlaced',
  data: { holdId: 'H-1', record: 'hsb-case-C-1', reason: 'criminal proceedings open', at },
};
const lifted: LegalHoldEvent = {
  type: 'LegalHoldLifted',
  data: { holdId: 'H-1', reason: 'proceedings concluded', at: '2027-01-11T10:00:00.000Z' },
};

describe('legal holds: placing and lifting are events, never edits', () => {
  it('a hold on a record is placed with its reason and the instant of the command', () => {
    spec.given([]).when(place).then([placed]);
  });
  it('HOLD-1: a hold id is placed once', () => {
    spec.given([placed]).when(place).thenRejects('HOLD-1', { field: 'data.holdId' });
    spec.given([placed, lifted]).when(place).thenRejects('HOLD-1', { field: 'data.holdId' });
  });
  it('lifting a hold in force records why', () => {
    spec.given([placed]).when(lift).then([lifted]);
  });
  it('HOLD-2: only a hold in force can be lifted', () => {
    spec
      .given([])
      .when(lift)
      .thenRejects('HOLD-2', { field: 'data.holdId', reason: /never placed/ });
    spec
      .given([placed, lifted])
      .when(lift)
      .thenRejects('HOLD-2', { field: 'data.holdId', reason: /already lifted/ });
  });
});
