import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { roles } from '@aimline/governance';
import { demoCommand, runCli } from './run-cli.js';

/** The read commands on one demo history (invented people), through the embedded store. */
describe('aimline read commands on demo data', () => {
  let store: string;
  let hsbCase: string;
  let attendanceCase: string;
  let principals: string;
  const cli = async (...args: string[]) => {
    const r = await runCli(['--store', store, '--json', '--as', 'aud-inspector-1', ...args]);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return JSON.parse(r.stdout) as unknown;
  };

  beforeAll(async () => {
    store = `sqlite:${join(mkdtempSync(join(tmpdir(), 'aimline-read-')), 'events.db')}`;
    const demo = (await cli(
      ...demoCommand({ cases: 6, seed: 3, years: 2, from: '2024-01-08T09:00:00Z' }),
    )) as {
      sampleCases: { hsb: string; attendance: string };
      principals: string;
    };
    hsbCase = demo.sampleCases.hsb;
    attendanceCase = demo.sampleCases.attendance;
    principals = demo.principals;
  }, 120_000);

  it('need to know: a timeline is read as a principal; a principal not allocated to the case sees nothing of it (exit 1, FORBIDDEN); every read of a case is in the access log, and access-log --person answers who looked at the child', async () => {
    const directory = JSON.parse(readFileSync(principals, 'utf8')) as {
      principals: Array<{ id: string; role: string; streams: string[] }>;
    };
    const outsider = directory.principals.find(
      (p) => p.role === 'social-worker' && !p.streams.includes(`hsb-case-${hsbCase}`),
    )!;
    const refused = await runCli(['--store', store, '--as', outsider.id, 'timeline', hsbCase]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`FORBIDDEN: nothing with id "${hsbCase}" is visible`);
    // The same answer as for a case id that does not exist: no oracle of which cases exist.
    const missing = await runCli([
      '--store',
      store,
      '--as',
      outsider.id,
      'timeline',
      'no-such-case-1',
    ]);
    expect([missing.code, missing.stderr.replaceAll('no-such-case-1', hsbCase)]).toEqual([
      refused.code,
      refused.stderr,
    ]);
    const noAs = await runCli(['--store', store, 'timeline', hsbCase]);
    expect(noAs.code).toBe(2);
    // An unknown principal is refused before any case is looked for: the same answer for a
    // case that exists and one that does not (no oracle of which case ids exist).
    for (const id of [hsbCase, 'no-such-case-1']) {
      const unknown = await runCli(['--store', store, '--as', 'nobody-1', 'timeline', id]);
      expect([unknown.code, unknown.stderr]).toEqual([
        1,
        'aimline: --as (AIMLINE_AS): principal "nobody-1" is not in the Invented Borough Council (demo) directory\n',
      ]);
    }
    // The same id given by AIMLINE_AS (no --as): the refusal names the variable too.
    process.env.AIMLINE_AS = 'nobody-1';
    try {
      const fromEnv = await runCli(['--store', store, 'timeline', hsbCase]);
      expect([fromEnv.code, fromEnv.stderr]).toEqual([
        1,
        'aimline: --as (AIMLINE_AS): principal "nobody-1" is not in the Invented Borough Council (demo) directory\n',
      ]);
    } finally {
      delete process.env.AIMLINE_AS;
    }

    const worker = directory.principals.find(
      (p) => p.role === 'social-worker' && p.streams.includes(`hsb-case-${hsbCase}`),
    )!;
    const seen = await runCli([
      '--store',
      store,
      '--as',
      worker.id,
      '--purpose',
      'case supervision',
      'timeline',
      hsbCase,
    ]);
    expect(seen.code, seen.stderr).toBe(0);
    const path = `${store.slice('sqlite:'.length)}.access-log.jsonl`;
    const log = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            principal: string;
            purpose: string;
            streams: string[];
            subjects: string[];
            about: string[];
          },
      );
    const mine = log.filter((e) => e.principal === worker.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      purpose: 'case supervision',
      streams: [`hsb-case-${hsbCase}`],
    });
    expect(readFileSync(path, 'utf8')).not.toMatch(
      /Applethwaite|Brackenbury|Cobblestone|Dunnock|Eddleston|Fennimore|Gorsedale|Hollowmere/,
    );
    // A timeline shows no personal value and opens none of an HSB case's: its read is recorded
    // as a read of the case, naming everyone the case is about, and access-log --person finds it
    // for each of them as a read of their record.
    expect(mine[0]!.subjects).toEqual([]);
    expect(mine[0]!.about.length).toBeGreaterThan(0);
    for (const about of mine[0]!.about) {
      const answer = (await cli('access-log', '--person', about)) as {
        chain: { ok: boolean };
        reads: Array<{ principal: string; purpose: string; shown: string }>;
      };
      expect(answer.chain).toEqual({ ok: true });
      expect(answer.reads).toContainEqual(
        expect.objectContaining({
          principal: worker.id,
          purpose: 'case supervision',
          shown: 'record',
        }),
      );
    }
    const person = mine[0]!.about[0]!;
    const byWorker = await runCli([
      '--store',
      store,
      '--as',
      worker.id,
      'access-log',
      '--person',
      person,
    ]);
    expect(byWorker.code).toBe(1);
    expect(byWorker.stderr).toContain('may not read the access log');
  });

  it('demo writes its invented directory beside the store (owner-only): a principal of every role, each a writer of the history or on duty', () => {
    expect(principals).toBe(`${store.slice('sqlite:'.length)}.principals.json`);
    expect(statSync(principals).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(principals, 'utf8')) as {
      principals: Array<{ role: string }>;
    };
    expect(new Set(file.principals.map((p) => p.role))).toEqual(new Set(roles));
  });

  it('timeline: an HSB case by phase, each entry with who, when recorded and the deadlines it opened or met', async () => {
    const t = (await cli('timeline', hsbCase)) as {
      phases: Record<
        string,
        Array<{
          actor: { role: string };
          recordedAt: string;
          opened: Array<{ ruleId: string }>;
          settled: unknown[];
        }>
      >;
    };
    expect(Object.keys(t.phases)).toEqual(expect.arrayContaining(['strategy', 'assessment']));
    const strategy = t.phases['strategy']!;
    expect(strategy[0]!.opened.map((d) => d.ruleId)).toContain('HSB-2');
    expect(strategy.every((e) => e.actor.role.length > 0 && e.recordedAt.length > 0)).toBe(true);
    const attendance = (await cli('timeline', attendanceCase)) as {
      stream: string;
      entries: unknown[];
    };
    expect(attendance.stream).toBe(`attendance-aim-${attendanceCase}`);
    expect(attendance.entries.length).toBeGreaterThan(3);
  });

  it('deadlines: every obligation carries its rule id and explanation; counts per rule; as-of changes what is known', async () => {
    const now = (await cli('deadlines', '--as-of', '2026-01-31T12:00:00Z')) as {
      deadlines: Array<{ deadline: { ruleId: string; explanation: string } }>;
      byRule: Record<string, unknown>;
    };
    expect(now.deadlines.length).toBeGreaterThan(10);
    expect(
      now.deadlines.every(
        (d) => /^[A-Z]+-\d+$/.test(d.deadline.ruleId) && d.deadline.explanation.length > 0,
      ),
    ).toBe(true);
    expect(Object.keys(now.byRule)).toEqual(expect.arrayContaining(['HSB-2', 'PNL-4', 'ATT-7']));
    const early = (await cli('deadlines', '--as-of', '2024-03-01T12:00:00Z')) as {
      deadlines: unknown[];
    };
    expect(early.deadlines.length).toBeLessThan(now.deadlines.length);
    const overdue = (await cli('deadlines', '--as-of', '2026-01-31T12:00:00Z', '--overdue')) as {
      deadlines: Array<{ status: { kind: string }; hoursLate: number }>;
    };
    expect(overdue.deadlines.every((d) => d.status.kind === 'breached' && d.hoursLate > 0)).toBe(
      true,
    );
  });

  it('what people read: timeline, deadlines, audit, attendance and replay show London local time (never a raw UTC instant) and fit 120 columns; --json keeps ISO', async () => {
    const human = async (...args: string[]) => {
      const r = await runCli(['--store', store, '--as', 'aud-inspector-1', ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    const isoInstant = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
    const londonInstant =
      /(\d{2}:\d{2} (GMT|BST)|end of) [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}/;
    const asOf = ['--as-of', '2026-01-31T12:00:00Z'];
    for (const args of [
      ['timeline', hsbCase, ...asOf],
      ['timeline', attendanceCase],
      ['deadlines', ...asOf],
      ['deadlines', '--overdue', ...asOf],
      ['audit'],
      ['attendance', ...asOf],
      ['replay', 'event-counts', ...asOf],
    ]) {
      const text = await human(...args);
      expect(text, args.join(' ')).toMatch(londonInstant);
      expect(text, args.join(' ')).not.toMatch(isoInstant);
      const widest = Math.max(...text.split('\n').map((l) => l.length));
      expect(widest, `${args.join(' ')} is ${widest} columns wide`).toBeLessThanOrEqual(120);
    }
    expect(await human('timeline', hsbCase, ...asOf)).toContain('end of ');
    const json = (await cli('deadlines', ...asOf)) as {
      deadlines: Array<{ deadline: { due: string } }>;
    };
    expect(json.deadlines[0]!.deadline.due).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    );
  });

  it('panel agenda and scorecard: slots with papers status, decisions, minutes category; PNL-11 counts', async () => {
    const cards = (await cli('panel', 'scorecard')) as Array<{
      quarter: string;
      referrals: number;
      byRating: Record<string, number>;
    }>;
    expect(cards.length).toBeGreaterThan(2);
    const withReferrals = cards.find((c) => c.referrals > 0)!;
    expect(Object.values(withReferrals.byRating).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const agendas: unknown[] = [];
    for (const sitting of ['2024-03', '2024-04', '2024-05', '2024-06', '2024-07'])
      agendas.push(await cli('panel', 'agenda', sitting));
    const items = (
      agendas as Array<{
        items: Array<{ papers: string; papersDue: string }>;
        minutes: { documentCategory: string | null };
      }>
    ).flatMap((a) => a.items);
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every(
        (i) =>
          ['sent on time', 'sent late', 'not sent'].includes(i.papers) && i.papersDue.length > 0,
      ),
    ).toBe(true);
    const categories = (agendas as Array<{ minutes: { documentCategory: string | null } }>)
      .map((a) => a.minutes.documentCategory)
      .filter((c): c is string => c !== null);
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories)
      expect(c).toMatch(/^P25 \d{4}\/\d{2}\/\d{2} LEGAL MEETINGS \(HSB AIM\)$/);
  });

  it('attendance: cases by stage, reviews due, penalty-notice threshold and end of school age, as of a day', async () => {
    const o = (await cli('attendance', '--as-of', '2025-06-30')) as {
      byStage: Record<string, number>;
      reviewsDue: unknown[];
      penaltyThresholdMet: unknown[];
      nearEndOfCompulsorySchoolAge: unknown[];
    };
    expect(Object.values(o.byStage).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(
      Array.isArray(o.reviewsDue) &&
        Array.isArray(o.penaltyThresholdMet) &&
        Array.isArray(o.nearEndOfCompulsorySchoolAge),
    ).toBe(true);
  });

  it('replay --as-of: a projection rebuilt from what had been recorded by then', async () => {
    const all = (await cli('replay', 'event-counts')) as { events: number };
    const early = (await cli('replay', 'event-counts', '--as-of', '2024-06-30')) as {
      events: number;
    };
    expect(early.events).toBeGreaterThan(0);
    expect(early.events).toBeLessThan(all.events);
    const chains = (await cli('replay', 'chain-verification')) as {
      events: number;
      breaks: unknown[];
    };
    // Event counts are need to know (the auditor's rules cover the case processes); the chains
    // cover every stored event, governance records too.
    expect(chains.events).toBeGreaterThanOrEqual(all.events);
    expect(chains.breaks).toEqual([]);
  });
});
