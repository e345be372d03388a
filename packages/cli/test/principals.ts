/** An invented council directory for the CLI tests, and the flags that run a command as one of its principals. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const testDirectory = {
  council: 'Invented Test Council',
  principals: [
    { id: 'bs-1', role: 'business-support', agency: 'business-support', streams: [], panels: [] },
    {
      id: 'iro-1',
      role: 'independent-reviewing-officer',
      agency: 'childrens-social-care',
      streams: ['meeting-m-cli-1'],
      panels: [],
    },
    { id: 'sw-1', role: 'social-worker', agency: 'childrens-social-care', streams: [], panels: [] },
    { id: 'aud-1', role: 'auditor', agency: 'inspectorate', streams: [], panels: [] },
  ],
};

let written: string | undefined;
/** The test directory's file (written once per test file). */
export const principalsFile = (): string => {
  if (written === undefined) {
    written = join(mkdtempSync(join(tmpdir(), 'aimline-principals-')), 'principals.json');
    writeFileSync(written, JSON.stringify(testDirectory));
  }
  return written;
};

/** `--as ID --principals FILE` for a principal of the test directory (default: business support). */
export const as = (id = 'bs-1'): string[] => ['--as', id, '--principals', principalsFile()];
