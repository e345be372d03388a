import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { as } from './principals.js';
import { asAuditor, runCli } from './run-cli.js';

const chairActor = {
  id: 'iro-1',
  role: 'independent reviewing officer',
  agency: 'childrens-social-care',
};
const chair = { ...chairActor, name: 'Priya Testchair' };
const lead = {
  id: 'sw-1',
  name: 'Tom Testlead',
  role: 'social worker',
  agency: 'childrens-social-care',
};
const id = (n: number) => `7e57c0de-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const schedule = {
  commandId: id(1),
  type: 'ScheduleMeeting',
  at: '2026-02-02T09:00:00Z',
  data: {
    meetingId: 'm-cli-1',
    kind: 'hsb-initial-aim',
    subjects: [{ kind: 'hsb-case', id: 'case-77' }],
    chair,
    leadProfessional: lead,
    start: '2026-03-12T10:00:00Z',
    end: '2026-03-12T12:00:00Z',
    location: { mode: 'venue', venue: 'Room 4, Invented House' },
  },
};
const allocate = {
  commandId: id(2),
  type: 'AllocateMinuteTaker',
  at: '2026-02-03T09:00:00Z',
  data: {
    meetingId: 'm-cli-1',
    minuteTaker: {
      id: 'bs-2',
      name: 'Sam Testminutes',
      role: 'minute taker',
      agency: 'childrens-social-care',
    },
  },
};
const approveTooEarly = {
  commandId: id(3),
  type: 'ApproveMinutes',
  at: '2026-02-04T09:00:00Z',
  data: { meetingId: 'm-cli-1' },
};

const tmp = () => mkdtempSync(join(tmpdir(), 'aimline-cli-'));

describe('aimline exec FILE.jsonl', () => {
  it('reports every line with its number; bad lines never stop or corrupt the others', async () => {
    const dir = tmp();
    const file = join(dir, 'commands.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify(schedule),
        '{"commandId": "oops", ', // malformed JSON
        JSON.stringify({ ...allocate, type: 'TeleportMeeting' }), // unknown command
        JSON.stringify({ ...allocate, data: { meetingId: 'm-cli-1' } }), // missing field
        '',
        JSON.stringify(allocate),
        JSON.stringify({ ...approveTooEarly, module: 'meeting' }), // business support may not approve
        JSON.stringify(schedule), // the same command again: already handled
        JSON.stringify(approveTooEarly), // ApproveMinutes exists in two modules: must say which
      ].join('\n'),
    );
    const store = `sqlite:${join(dir, 'events.db')}`;
    const r = await runCli(['--store', store, '--json', ...as(), 'exec', file]);
    expect(r.code).toBe(1);
    // One JSON object per line, as each line is run, then the summary.
    const printed = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    const results = printed.slice(0, -1) as Array<{
      line: number;
      status: string;
      ruleId?: string;
      problems?: Array<{ path: string }>;
      alreadyHandled?: boolean;
    }>;
    expect(printed.at(-1)).toEqual({
      summary: { file, lines: 8, ok: 3, rejected: 0, forbidden: 1, invalid: 4, error: 0 },
    });
    const byLine = new Map(results.map((x) => [x.line, x]));
    expect(byLine.get(1)?.status).toBe('ok');
    expect(byLine.get(2)?.problems?.[0]?.path).toBe('(line)');
    expect(byLine.get(3)?.problems?.[0]?.path).toBe('type');
    expect(byLine.get(4)?.problems?.[0]?.path).toBe('data.minuteTaker');
    expect(byLine.has(5)).toBe(false);
    expect(byLine.get(6)?.status).toBe('ok');
    expect(byLine.get(7)).toMatchObject({
      status: 'forbidden',
      code: 'FORBIDDEN',
      principal: 'bs-1',
      command: 'ApproveMinutes',
    });
    expect(byLine.get(8)).toMatchObject({ status: 'ok', alreadyHandled: true });
    expect(byLine.get(9)?.problems?.[0]?.path).toBe('module');

    // The chair may approve, but not before there are draft minutes: a rule, not governance.
    const byChair = join(dir, 'chair.jsonl');
    writeFileSync(byChair, JSON.stringify({ ...approveTooEarly, module: 'meeting' }));
    const chair = await runCli(['--store', store, '--json', ...as('iro-1'), 'exec', byChair]);
    expect(chair.code).toBe(1);
    expect(JSON.parse(chair.stdout.split('\n')[0]!)).toMatchObject({ status: 'rejected' });
    expect((JSON.parse(chair.stdout.split('\n')[0]!) as { ruleId: string }).ruleId).toMatch(
      /^(MTG-7|STATE)$/,
    );

    const audit = await runCli([...asAuditor(), '--store', store, '--json', 'audit']);
    expect(audit.code).toBe(0);
    const entries = JSON.parse(audit.stdout) as Array<{
      stream: string;
      revision: number;
      type: string;
      actor: { id: string };
    }>;
    expect(entries.map((e) => [e.stream, e.revision, e.type, e.actor.id])).toEqual([
      ['meeting-m-cli-1', 0, 'MeetingScheduled', 'bs-1'],
      ['meeting-m-cli-1', 1, 'MinuteTakerAllocated', 'bs-1'],
    ]);
  });

  it('the actor is the principal --as: a wire actor is refused naming the field, and nothing is appended', async () => {
    const dir = tmp();
    const file = join(dir, 'forged.jsonl');
    const forged = { ...schedule, actor: { id: 'x', role: 'janitor', agency: 'nasa' } };
    writeFileSync(file, JSON.stringify(forged));
    const store = `sqlite:${join(dir, 'events.db')}`;
    const r = await runCli(['--store', store, '--json', ...as(), 'exec', file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout.split('\n')[0]!)).toMatchObject({
      status: 'invalid',
      problems: [{ path: 'actor' }],
    });
    expect(
      JSON.parse((await runCli([...asAuditor(), '--store', store, '--json', 'audit'])).stdout),
    ).toEqual([]);
  });

  it('exec without --as or a directory is a usage error (2); an unknown or forged principal is refused (1); a bad directory names its field (2)', async () => {
    const dir = tmp();
    const file = join(dir, 'c.jsonl');
    writeFileSync(file, JSON.stringify(schedule));
    const store = `sqlite:${join(dir, 'events.db')}`;
    const noAs = await runCli(['--store', store, 'exec', file]);
    expect(noAs.code).toBe(2);
    expect(noAs.stderr).toContain('--as PRINCIPAL_ID');
    const unknown = await runCli(['--store', store, ...as('sw-zed'), 'exec', file]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      '--as (AIMLINE_AS): principal "sw-zed" is not in the Invented Test Council directory',
    );
    const forged = await runCli(['--store', store, ...as('bs 1'), 'exec', file]);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('--as (AIMLINE_AS): principal id "bs 1" is not a directory id');
    const bad = join(dir, 'principals.json');
    writeFileSync(
      bad,
      JSON.stringify({
        council: 'X',
        principals: [{ id: 'bs-1', role: 'janitor', agency: 'a', streams: [], panels: [] }],
      }),
    );
    const invalid = await runCli([
      '--store',
      store,
      '--as',
      'bs-1',
      '--principals',
      bad,
      'exec',
      file,
    ]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('principals.0.role');
  });

  it('audit --verify passes on untouched history and fails naming stream and revision when a stored byte changes', async () => {
    const dir = tmp();
    const file = join(dir, 'commands.jsonl');
    writeFileSync(file, [JSON.stringify(schedule), JSON.stringify(allocate)].join('\n'));
    const db = join(dir, 'events.db');
    expect((await runCli(['--store', `sqlite:${db}`, ...as(), 'exec', file])).code).toBe(0);
    const ok = await runCli([...asAuditor(), '--store', `sqlite:${db}`, 'audit', '--verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('every hash chain intact');

    // Change one stored byte: the minute taker's role "minute taker" becomes "minute tak3r".
    const bytes = readFileSync(db);
    const at = bytes.indexOf('minute taker');
    expect(at).toBeGreaterThan(0);
    bytes[at + 10] = '3'.charCodeAt(0);
    writeFileSync(db, bytes);

    const broken = await runCli([...asAuditor(), '--store', `sqlite:${db}`, 'audit', '--verify']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('stream "meeting-m-cli-1" revision 1');
  });

  it('rejects a bad store URL with exit code 2 and the accepted forms', async () => {
    const r = await runCli([...asAuditor(), '--store', 'postgres://nowhere', 'audit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Accepted forms');
  });

  it('prints help for every command and exits 0', async () => {
    for (const cmd of ['demo', 'exec', 'timeline', 'audit', 'deadlines', 'replay', 'attendance']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: aimline');
    }
  });
});
