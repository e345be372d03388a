import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * The quick start ends with "Where to look next": every command it suggests must work as
 * printed on the store the demo has just written (reads that are need-to-know carry `--as`).
 */
describe('aimline demo: where to look next', () => {
  it('every suggested command exits 0 on the demo store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aimline-next-'));
    const store = `sqlite:${join(dir, 'events.db')}`;
    const demo = await runCli([
      '--store',
      store,
      '--json',
      'demo',
      '--cases',
      '6',
      '--seed',
      '5',
      '--years',
      '2',
      '--from',
      '2024-01-08T09:00:00Z',
    ]);
    expect(demo.code, demo.stderr).toBe(0);
    const { next } = JSON.parse(demo.stdout) as { next: string[] };
    expect(next.some((n) => / --as \S+ timeline /.test(` ${n} `))).toBe(true);
    for (const suggestion of next) {
      // Output files go to the test's folder, not the working directory.
      const args = suggestion
        .split(' ')
        .slice(1)
        .map((a) => (/\.(html|json)$/.test(a) ? join(dir, a) : a));
      const r = await runCli(['--store', store, ...args]);
      expect(r.code, `${suggestion}: ${r.stderr}`).toBe(0);
    }
  }, 180_000);
});
