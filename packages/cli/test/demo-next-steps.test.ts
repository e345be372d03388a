import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCommand, runCli } from './run-cli.js';

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
      ...demoCommand({ cases: 6, seed: 5, years: 2, from: '2024-01-08T09:00:00Z' }),
    ]);
    expect(demo.code, demo.stderr).toBe(0);
    const { next, forbidden } = JSON.parse(demo.stdout) as {
      next: string[];
      forbidden: { type: string; ruleId: string; reason: string } | null;
    };
    expect(next.some((n) => / --as \S+ timeline /.test(` ${n} `))).toBe(true);
    // The governance tour (issue 13): a typed FORBIDDEN refusal, nothing recorded of it…
    expect(forbidden).toMatchObject({ type: 'AllocateAssessors', ruleId: 'FORBIDDEN' });
    expect(forbidden!.reason).toMatch(/^FORBIDDEN: principal "\S+" \(social-worker\)/);
    // …and an erasure suggested as the records manager, followed by reads of what is held.
    const erase = next.find((n) => / erase --person /.test(n))!;
    const [, manager, person] = /--as (\S+) erase --person (\S+) /.exec(erase)!;
    const directory = JSON.parse(readFileSync(join(dir, 'events.db.principals.json'), 'utf8')) as {
      principals: Array<{ id: string; role: string }>;
    };
    expect(directory.principals.find((p) => p.id === manager)?.role).toBe('records-manager');
    expect(next.slice(next.indexOf(erase) + 1)).toEqual([
      `aimline --as aud-inspector-1 sar --person ${person} --out erased.json`,
      'aimline audit --verify',
    ]);
    const outputs = new Map<string, string>();
    for (const suggestion of next) {
      // Output files go to the test's folder, not the working directory.
      const args = suggestion
        .split(' ')
        .slice(1)
        .map((a) => (/\.(html|json)$/.test(a) ? join(dir, a) : a));
      const r = await runCli(['--store', store, ...args]);
      expect(r.code, `${suggestion}: ${r.stderr}`).toBe(0);
      outputs.set(suggestion, r.stdout);
    }
    const output = (pattern: RegExp): string =>
      [...outputs].find(([suggestion]) => pattern.test(suggestion))?.[1] ?? '';
    // What is held about the erased person: their fields read [erased:<category>].
    const held = readFileSync(join(dir, 'erased.json'), 'utf8');
    expect(held).toContain('[erased:name]');
    expect(held).toContain('[erased:dateOfBirth]');
    // The chains are intact after the erasure (the later of the two audit --verify runs).
    expect(output(/audit --verify/)).toMatch(/intact/i);
    // Who has looked at this child's record: the professional whose timeline read came first.
    const reader = /--as (\S+) timeline /.exec(next[0]!)![1]!;
    expect(output(/access-log --person /)).toContain(reader);
  }, 180_000);
});
