/**
 * One council policy, validated once, used by every guard and every deadline; the tsyringe
 * registration resolves the same services.
 */
import { describe, expect, it } from 'vitest';
import { InMemoryEventStore } from '@aimline/kernel';
import {
  createAimline,
  domainRegistry,
  InvalidPolicyError,
  parseCouncilPolicy,
} from '../src/index.js';
import { AimlineTokens, aimlineContainer } from '../src/tsyringe.js';
import { reportConcern, setUp, socialWorker } from './fixtures.js';

describe('one council policy', () => {
  it('policy data is validated once, at composition; a wrong field is named', () => {
    expect(() =>
      createAimline({
        store: new InMemoryEventStore(),
        policy: { hsb: { strategyWithinHours: 'soon' } },
      }),
    ).toThrow(InvalidPolicyError);
    expect(() =>
      createAimline({ store: new InMemoryEventStore(), policy: { dueSoonHours: -1 } }),
    ).toThrow(/dueSoonHours/);
  });

  it('a validated policy is used as is; one that only looks like a policy is validated as data', () => {
    const parsed = parseCouncilPolicy({ dueSoonHours: 2 });
    if (parsed._tag === 'Left') throw new Error(parsed.left);
    expect(createAimline({ store: new InMemoryEventStore(), policy: parsed.right }).policy).toBe(
      parsed.right,
    );
    expect(() =>
      createAimline({ store: new InMemoryEventStore(), policy: { ...parsed.right } }),
    ).toThrow(InvalidPolicyError);
  });

  it('the modules are composed once per policy: a tool that needs them before it has a store gets the same registry', async () => {
    const parsed = parseCouncilPolicy({ dueSoonHours: 2 });
    if (parsed._tag === 'Left') throw new Error(parsed.left);
    const aimline = createAimline({
      store: new InMemoryEventStore(),
      policy: parsed.right,
      processes: 'manual',
    });
    expect(domainRegistry(parsed.right)).toBe(aimline.registry);
    expect(aimline.serviceFor('PlaceLegalHold')).toBe(aimline.legalHolds);
    await aimline.close();
  });

  it("the deadlines use the council's policy: with dueSoonHours 2 the HSB-2 deadline is open, not due soon", async () => {
    const { aimline } = setUp({ policy: { dueSoonHours: 2 } });
    await aimline.hsb.execute(socialWorker, reportConcern('case-1'));
    const view = await aimline.hsb.get(socialWorker, 'case-1', { asOf: '2026-06-01T10:00:00Z' });
    expect(
      view.kind === 'Found' && view.value.deadlines.find((d) => d.ruleId === 'HSB-2')?.state,
    ).toBe('open');
  });
});

describe('tsyringe', () => {
  it('aimlineContainer builds Aimline once per container and resolves each service from it', async () => {
    const c = aimlineContainer({
      store: new InMemoryEventStore(),
      clock: () => '2026-06-01T09:05:00Z',
    });
    const aimline = c.resolve(AimlineTokens.Aimline);
    expect(c.resolve(AimlineTokens.Aimline)).toBe(aimline);
    expect(c.resolve(AimlineTokens.Hsb)).toBe(aimline.hsb);
    expect(
      (await c.resolve(AimlineTokens.Hsb).execute(socialWorker, reportConcern('c'))).kind,
    ).toBe('Accepted');
  });

  it('serviceFor routes a command type to its process; service names one', () => {
    const { aimline } = setUp();
    expect(aimline.serviceFor('ReportConcern')?.name).toBe('hsb-case');
    expect(aimline.serviceFor('ReceiveReferral')?.name).toBe('panel-referral');
    expect(aimline.serviceFor('NoSuchCommand')).toBeUndefined();
    // A meeting and a panel sitting both record attendance: the process must be named.
    expect(aimline.serviceFor('RecordAttendance')).toBeUndefined();
    expect(aimline.service('panel-sitting')?.module.commands.has('RecordAttendance')).toBe(true);
  });
});
