/**
 * One instant representation (docs/architecture.md, departure 18): what a caller gives is kept
 * as given; what Aimline computes is canonical UTC with milliseconds; the two compare equal by
 * instant (compareInstants), never as text.
 */
import { describe, expect, it } from 'vitest';
import { compareInstants } from '@aimline/calendar';
import { reportConcern, setUp, socialWorker } from './fixtures.js';

describe('instants in the public API', () => {
  it('an input instant comes back as given; a computed one is canonical UTC; they compare by instant', async () => {
    const { aimline, clock } = setUp();
    clock.now = '2026-06-01T09:05:00.000Z';
    const given = reportConcern('case-9', '2026-06-01T10:00:00+01:00');
    const disclosedAt = '2026-06-01T09:00:00+01:00';
    const accepted = await aimline.hsb.execute(socialWorker, {
      ...given,
      data: { ...given.data, disclosedAt },
    });
    if (accepted.kind !== 'Accepted') throw new Error(JSON.stringify(accepted));
    // As given: the command's `at` is the event's occurredAt, the data's instant is as sent.
    expect(accepted.events[0]!.occurredAt).toBe('2026-06-01T10:00:00+01:00');
    expect((accepted.events[0]!.data as { disclosedAt: string }).disclosedAt).toBe(disclosedAt);
    // Computed: HSB-2 counts 24 hours from the disclosure, in the canonical form.
    const view = await aimline.hsb.get(socialWorker, 'case-9', {
      asOf: '2026-06-01T12:00:00+01:00',
    });
    if (view.kind !== 'Found') throw new Error(view.kind);
    const hsb2 = view.value.deadlines.find((d) => d.ruleId === 'HSB-2')!;
    expect(hsb2.due).toBe('2026-06-02T08:00:00.000Z');
    expect(hsb2.dueLocal).toBe('09:00 BST Tue 2 Jun 2026');
    // The same moment in both forms: different text, equal instants.
    const start = hsb2.deadline.start;
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(start).not.toBe(disclosedAt);
    expect(compareInstants(start, disclosedAt)).toBe(0);
    await aimline.close();
  });
});
