/**
 * HSB-12 / HSB-13 (issue 14): one visit and home safety plan per setting where the child lives.
 *
 * Source 001: the home safety plan "should also be completed in any other setting where a young
 * person is placed – whether that is in a residential setting or a foster placement or with
 * other family members". Source 000: "Home visit to be undertaken with family and safety plans
 * to be put in place within 5 days of allocation".
 */
import { describe, expect, it } from 'vitest';
import { englandAndWales } from '@aimline/calendar';
import { deciderSpec } from '@aimline/kernel/testing';
import { hsbDeadlines, makeHsbDecider, type HsbState, defaultHsbPolicy } from '../src/index.js';
import { agreePlan, allocate, cmd, report, route, run, s47, strategy } from './fixtures.js';

const spec = deciderSpec(makeHsbDecider());
const history = (...cs: Parameters<typeof run>[0]) => run(cs).events;

const live = (setting: string, kind: string, at: string) =>
  cmd('RecordSetting', at, { setting, kind } as never);
const leave = (setting: string, at: string) =>
  cmd('EndSetting', at, { setting, reason: 'Invented: placement ended.' });
const visit = (setting: string, at: string) => cmd('RecordHomeVisit', at, { setting });
const plan = (setting: string, at: string) => agreePlan(at, { setting });

const home = live('family home', 'family-home', '2026-06-01T17:00:00Z');
const start = [report(), strategy(), route('child-protection'), s47(), home];
const allocation = allocate('2026-06-03T10:00:00Z');

const hsb12 = (state: HsbState) =>
  hsbDeadlines(state, defaultHsbPolicy, englandAndWales).filter((d) => d.ruleId === 'HSB-12');

describe('HSB-12: a home visit and safety plan for every setting', () => {
  it('HSB-12: the setting where the child lives is recorded, and a move ends it', () => {
    const [recorded] = spec
      .given(history(report()))
      .when(live('family home', 'family-home', '2026-06-01T17:00:00Z'))
      .events();
    expect(recorded?.type).toBe('SettingRecorded');
    spec
      .given(history(report(), home))
      .when(live(' Family Home ', 'family-home', '2026-06-02T09:00:00Z'))
      .thenRejects('STATE', { field: 'data.setting' });
    spec
      .given(history(report()))
      .when(leave('family home', '2026-06-02T09:00:00Z'))
      .thenRejects('STATE', { field: 'data.setting' });
    const [ended] = spec
      .given(history(report(), home))
      .when(leave('family home', '2026-06-02T09:00:00Z'))
      .events();
    expect(ended?.type).toBe('SettingEnded');
  });

  it('HSB-12: a visit or plan is for a setting where the child lives, once settings are recorded', () => {
    spec
      .given(history(...start, allocation))
      .when(visit('foster placement', '2026-06-04T10:00:00Z'))
      .thenRejects('HSB-12', { field: 'data.setting' });
    spec
      .given(history(...start, allocation))
      .when(plan('foster placement', '2026-06-04T15:00:00Z'))
      .thenRejects('HSB-12', { field: 'data.setting' });
    spec
      .given(history(...start, allocation))
      .when(visit('Family home', '2026-06-04T10:00:00Z'))
      .events();
  });

  it('HSB-12: "in any other setting where a young person is placed": each setting has its own obligation, 5 days from allocation', () => {
    const { state } = run([
      ...start,
      live('grandparents', 'family-member', '2026-06-02T09:00:00Z'),
      allocation,
      visit('family home', '2026-06-04T10:00:00Z'),
      plan('family home', '2026-06-04T15:00:00Z'),
    ]);
    const ds = hsb12(state);
    expect(ds.map((d) => [d.label, d.status.kind, d.due])).toEqual([
      ['Home visit and home safety plan (family home)', 'met', '2026-06-08T22:59:59.999Z'],
      ['Home visit and home safety plan (grandparents)', 'open', '2026-06-08T22:59:59.999Z'],
    ]);
    // the first plan for the family home does not stand for the grandparents' home
    const both = run([
      ...start,
      live('grandparents', 'family-member', '2026-06-02T09:00:00Z'),
      allocation,
      visit('family home', '2026-06-04T10:00:00Z'),
      plan('family home', '2026-06-04T15:00:00Z'),
      visit('grandparents', '2026-06-05T10:00:00Z'),
      plan('grandparents', '2026-06-05T15:00:00Z'),
    ]).state;
    expect(hsb12(both).map((d) => d.status.kind)).toEqual(['met', 'met']);
  });

  it('HSB-12: a move to a new setting opens a new obligation from the move; the old stay is kept', () => {
    const { state } = run([
      ...start,
      allocation,
      visit('family home', '2026-06-04T10:00:00Z'),
      plan('family home', '2026-06-04T15:00:00Z'),
      leave('family home', '2026-07-01T10:00:00Z'),
      live('foster placement', 'foster-placement', '2026-07-01T11:00:00Z'),
    ]);
    const [old, moved] = hsb12(state);
    expect(old?.status.kind).toBe('met');
    expect(moved).toMatchObject({
      label: 'Home visit and home safety plan (foster placement)',
      trigger: { event: 'SettingRecorded', at: '2026-07-01T11:00:00.000Z' },
      due: '2026-07-06T22:59:59.999Z',
      status: { kind: 'open' },
    });
    // a visit to the old setting cannot meet it
    spec
      .given(history(...start, allocation, leave('family home', '2026-07-01T10:00:00Z')))
      .when(visit('family home', '2026-07-02T10:00:00Z'))
      .thenRejects('HSB-12', { field: 'data.setting' });
  });

  it('HSB-12: a stay that ends before its due is waived; one that ends after it stays breached', () => {
    const short = run([
      ...start,
      allocation,
      live('respite', 'residential', '2026-06-10T10:00:00Z'),
      leave('respite', '2026-06-12T10:00:00Z'),
    ]).state;
    expect(hsb12(short).find((d) => d.label.includes('respite'))?.status).toEqual({
      kind: 'waived',
      reason: 'the child left the setting',
      at: '2026-06-12T10:00:00.000Z',
    });
    const long = run([
      ...start,
      allocation,
      live('respite', 'residential', '2026-06-10T10:00:00Z'),
      leave('respite', '2026-06-30T10:00:00Z'),
    ]).state;
    expect(hsb12(long).find((d) => d.label.includes('respite'))?.status).toMatchObject({
      kind: 'breached',
      waived: { reason: 'the child left the setting', at: '2026-06-30T10:00:00.000Z' },
    });
  });

  it('HSB-12: a case that records no setting keeps one obligation for the home', () => {
    const { state } = run([report(), strategy(), route('child-protection'), s47(), allocation]);
    expect(hsb12(state).map((d) => d.label)).toEqual(['Home visit and home safety plan']);
  });
});
