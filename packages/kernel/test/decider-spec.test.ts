import { describe, expect, it } from 'vitest';
import { deciderSpec } from '../src/testing/index.js';
import { actor, child, referralLog, type LogCommand } from './fixtures/referral-log.js';

const spec = deciderSpec(referralLog);
const at = '2026-11-23T10:00:00Z';
const open: LogCommand = { type: 'OpenLog', data: { logId: 'l1', child }, at, actor };
const opened = { type: 'LogOpened' as const, data: { logId: 'l1', at: at as never, child } };

describe('given / when / then', () => {
  it('then: passes when the command records exactly the expected events', () => {
    spec.given([]).when(open).then([opened]);
  });

  it('then: fails when the events differ', () => {
    expect(() => spec.given([]).when(open).then([])).toThrow();
  });

  it('thenRejects: returns the rejection with its rule id, field and reason', () => {
    const r = spec
      .given([opened])
      .when(open)
      .thenRejects('RL-1', { reason: /already open/ });
    expect(r).toEqual({ kind: 'Rejected', ruleId: 'RL-1', reason: 'the log is already open' });
    spec
      .given([])
      .when({ ...open, data: { logId: 'l1', child: { ...child, dateOfBirth: '2030-01-01' } } })
      .thenRejects('INPUT', { field: 'data.child.dateOfBirth' });
  });

  it('thenRejects: fails on the wrong rule id, on a wrong field, and on an accepted command', () => {
    expect(() => spec.given([opened]).when(open).thenRejects('RL-2')).toThrow(/RL-2/);
    expect(() =>
      spec.given([opened]).when(open).thenRejects('RL-1', { field: 'data.logId' }),
    ).toThrow(/field/);
    expect(() => spec.given([]).when(open).thenRejects('RL-1')).toThrow(/recorded/);
  });

  it('thenNothingHappens: an accepted command that records nothing', () => {
    const closed = { type: 'LogClosed' as const, data: { at: at as never, reason: 'done' } };
    spec
      .given([opened, closed])
      .when({ type: 'CloseLog', data: { logId: 'l1', reason: 'again' }, at, actor })
      .thenNothingHappens();
    expect(() => spec.given([]).when(open).thenNothingHappens()).toThrow();
  });
});
