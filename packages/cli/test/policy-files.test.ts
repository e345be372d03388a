/**
 * The council's policy files given to the CLI (`--principals`, `--policy`, `--retention-policy`)
 * are small regular files (issue 13, bad input): a device, a folder or a file over the limit is
 * exit 2 naming the file and why, at once — `/dev/zero` was read until memory ran out.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_POLICY_FILE_BYTES } from '@aimline/aimline';
import { asAuditor, runCli } from './run-cli.js';

const huge = join(mkdtempSync(join(tmpdir(), 'aimline-policy-files-')), 'huge.json');
writeFileSync(huge, '');
truncateSync(huge, MAX_POLICY_FILE_BYTES + 1);

/** Each policy flag given `file`, on a read that needs it. */
const runs = (file: string): string[][] => [
  ['--store', 'memory:', '--as', 'anyone', '--principals', file, 'deadlines'],
  [...asAuditor(), '--store', 'memory:', '--policy', file, 'deadlines'],
  [...asAuditor(), '--store', 'memory:', 'retention', '--retention-policy', file],
];

describe('policy files are small regular files', () => {
  it.each([
    ['a device', '/dev/zero', 'not a regular file (a folder, a device or a pipe)'],
    ['a folder', tmpdir(), 'not a regular file (a folder, a device or a pipe)'],
    [
      'a file over the limit',
      huge,
      `it holds ${MAX_POLICY_FILE_BYTES + 1} bytes, more than a policy file may (${MAX_POLICY_FILE_BYTES})`,
    ],
  ])(
    'given %s, then every policy flag is exit 2 naming the file and why',
    async (_what, file, why) => {
      for (const args of runs(file)) {
        const r = await runCli(args);
        expect([r.code, r.stdout], args.join(' ')).toEqual([2, '']);
        expect(r.stderr).toContain(`${file}: ${why}`);
        expect(r.stderr).not.toMatch(/unexpected error|\n\s+at .+:\d+:\d+/);
      }
    },
  );
});
