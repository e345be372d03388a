/**
 * The README's "Done when": the 20-line script records an HSB case from the panel's decision to
 * its initial AIM meeting held through createAimline, and prints its overdue deadlines in London time.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../src/record-case.ts', import.meta.url));

describe('examples/hsb-from-panel', () => {
  it('is a script of about 20 lines', () => {
    expect(readFileSync(script, 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(22);
  });

  it('MTG-6 / HSB-21: holds the initial AIM meeting checked against its meeting stream, then prints the overdue deadlines at 20 Jul 2026 in London time', () => {
    const out = execFileSync(
      process.execPath,
      ['--conditions=@aimline/source', '--import', 'tsx', script],
      { encoding: 'utf8' },
    );
    expect(out.trimEnd().split('\n')).toEqual([
      'Case referral-R-100: initial AIM meeting held 11:45 BST Fri 10 Jul 2026',
      'Overdue at 09:00 BST Mon 20 Jul 2026:',
      '  HSB-12 Home visit and home safety plan (family-home): due end of Mon 8 Jun 2026, 41 days 9 hours late',
      '  HSB-16 Second supervision: due end of Wed 24 Jun 2026, 25 days 9 hours late',
      '  HSB-17 Final supervision (scores and evidence): due end of Wed 8 Jul 2026, 11 days 9 hours late',
      '  HSB-18 Report to the responsible manager: due end of Mon 6 Jul 2026, 13 days 9 hours late',
      '  HSB-19 Report to the IRO: due 10:00 BST Thu 9 Jul 2026, 10 days 23 hours late',
      '  HSB-25 Contact (weekly): due end of Fri 17 Jul 2026, 2 days 9 hours late',
    ]);
    // MTG-5 is met: the AIM report reached the chair on the meeting stream, told to the case.
    expect(out).not.toContain('MTG-5');
  });
});
