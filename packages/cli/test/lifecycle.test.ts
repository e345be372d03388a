/**
 * Retention, legal holds, subject access and rectification through the CLI (issue 13 items
 * 5–7), on a small history recorded with `exec` (invented people only).
 */
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  caseHistory,
  caseTeamDirectory,
  caseTeamWorkspace,
  commandLines,
  quorin,
} from './case-team.js';

const { line, caseLine } = commandLines('11fec7c1');
const { opened, closed: closure } = caseHistory(caseLine, 1, {
  caseId: 'C-9',
  child: quorin,
  victim: {
    childId: 'ch-102',
    name: 'Zanthe Ombrisk',
    dateOfBirth: '2014-09-09',
    school: 'Pretend Vale Primary',
  },
  officer: 'pc-1',
  summary: 'Zanthe told a teacher at Pretend Vale Primary.',
});
const history = [
  ...opened,
  caseLine(5, 'CorrectChildDetails', '2026-01-06T10:00:00Z', {
    caseId: 'C-9',
    childId: 'ch-101',
    name: 'Quorin Vantreede',
    reason: 'surname misspelt on the referral',
  }),
];

describe('aimline retention and sar', () => {
  /** The case's social worker, a team manager and the records manager. */
  const { dir, cli, as, execAs } = caseTeamWorkspace('aimline-lifecycle-', ['hsb-case-C-9']);

  beforeAll(async () => {
    const r = await execAs('sw-1', 'history.jsonl', history);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const c = await execAs('tm-1', 'closure.jsonl', [closure]);
    expect(c.code, c.stdout + c.stderr).toBe(0);
  }, 60_000);

  it('sar: the child who harmed gets their own record, corrected name with its history, and nothing of the victim', async () => {
    const out = join(dir, 'sar.json');
    const r = await cli(...as('rm-1'), 'sar', '--person', 'ch-101', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    for (const v of ['Zanthe', 'Ombrisk', 'ch-102', '2014-09-09', 'Pretend Vale'])
      expect(text).not.toContain(v);
    const report = JSON.parse(text) as {
      details: Array<{
        field: string;
        current: string;
        history: Array<{ value: string; type: string }>;
      }>;
    };
    expect(report.details.find((d) => d.field === 'name')).toMatchObject({
      current: 'Quorin Vantreede',
      history: [
        { value: 'Quorin Vantreed', type: 'ConcernReported' },
        { value: 'Quorin Vantreede', type: 'ChildDetailsCorrected' },
      ],
    });
  });

  it('sar: only an auditor or the records manager answers it (FORBIDDEN for the social worker), and each answer is in the access log', async () => {
    const forbidden = await cli(
      ...as('sw-1'),
      'sar',
      '--person',
      'ch-101',
      '--out',
      join(dir, 'no.json'),
    );
    expect([forbidden.code, forbidden.stderr]).toEqual([
      1,
      expect.stringMatching(/FORBIDDEN: principal "sw-1"/),
    ]);
    expect(existsSync(join(dir, 'no.json'))).toBe(false);
    const log = await cli(...as('rm-1'), '--json', 'access-log', '--person', 'ch-101');
    expect(log.code, log.stderr).toBe(0);
    const { reads } = JSON.parse(log.stdout) as {
      reads: Array<{ principal: string; purpose: string; streams: string[]; categories: string[] }>;
    };
    expect(reads.filter((r) => r.purpose === 'aimline sar')).toContainEqual(
      expect.objectContaining({
        principal: 'rm-1',
        streams: ['hsb-case-C-9'],
        categories: expect.arrayContaining(['name']) as unknown,
      }),
    );
  });

  it('sar --out FILE.html: the same response as a self-contained page in the report style', async () => {
    const out = join(dir, 'sar.html');
    expect((await cli(...as('rm-1'), 'sar', '--person', 'ch-101', '--out', out)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Quorin Vantreede');
    expect(html).not.toContain('Zanthe');
  });

  it('sar --out naming an existing file (the council directory itself) is refused naming --out, exit 2, before anything is read: the file is untouched', async () => {
    const directory = join(dir, 'principals.json');
    const before = readFileSync(directory, 'utf8');
    const log = join(dir, 'refused-out.access-log.jsonl');
    const r = await cli(
      ...as('rm-1'),
      '--access-log',
      log,
      'sar',
      '--person',
      'ch-101',
      '--out',
      directory,
    );
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `aimline: --out: ${directory} exists already; give --overwrite to replace it\n`,
    ]);
    expect(readFileSync(directory, 'utf8')).toBe(before);
    expect(existsSync(log)).toBe(false);
  });

  it('sar --out FILE --overwrite replaces an existing file, readable by its owner only (0600) also when others could read the old one', async () => {
    const out = join(dir, 'sar-mode.json');
    writeFileSync(out, 'an earlier file', { mode: 0o644 });
    chmodSync(out, 0o644);
    const r = await cli(...as('rm-1'), 'sar', '--person', 'ch-101', '--out', out, '--overwrite');
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ person: 'ch-101' });
  });

  it('report --html and audit anchor --out naming an existing file are refused naming the flag (exit 2), the file untouched, unless --overwrite', async () => {
    const page = join(dir, 'kept.html');
    writeFileSync(page, 'an earlier page');
    for (const args of [
      [...as('sw-1'), 'report', 'C-9', '--html', page],
      [...as('sw-1'), 'report', 'scorecard', '2026-Q1', '--html', page],
    ]) {
      const r = await cli(...args);
      expect([r.code, r.stderr], args.join(' ')).toEqual([
        2,
        `aimline: --html: ${page} exists already; give --overwrite to replace it\n`,
      ]);
    }
    const anchor = join(dir, 'kept-anchor.json');
    writeFileSync(anchor, 'an earlier anchor');
    const a = await cli('audit', 'anchor', '--out', anchor);
    expect([a.code, a.stderr]).toEqual([
      2,
      `aimline: --out: ${anchor} exists already; give --overwrite to replace it\n`,
    ]);
    expect([readFileSync(page, 'utf8'), readFileSync(anchor, 'utf8')]).toEqual([
      'an earlier page',
      'an earlier anchor',
    ]);
  });

  it('report --html FILE --overwrite (a case page, which holds personal data) is readable by its owner only (0600), also over a file others could read; a path that cannot be written names --html (exit 2)', async () => {
    const out = join(dir, 'case-mode.html');
    writeFileSync(out, 'an earlier page', { mode: 0o644 });
    chmodSync(out, 0o644);
    const r = await cli(...as('sw-1'), 'report', 'C-9', '--html', out, '--overwrite');
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toContain('Aimline case report hsb-case-C-9');
    const nowhere = join(dir, 'no-such-folder', 'case.html');
    const bad = await cli(...as('sw-1'), 'report', 'C-9', '--html', nowhere);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      expect.stringContaining(`--html: cannot write ${nowhere}`),
    ]);
  });

  it('sar: a bad --out names the flag (exit 2); a person with nothing held is exit 1', async () => {
    const bad = await cli(
      ...as('rm-1'),
      'sar',
      '--person',
      'ch-101',
      '--out',
      join(dir, 'sar.txt'),
    );
    expect([bad.code, bad.stderr]).toEqual([
      2,
      expect.stringMatching(/--out: expected a file ending in \.json or \.html/),
    ]);
    const none = await cli(
      ...as('rm-1'),
      'sar',
      '--person',
      'nobody',
      '--out',
      join(dir, 'none.json'),
    );
    expect(none.code).toBe(1);
  });

  it('retention: nobody is due before the rules allow; later both children are, each with the rule that makes them due', async () => {
    const early = await cli(...as('rm-1'), '--json', 'retention', '--as-of', '2030-01-01');
    expect(early.code, early.stderr).toBe(0);
    expect((JSON.parse(early.stdout) as { due: unknown[] }).due).toEqual([]);
    const late = await cli(...as('rm-1'), '--json', 'retention', '--as-of', '2040-01-01');
    const s = JSON.parse(late.stdout) as {
      due: Array<{ person: string; confirmed: boolean; records: Array<{ keptUntil: string }> }>;
    };
    // The children, and the professionals named in no other record (their names in this one).
    expect(s.due.map((d) => d.person)).toEqual(['ch-101', 'ch-102', 'pc-1', 'sw-1']);
    // The later of 6 years after closure and the younger child's 25th birthday.
    expect(s.due[0]!.records[0]!.keptUntil).toBe('2039-09-09');
    expect(s.due.every((d) => !d.confirmed)).toBe(true);
  });

  it('retention: a legal hold keeps the case (who placed it and why are listed) until it is lifted', async () => {
    const due = async () =>
      JSON.parse(
        (await cli(...as('rm-1'), '--json', 'retention', '--as-of', '2040-01-01')).stdout,
      ) as {
        due: Array<{ person: string }>;
        records: Array<{
          record: string;
          status: string;
          holds: Array<{ placedBy: string; reason: string }>;
        }>;
      };
    const place = line(20, 'PlaceLegalHold', '2031-03-03T10:00:00Z', {
      holdId: 'H-1',
      record: 'hsb-case-C-9',
      reason: 'civil claim notified',
    });
    // Only the records manager holds records (FORBIDDEN for the social worker, nothing appended).
    expect((await execAs('sw-1', 'hold-sw.jsonl', [place])).code).toBe(1);
    expect((await execAs('rm-1', 'hold.jsonl', [place])).code).toBe(0);
    const held = await due();
    expect(held.due).toEqual([]);
    expect(held.records).toEqual([
      expect.objectContaining({
        record: 'hsb-case-C-9',
        status: 'held',
        holds: [
          expect.objectContaining({
            placedBy: 'rm-1 (records-manager, childrens-social-care)',
            reason: 'civil claim notified',
          }),
        ],
      }),
    ]);
    const lift = line(21, 'LiftLegalHold', '2032-03-03T10:00:00Z', {
      holdId: 'H-1',
      reason: 'claim settled',
    });
    expect((await execAs('rm-1', 'lift.jsonl', [lift])).code).toBe(0);
    expect((await due()).due.map((d) => d.person)).toContain('ch-101');
  });

  it('retention and sar read through the principal’s need-to-know view: without --as a usage error; a principal whose read rules do not show every record is FORBIDDEN, naming the modules', async () => {
    const none = await cli('retention', '--as-of', '2040-01-01');
    expect([none.code, none.stderr]).toEqual([2, expect.stringMatching(/--as/)]);
    const sw = await cli(...as('sw-1'), 'retention', '--as-of', '2040-01-01');
    expect([sw.code, sw.stderr]).toEqual([
      1,
      expect.stringMatching(/FORBIDDEN: principal "sw-1".*do not show all of .*hsb-case/),
    ]);
    // A council whose read rules give the records manager the HSB cases only.
    const narrowed = join(dir, 'narrowed-principals.json');
    writeFileSync(
      narrowed,
      JSON.stringify({
        ...caseTeamDirectory(['hsb-case-C-9']),
        reads: {
          replace: {
            'records-manager': [
              {
                module: 'hsb-case',
                streams: 'all',
                events: 'all',
                categories: ['name', 'dateOfBirth'],
                subjects: 'all',
              },
            ],
          },
        },
      }),
    );
    const partial = ['--as', 'rm-1', '--principals', narrowed];
    const out = join(dir, 'partial-sar.json');
    for (const args of [
      ['retention', '--as-of', '2040-01-01'],
      ['sar', '--person', 'ch-101', '--out', out],
    ]) {
      const r = await cli(...partial, ...args);
      expect([r.code, r.stderr]).toEqual([
        1,
        expect.stringMatching(/FORBIDDEN: principal "rm-1".*do not show all of .*meeting/),
      ]);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('retention reads only dates of birth, and sar’s pass that finds the records reads person ids only: the run’s access log (--access-log) holds one retention entry with dateOfBirth alone, one sar entry for the pass (a read of every record, no personal data shown) and one for the record read', async () => {
    const log = join(dir, 'whole-store-reads.access-log.jsonl');
    const withLog = [...as('rm-1'), '--access-log', log];
    expect((await cli(...withLog, 'retention', '--as-of', '2040-01-01')).code).toBe(0);
    const sar = await cli(...withLog, 'sar', '--person', 'ch-101', '--out', join(dir, 'log.json'));
    expect(sar.code, sar.stderr).toBe(0);
    const entries = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { purpose: string; streams: string[]; categories: string[] });
    expect(entries.map((e) => [e.purpose, e.streams, e.categories.includes('name')])).toEqual([
      // Both whole-store reads show the legal hold's events too (retention keeps a held record).
      ['aimline retention', ['hsb-case-C-9', 'legal-hold-H-1'], false],
      ['aimline sar', ['hsb-case-C-9', 'legal-hold-H-1'], false],
      ['aimline sar', ['hsb-case-C-9'], true],
    ]);
    expect(entries[0]!.categories).toEqual(['dateOfBirth']);
    expect(entries[1]!.categories).toEqual([]);
  });

  it('HSB-2: deadlines as a principal who may see the concern but not the strategy discussion that met it: met (as the whole history says), not breached; and no deadline only a withheld event opens', async () => {
    // A council's rule: health reads the concern of their allocated cases, nothing after it.
    const withHealth = join(dir, 'health-principals.json');
    const team = caseTeamDirectory(['hsb-case-C-9']);
    writeFileSync(
      withHealth,
      JSON.stringify({
        ...team,
        principals: [
          ...team.principals,
          { id: 'hl-1', role: 'health', agency: 'health', streams: ['hsb-case-C-9'], panels: [] },
        ],
        reads: {
          replace: {
            health: [
              {
                module: 'hsb-case',
                streams: 'allocated',
                events: ['ConcernReported'],
                categories: ['name'],
                subjects: 'all',
              },
            ],
          },
        },
      }),
    );
    const read = async (who: string) => {
      const r = await cli('--as', who, '--principals', withHealth, '--json', 'deadlines');
      expect(r.code, r.stderr).toBe(0);
      return (
        JSON.parse(r.stdout) as {
          deadlines: Array<{ deadline: { ruleId: string }; status: { kind: string } }>;
        }
      ).deadlines.map((d) => [d.deadline.ruleId, d.status.kind]);
    };
    const health = await read('hl-1');
    expect(health).toEqual([['HSB-2', 'met']]);
    expect(await read('sw-1')).toContainEqual(['HSB-2', 'met']);
  });

  it('retention: flags are parsed strictly, and a bad schedule is refused naming the field', async () => {
    const date = await cli('retention', '--as-of', '2030-02-30');
    expect([date.code, date.stderr]).toEqual([2, expect.stringMatching(/--as-of/)]);
    const file = join(dir, 'schedule.json');
    writeFileSync(
      file,
      JSON.stringify({ 'hsb-case': { keep: [], source: 'x', confirmed: true, extra: 1 } }),
    );
    const bad = await cli('retention', '--retention-policy', file);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      expect.stringMatching(/hsb-case\.extra.*unknown field/),
    ]);
  });
});
