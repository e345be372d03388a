import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asAuditor, runCli } from './run-cli.js';

const tmp = (label: string): string => mkdtempSync(join(tmpdir(), `aimline-${label}-`));

interface ProjectOutput {
  projections: Array<{ projection: string; applied: number; position: string | null }>;
}

describe('opening a store from the command line', () => {
  it('given no store, when a read command runs, then exit 3 naming the path, and no file or folder is created', async () => {
    const dir = tmp('missing');
    const path = join(dir, 'nonexist', 'sub', 'x.db');
    for (const args of [
      ['deadlines', '--overdue'],
      ['audit', '--verify'],
      ['timeline', 'x'],
    ]) {
      const r = await runCli(['--store', `sqlite:${path}`, ...args]);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toContain(path);
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses sqlite://HOST/… as a bad URL (exit 2) and creates nothing', async () => {
    const r = await runCli(['--store', 'sqlite://host/x.db', 'init']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sqlite://host/x.db');
    expect(existsSync('/host')).toBe(false);
  });

  it('init creates the store and its folder for the owner only, prints its identity, and a second init keeps it', async () => {
    const dir = tmp('init');
    const path = join(dir, 'new', 'events.db');
    const first = await runCli(['--store', `sqlite:${path}`, '--json', 'init']);
    expect(first.code, first.stderr).toBe(0);
    const { identity } = JSON.parse(first.stdout) as { identity: string };
    expect(identity).toMatch(/^[0-9a-f-]{36}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'new')).mode & 0o777).toBe(0o700);
    const again = await runCli(['--store', `sqlite:${path}`, '--json', 'init']);
    expect((JSON.parse(again.stdout) as { identity: string }).identity).toBe(identity);
    const read = await runCli([
      ...asAuditor(),
      '--store',
      `sqlite:${path}`,
      'deadlines',
      '--overdue',
    ]);
    expect(read.code, read.stderr).toBe(0);
  });

  it('with --read-only, refuses commands that write (exit 2) and reads without creating anything beside the file', async () => {
    const dir = tmp('readonly');
    const path = join(dir, 'events.db');
    expect((await runCli(['--store', `sqlite:${path}`, 'init'])).code).toBe(0);
    const writes = await runCli([
      '--store',
      `sqlite:${path}`,
      '--read-only',
      'demo',
      '--cases',
      '1',
    ]);
    expect(writes.code).toBe(2);
    expect(writes.stderr).toContain('--read-only');
    const listing = readdirSync(dir).sort();
    const read = await runCli([
      ...asAuditor(),
      '--store',
      `sqlite:${path}`,
      '--read-only',
      // The reading of an evidence copy is recorded outside it.
      '--access-log',
      join(tmp('evidence-reads'), 'access-log.jsonl'),
      'deadlines',
    ]);
    expect(read.code, read.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });

  it('keeps projection snapshots with their store: another store never answers from them, whatever the folder', async () => {
    const dir = tmp('snapshots');
    const snapshots = join(dir, 'shared-snapshots');
    const a = `sqlite:${join(dir, 'a.db')}`;
    const b = `sqlite:${join(dir, 'b.db')}`;
    const cli = async (store: string, ...args: string[]) => {
      const r = await runCli(['--store', store, '--json', ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    const project = async (store: string, ...extra: string[]) =>
      JSON.parse(await cli(store, ...asAuditor(), 'project', ...extra)) as ProjectOutput;
    await cli(a, 'demo', '--cases', '1', '--years', '1');
    await cli(b, 'init');
    const onA = await project(a, '--snapshots', snapshots);
    expect(onA.projections[0]!.applied).toBeGreaterThan(0);
    const onB = await project(b, '--snapshots', snapshots);
    expect(onB.projections.map((p) => [p.applied, p.position])).toEqual([
      [0, null],
      [0, null],
    ]);
    // By default the snapshots live beside the store's file.
    await project(a);
    expect(existsSync(join(dir, 'a.db.projections'))).toBe(true);
    for (const f of readdirSync(join(dir, 'a.db.projections')))
      expect(statSync(join(dir, 'a.db.projections', f)).mode & 0o777).toBe(0o600);
  }, 120_000);
});
