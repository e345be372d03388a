import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tamperSqliteForTesting } from '@aimline/store-sqlite/testing';
import { ExitCode } from '../src/exit-codes.js';
import {
  caseHistory,
  caseTeamDirectory,
  caseTeamWorkspace,
  commandLines,
  quorin,
  quorinCase,
} from './case-team.js';

/**
 * The CLI's reads of one case (`timeline`, `report`, `audit STREAM`) over history damaged at an
 * event the principal (`--as`) may not see: a school representative never sees a case closure.
 * The read still ends in corrupt history (exit 4), but the note tells them only that the case's
 * history is damaged — not the closure's type, revision or position; the auditor and the
 * allocated social worker, who may see it, are told where it is.
 */
describe('reads of one case damaged at an event the principal may not see', () => {
  const STREAM = `hsb-case-${quorinCase.caseId}`;
  const CLOSED = 3;
  const ws = caseTeamWorkspace('aimline-out-of-view-', [STREAM]);
  const team = caseTeamDirectory([STREAM]);
  writeFileSync(
    join(ws.dir, 'principals.json'),
    JSON.stringify({
      ...team,
      principals: [
        ...team.principals,
        { id: 'aud-1', role: 'auditor', agency: 'inspectorate', streams: [], panels: [] },
        {
          id: 'sr-1',
          role: 'school-representative',
          agency: 'education',
          streams: [STREAM],
          panels: [],
          school: quorin.school,
          pupils: [quorin.childId],
        },
      ],
    }),
  );
  const reads = (): string[][] => [
    ['timeline', quorinCase.caseId],
    ['report', quorinCase.caseId, '--html', join(ws.dir, 'report.html'), '--overwrite'],
    ['audit', STREAM],
  ];
  /** The corrupt-history note a --json read ends stderr with. */
  const corruptHistory = (stderr: string): unknown =>
    (JSON.parse(stderr.trim().split('\n').at(-1)!) as { corruptHistory: unknown }).corruptHistory;

  beforeAll(async () => {
    const { caseLine } = commandLines('0a7e0f1e');
    const history = caseHistory(caseLine, 1, quorinCase);
    expect((await ws.execAs('sw-1', 'opened.jsonl', history.opened)).code).toBe(0);
    expect((await ws.execAs('tm-1', 'closed.jsonl', [history.closed])).code).toBe(0);
    // Behind Aimline's back: a time moved in the closure's row (revision 3).
    tamperSqliteForTesting(join(ws.dir, 'events.db'), STREAM, CLOSED, (row) => ({
      ...row,
      metadata: JSON.stringify({
        ...(JSON.parse(row.metadata) as object),
        occurredAt: '2026-02-02T10:01:00Z',
      }),
    }));
  }, 60_000);

  it('given the closure altered, when the school representative reads the case, then it exits 4 and the note names the stream alone', async () => {
    for (const args of reads()) {
      const json = await ws.cli(...ws.as('sr-1'), '--json', ...args);
      expect(json.code, `${args.join(' ')}: ${json.stderr}`).toBe(ExitCode.CorruptHistory);
      expect(corruptHistory(json.stderr)).toEqual([
        {
          stream: STREAM,
          outOfView: true,
          why: 'the history of this stream is damaged at an event this principal may not see (a principal who may see it, such as an auditor, is told where)',
        },
      ]);
      const text = await ws.cli(...ws.as('sr-1'), ...args);
      expect(text.code, `${args.join(' ')}: ${text.stderr}`).toBe(ExitCode.CorruptHistory);
      expect(text.stderr).toContain(`  ${STREAM} (an event not shown): the history of this stream`);
      for (const out of [json.stdout, json.stderr, text.stdout, text.stderr])
        for (const hidden of ['CaseClosed', `@${CLOSED}`, `revision ${CLOSED}`])
          expect(out, args.join(' ')).not.toContain(hidden);
    }
  }, 60_000);

  it('given the closure altered, when the auditor or the allocated social worker reads the case, then it exits 4 and the note locates the closure', async () => {
    for (const who of ['aud-1', 'sw-1'])
      for (const args of reads()) {
        const r = await ws.cli(...ws.as(who), '--json', ...args);
        expect(r.code, `${who} ${args.join(' ')}: ${r.stderr}`).toBe(ExitCode.CorruptHistory);
        expect(corruptHistory(r.stderr)).toEqual([
          {
            stream: STREAM,
            revision: CLOSED,
            position: expect.any(String) as unknown,
            type: 'CaseClosed',
            why: `the stream's hash chain breaks here: stream "${STREAM}" revision ${CLOSED}: stored bytes no longer match the recorded hash`,
          },
        ]);
      }
  }, 60_000);
});
