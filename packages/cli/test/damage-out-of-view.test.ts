import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { collect } from '@aimline/kernel';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { MISSING_OUT_OF_VIEW } from '@aimline/projections';
import {
  retypeSqliteColumnForTesting,
  tamperSqliteForTesting,
} from '@aimline/store-sqlite/testing';
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
const STREAM = `hsb-case-${quorinCase.caseId}`;
/** The revision of the case closure, which a school representative never sees. */
const CLOSED = 3;

/**
 * A workspace whose directory adds an auditor (`aud-1`) and the child's school representative
 * (`sr-1`) to the case team.
 */
const workspace = (prefix: string) => {
  const ws = caseTeamWorkspace(prefix, [STREAM]);
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
  return ws;
};

/** The corrupt-history note a --json read ends stderr with. */
const corruptHistory = (stderr: string): unknown =>
  (JSON.parse(stderr.trim().split('\n').at(-1)!) as { corruptHistory: unknown }).corruptHistory;

/** Told only that the stream's history is damaged. */
const outOfView = {
  stream: STREAM,
  outOfView: true,
  why: 'the history of this stream is damaged at an event this principal may not see (a principal who may see it, such as an auditor, is told where)',
};

describe('reads of one case damaged at an event the principal may not see', () => {
  const ws = workspace('aimline-out-of-view-');
  const reads = (): string[][] => [
    ['timeline', quorinCase.caseId],
    ['report', quorinCase.caseId, '--html', join(ws.dir, 'report.html'), '--overwrite'],
    ['audit', STREAM],
  ];

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
      expect(corruptHistory(json.stderr)).toEqual([outOfView]);
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

/**
 * A case closure stored that does not decode (an empty reason), its hash chain intact: damage in
 * a stream the principal reads is corrupt history whatever event it is at, so every read of the
 * case (`timeline`, `report`, `audit STREAM`) and a read of many streams that folded it
 * (`deadlines`) ends in exit 4 for the school representative too, told as damage to the stream
 * alone — never an answer worked out without the closure, as if the history were whole.
 */
describe('a case closure that does not decode, read by a principal who may not see it', () => {
  const ws = workspace('aimline-out-of-view-undecodable-');
  const reads = (): string[][] => [
    ['timeline', quorinCase.caseId],
    ['report', quorinCase.caseId, '--html', join(ws.dir, 'report.html'), '--overwrite'],
    ['audit', STREAM],
    ['deadlines'],
  ];

  beforeAll(async () => {
    const { caseLine } = commandLines('0a7e0f1f');
    const history = caseHistory(caseLine, 1, quorinCase);
    expect((await ws.execAs('sw-1', 'opened.jsonl', history.opened)).code).toBe(0);
    // Behind Aimline's back: a closure appended whose reason is empty (the catalogue refuses it).
    const store = openSqliteEventStore(join(ws.dir, 'events.db'));
    try {
      const [route] = await collect(
        store.readStream(STREAM, { direction: 'backwards', maxCount: 1 }),
      );
      const id = randomUUID();
      await store.append(
        STREAM,
        [
          {
            id,
            type: 'CaseClosed',
            schemaVersion: 1,
            data: { caseId: quorinCase.caseId, reason: '' },
            metadata: {
              occurredAt: '2026-02-02T10:00:00Z',
              recordedAt: '2026-02-02T10:00:00Z',
              actor: route!.metadata.actor,
              commandId: id,
              commandFingerprint: 'f'.repeat(64),
              correlationId: id,
              causationId: id,
            },
          },
        ],
        { expectedRevision: CLOSED - 1 },
      );
    } finally {
      await store.dispose();
    }
  }, 60_000);

  it('when the school representative reads the timeline, report, audit trail or deadlines, then it exits 4 and the note names the stream alone', async () => {
    for (const args of reads()) {
      const json = await ws.cli(...ws.as('sr-1'), '--json', ...args);
      expect(json.code, `${args.join(' ')}: ${json.stderr}`).toBe(ExitCode.CorruptHistory);
      expect(corruptHistory(json.stderr)).toEqual([outOfView]);
      for (const out of [json.stdout, json.stderr])
        for (const hidden of ['CaseClosed', `@${CLOSED}`, `revision ${CLOSED}`])
          expect(out, args.join(' ')).not.toContain(hidden);
    }
  }, 60_000);

  it('when the allocated social worker reads the timeline, then it exits 4 and the note locates the closure', async () => {
    const r = await ws.cli(...ws.as('sw-1'), '--json', 'timeline', quorinCase.caseId);
    expect(r.code, r.stderr).toBe(ExitCode.CorruptHistory);
    expect(corruptHistory(r.stderr)).toEqual([
      expect.objectContaining({ stream: STREAM, revision: CLOSED, type: 'CaseClosed' }),
    ]);
  }, 60_000);
});

/**
 * A case closure's row without a place (its revision made text in a schema tampered out of
 * STRICT): the store leaves it out of every read, so the case reads with its last event missing
 * (the command index still records it) — told to the school representative as events missing
 * from the end of the stream alone — and `audit --verify`, the operator's check, locates the row
 * exactly. The store used to fail the read with an error naming the closure's stream and place.
 */
describe('a case closure whose row has no place, read by a principal who may not see it', () => {
  const ws = workspace('aimline-out-of-view-unplaced-');

  beforeAll(async () => {
    const { caseLine } = commandLines('0a7e0f20');
    const history = caseHistory(caseLine, 1, quorinCase);
    expect((await ws.execAs('sw-1', 'opened.jsonl', history.opened)).code).toBe(0);
    expect((await ws.execAs('tm-1', 'closed.jsonl', [history.closed])).code).toBe(0);
    retypeSqliteColumnForTesting(
      join(ws.dir, 'events.db'),
      { stream: STREAM, revision: CLOSED },
      'revision',
      'three',
    );
  }, 60_000);

  it('when the school representative reads the timeline, audit trail or deadlines, then it exits 4 and the note names the stream alone', async () => {
    for (const args of [['timeline', quorinCase.caseId], ['audit', STREAM], ['deadlines']]) {
      const r = await ws.cli(...ws.as('sr-1'), '--json', ...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(ExitCode.CorruptHistory);
      expect(corruptHistory(r.stderr)).toEqual([{ ...outOfView, why: MISSING_OUT_OF_VIEW }]);
      for (const out of [r.stdout, r.stderr])
        for (const hidden of [
          'CaseClosed',
          `@${CLOSED}`,
          `revision ${CLOSED}`,
          'revision unreadable',
        ])
          expect(out, args.join(' ')).not.toContain(hidden);
    }
  }, 60_000);

  it('when the operator runs audit --verify, then it fails naming the row: its position, its stream, its unreadable revision', async () => {
    const r = await ws.cli('--json', 'audit', '--verify');
    expect(r.code, r.stderr).toBe(ExitCode.Failed);
    const { problems } = JSON.parse(r.stdout) as { problems: string[] };
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `event at position \\d+ \\(stream "${STREAM}", revision unreadable\\): revision is a string$`,
        ),
      ),
    );
  }, 60_000);
});
