/**
 * The README's "Done when": the 20-line script records an HSB case from the panel's decision to
 * its initial AIM meeting through createAimline, and prints its overdue deadlines in London time.
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

  it('HSB-12 … HSB-19, MTG-5: prints the case’s overdue deadlines at 13 Jul 2026 in London time', () => {
    const out = execFileSync(
      process.execPath,
      ['--conditions=@aimline/source', '--import', 'tsx', script],
      { encoding: 'utf8' },
    );
    expect(out.trimEnd().split('\n')).toEqual([
      'Overdue on case referral-R-100 at 09:00 BST Mon 13 Jul 2026:',
      '  HSB-12 Home visit and home safety plan (family-home): due end of Mon 8 Jun 2026, 34 days 9 hours late',
      '  HSB-16 Second supervision: due end of Wed 24 Jun 2026, 18 days 9 hours late',
      '  HSB-17 Final supervision (scores and evidence): due end of Wed 8 Jul 2026, 4 days 9 hours late',
      '  HSB-18 Report to the responsible manager: due end of Mon 6 Jul 2026, 6 days 9 hours late',
      '  HSB-19 Report to the IRO: due 10:00 BST Thu 9 Jul 2026, 3 days 23 hours late',
      '  MTG-5 Reports to the chair: due end of Wed 8 Jul 2026, 4 days 9 hours late',
    ]);
  });
});
