import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { as } from './principals.js';
import { asAuditor, runCli } from './run-cli.js';

const person = (id: string, name: string) => ({
  id,
  role: 'social worker',
  agency: 'childrens-social-care',
  name,
});
const commandId = '1de0c0de-0000-4000-8000-000000000001';
const schedule = (meetingId: string, venue: string) => ({
  commandId,
  type: 'ScheduleMeeting',
  at: '2026-02-02T09:00:00Z',
  data: {
    meetingId,
    kind: 'hsb-initial-aim',
    subjects: [{ kind: 'hsb-case', id: 'case-77' }],
    chair: person('iro-1', 'Priya Testchair'),
    leadProfessional: person('sw-1', 'Tom Testlead'),
    start: '2026-03-12T10:00:00Z',
    end: '2026-03-12T12:00:00Z',
    location: { mode: 'venue', venue },
  },
});

describe('aimline exec: a reused command id', () => {
  it('given a recorded command, the same line again is already handled; the same id with another payload or for another stream is an IdempotencyConflict and nothing is appended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aimline-idem-'));
    const file = join(dir, 'commands.jsonl');
    writeFileSync(
      file,
      [
        schedule('m-idem-1', 'Room 4, Invented House'),
        schedule('m-idem-1', 'Room 4, Invented House'),
        schedule('m-idem-1', 'Room 9, Invented House'),
        schedule('m-idem-2', 'Room 4, Invented House'),
      ]
        .map((c) => JSON.stringify(c))
        .join('\n'),
    );
    const store = `sqlite:${join(dir, 'events.db')}`;
    const r = await runCli(['--store', store, '--json', ...as(), 'exec', file]);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => typeof l['line'] === 'number');
    expect(lines.map((l) => [l['line'], l['status'], l['alreadyHandled'] ?? l['kind']])).toEqual([
      [1, 'ok', false],
      [2, 'ok', true],
      [3, 'error', 'IdempotencyConflict'],
      [4, 'error', 'IdempotencyConflict'],
    ]);
    expect(String(lines[3]!['message'])).toContain('meeting-m-idem-1');
    const audit = await runCli([...asAuditor(), '--store', store, '--json', 'audit']);
    expect((JSON.parse(audit.stdout) as unknown[]).length).toBe(1);
  });
});
