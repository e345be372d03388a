import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCommand, runCli } from './run-cli.js';

interface ProjectOutput {
  projections: Array<{ projection: string; applied: number; position: string }>;
  deadlinesByRule: unknown;
}

describe('aimline project: kept projections catch up from their own checkpoints', () => {
  it('applies only new events on a second run, and equals a rebuild from zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aimline-project-'));
    const store = `sqlite:${join(dir, 'events.db')}`;
    const snapshots = join(dir, 'projections');
    const cli = async (...args: string[]) => {
      // Projections are need to know: kept for the demo's auditor, who reads every record.
      const r = await runCli(['--store', store, '--json', '--as', 'aud-inspector-1', ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}\n${r.stdout.slice(0, 2000)}`).toBe(0);
      return r.stdout;
    };
    const project = async (...extra: string[]) =>
      JSON.parse(await cli('project', '--snapshots', snapshots, ...extra)) as ProjectOutput;

    await cli('demo', '--cases', '3', '--seed', '5', '--years', '1');
    const first = await project();
    expect(first.projections.every((p) => p.applied > 0)).toBe(true);
    expect((await project()).projections.map((p) => p.applied)).toEqual([0, 0]);

    // More history (another seed's cases, years later), then catch up: only the new events are applied.
    await cli(...demoCommand({ cases: 3, seed: 6, years: 1, from: '2030-01-07T09:00:00Z' }));
    const caughtUp = await project();
    const rebuilt = await project('--rebuild');
    expect(caughtUp.projections[0]!.applied).toBeGreaterThan(0);
    expect(caughtUp.projections[0]!.applied).toBeLessThan(rebuilt.projections[0]!.applied);
    expect(caughtUp.projections.map((p) => p.position)).toEqual(
      rebuilt.projections.map((p) => p.position),
    );
    expect(caughtUp.deadlinesByRule).toEqual(rebuilt.deadlinesByRule);
  }, 120_000);
});
