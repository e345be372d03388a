import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tamperSqliteForTesting } from '@aimline/store-sqlite/testing';
import { ExitCode } from '../src/exit-codes.js';
import { as } from './principals.js';
import { asAuditor, runCli } from './run-cli.js';

const person = (id: string, name: string, role: string) => ({
  id,
  name,
  role,
  agency: 'childrens-social-care',
});
const schedule = {
  commandId: '7e57c0de-0000-4000-8000-0000000000e1',
  type: 'ScheduleMeeting',
  at: '2026-02-02T09:00:00Z',
  data: {
    meetingId: 'm-exit-1',
    kind: 'hsb-initial-aim',
    subjects: [{ kind: 'hsb-case', id: 'case-exit' }],
    chair: person('iro-1', 'Priya Testchair', 'independent reviewing officer'),
    leadProfessional: person('sw-1', 'Tom Testlead', 'social worker'),
    start: '2026-03-12T10:00:00Z',
    end: '2026-03-12T12:00:00Z',
    location: { mode: 'venue', venue: 'Room 4, Invented House' },
  },
};

const dir = mkdtempSync(join(tmpdir(), 'aimline-exit-'));
const file = (name: string, lines: ReadonlyArray<unknown>): string => {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
  return path;
};

/** Every exit code the README documents, each from a command that should give it. */
describe('exit codes', () => {
  it('0: everything asked was done', async () => {
    const db = `sqlite:${join(dir, 'ok.db')}`;
    const r = await runCli(['--store', db, ...as(), 'exec', file('ok.jsonl', [schedule])]);
    expect(r.code, r.stderr).toBe(ExitCode.Ok);
    expect((await runCli([...asAuditor(), '--store', db, 'audit'])).code).toBe(ExitCode.Ok);
  });

  it('1: done, but a line was rejected or invalid', async () => {
    const r = await runCli([
      '--store',
      'memory:',
      ...as(),
      'exec',
      file('bad.jsonl', [schedule, { ...schedule, commandId: 'not-a-uuid' }]),
    ]);
    expect(r.code).toBe(ExitCode.Failed);
    expect(r.stdout).toContain('1 ok, 0 rejected, 0 forbidden, 1 invalid, 0 errors');
  });

  it('2: the command line itself was wrong (unknown option, missing exec file, bad URL, bad date)', async () => {
    const cases: string[][] = [
      ['--bogus'],
      [...as(), 'exec', join(dir, 'no-such-file.jsonl')],
      [...as(), 'exec', dir],
      ['--store', 'postgres://nowhere', 'audit'],
      ['--store', 'esdb://:::bad', 'deadlines'],
      ['--store', 'memory:', 'deadlines', '--as-of', '2025-02-30'],
      ['--store', 'memory:', ...as(), 'exec', file('x.jsonl', []), '--max-depth', '0'],
    ];
    for (const args of cases) {
      const r = await runCli(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(ExitCode.Usage);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('3: the store cannot be opened, and the message names the cause', async () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const under = `sqlite:${join(dir, 'a-file', 'x.db')}`;
    // A read names the store it did not find; a write names why the store cannot be made.
    const read = await runCli([...asAuditor(), '--store', under, 'deadlines']);
    expect(read.code, read.stderr).toBe(ExitCode.Store);
    expect(read.stderr).toContain(join(dir, 'a-file', 'x.db'));
    const r = await runCli(['--store', under, ...as(), 'exec', file('s.jsonl', [schedule])]);
    expect(r.code, r.stderr).toBe(ExitCode.Store);
    expect(r.stderr).toMatch(/EEXIST|ENOTDIR|not a directory|unable to open/i);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Under a pseudo-filesystem, Node 20's recursive mkdir never returns: the store is refused at once.
    const proc = await runCli([
      '--store',
      'sqlite:/proc/aimline-nope/x.db',
      ...as(),
      'exec',
      file('p.jsonl', [schedule]),
    ]);
    expect(proc.code, proc.stderr).toBe(ExitCode.Store);
    expect(proc.stderr).toMatch(/ENOENT|EACCES|EPERM|no such file/i);
    const other = join(dir, 'other.db');
    writeFileSync(other, 'SQLite format 3\u0000 but not really');
    const foreign = await runCli([...asAuditor(), '--store', `sqlite:${other}`, 'audit']);
    expect(foreign.code, foreign.stderr).toBe(ExitCode.Store);
  });

  it('4: stored history that cannot be decoded; the event is named and the rest is answered', async () => {
    const path = join(dir, 'corrupt.db');
    expect(
      (await runCli(['--store', `sqlite:${path}`, ...as(), 'exec', file('c.jsonl', [schedule])]))
        .code,
    ).toBe(0);
    tamperSqliteForTesting(path, 'meeting-m-exit-1', 0, (row) => ({ ...row, type: 'NoSuchEvent' }));
    const r = await runCli([...asAuditor(), '--store', `sqlite:${path}`, 'deadlines']);
    expect(r.code, r.stderr).toBe(ExitCode.CorruptHistory);
    expect(r.stderr).toContain('meeting-m-exit-1@0');
    expect(r.stdout).toContain('Deadlines as known at');
  });

  it('no stack trace without --debug; --debug shows it', async () => {
    // An unexpected failure: a snapshot folder that is a file.
    const snapshots = join(dir, 'a-file');
    const plain = await runCli([
      ...asAuditor(),
      '--store',
      'memory:',
      'project',
      '--snapshots',
      snapshots,
    ]);
    expect(plain.code).toBe(ExitCode.Failed);
    expect(plain.stderr).toContain('run with --debug');
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli([
      '--debug',
      '--store',
      'memory:',
      'project',
      '--snapshots',
      snapshots,
    ]);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
