import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCommand, runCli } from './run-cli.js';

/**
 * The invented council directory `demo` writes (every demo writer is one of its principals) is
 * the council's access data: it is readable by its owner only, also when it replaces a file
 * others could read (a mode given when a file is opened applies only to a new one).
 */
describe('aimline demo: the council directory it writes', () => {
  it('given a --principals file others could read, when demo runs, then the file holds the demo directory and is 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aimline-demo-principals-'));
    const principals = join(dir, 'principals.json');
    writeFileSync(principals, '{"an earlier": "directory"}', { mode: 0o644 });
    chmodSync(principals, 0o644);
    const demo = await runCli([
      '--store',
      `sqlite:${join(dir, 'events.db')}`,
      '--principals',
      principals,
      ...demoCommand({ cases: 2, seed: 7, years: 1, from: '2024-01-08T09:00:00Z' }),
    ]);
    expect(demo.code, demo.stderr).toBe(0);
    expect(statSync(principals).mode & 0o777).toBe(0o600);
    const directory = JSON.parse(readFileSync(principals, 'utf8')) as {
      principals: ReadonlyArray<{ role: string }>;
    };
    expect(directory.principals.some((p) => p.role === 'records-manager')).toBe(true);
  });
});
