import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoSteps, richestCase, runScenarios } from '@aimline/demo';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { domainRegistry, loadCouncilPolicy } from '@aimline/aimline';
import { deadlineTracker } from '@aimline/projections';
import { projectionNames } from '../src/commands/replay.js';
import { eventCounts } from '../src/commands/event-counts.js';
import { panelScorecardProjection } from '../src/views/panel-views.js';
import { attendanceOverviewProjection } from '../src/views/attendance-views.js';
import { withEncryption } from '../src/encryption.js';
import { asAuditor, runCli } from './run-cli.js';

const policy = loadCouncilPolicy(undefined);
if (E.isLeft(policy)) throw new Error(policy.left);
const registry = domainRegistry(policy.right);
const DEMO = { seed: 11, cases: 4, years: 1, from: '2024-09-02T09:00:00Z' };
/** After every event of the demo: the whole history, reported at one fixed instant. */
const AS_OF = ['--as-of', '2026-01-05T12:00:00Z'];

/**
 * `aimline replay`, and the commands that fold the same projections (`deadlines`, `attendance`,
 * `panel scorecard`), open only the personal data each projection declares it reads
 * (`Projection.personalData`): from the encrypted demo store they must print what the same
 * history prints when every field is there to read (the same demo history written to a store
 * without encryption, whose fields are all plain).
 */
describe('replays read only the personal data their projections declare (issue 13 item 4)', () => {
  let encrypted: string;
  let plain: string;
  let dir: string;
  let cases: string[];
  const replay = async (store: string, projection: string): Promise<unknown> => {
    const r = await runCli([
      '--store',
      store,
      '--json',
      ...asAuditor(),
      'replay',
      projection,
      ...AS_OF,
    ]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as unknown;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aimline-replay-personal-'));
    const { steps } = demoSteps({ ...DEMO, policy: policy.right, modules: registry.modules });
    cases = ['hsb-case', 'attendance-aim'].map((m) => {
      const caseId = richestCase(steps, m);
      if (caseId === undefined) throw new Error(`the demo has no ${m} case`);
      return caseId;
    });
    const write = async (path: string, encrypt: boolean): Promise<string> => {
      const raw = openSqliteEventStore(path, { mode: 'create' });
      const { store } = encrypt
        ? await withEncryption(raw, { kind: 'sqlite', path }, 'create', registry.modules)
        : { store: raw };
      try {
        expect((await runScenarios(store, steps, () => undefined)).failed).toEqual([]);
      } finally {
        await store.dispose();
      }
      return `sqlite:${path}`;
    };
    encrypted = await write(join(dir, 'encrypted.db'), true);
    plain = await write(join(dir, 'plain.db'), false);
  });

  it('every projection replay folds declares the personal data it reads', () => {
    const declared = [
      eventCounts,
      deadlineTracker(registry.modules),
      panelScorecardProjection(registry),
      attendanceOverviewProjection(registry),
    ];
    expect(declared.map((p) => p.name).sort()).toEqual(
      projectionNames.filter((p) => p !== 'chain-verification').sort(),
    );
    for (const p of declared) expect(p.personalData, p.name).toBeDefined();
  });

  it.each(projectionNames.filter((p) => p !== 'chain-verification'))(
    'given the demo history, %s prints the same from the encrypted store (only its declared fields opened) as from plain fields',
    async (projection) => {
      expect(await replay(encrypted, projection)).toEqual(await replay(plain, projection));
    },
  );

  it("the deadline report needs the pupils' dates of birth it declares: NAT-8 (the end of compulsory school age) is worked out from them", async () => {
    expect(deadlineTracker(registry.modules).personalData).toEqual([
      { eventType: 'AttendanceCaseOpened', path: 'pupil.dateOfBirth' },
    ]);
    const byRule = (await replay(encrypted, 'deadline-tracker')) as Record<string, unknown>;
    expect(byRule['NAT-8']).toBeDefined();
  });

  /** `args` as the auditor on `store`, its access log in `log`: the JSON printed. */
  const read = async (store: string, log: string, ...args: string[]): Promise<unknown> => {
    const r = await runCli([
      '--store',
      store,
      '--json',
      '--access-log',
      log,
      ...asAuditor(),
      ...args,
    ]);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return JSON.parse(r.stdout) as unknown;
  };
  const reportData = async (store: string, log: string, caseId: string): Promise<unknown> => {
    const file = join(dir, `report-${caseId}-${store.length}.html`);
    await read(store, log, 'report', caseId, '--html', file, ...AS_OF);
    const data = /<script type="application\/json" id="report-data">(.*)<\/script>/.exec(
      readFileSync(file, 'utf8'),
    )![1]!;
    return JSON.parse(data) as unknown;
  };

  it("given the demo history, the timeline and the HTML report of a case (HSB, attendance) print the same from the encrypted store, the timeline opening only its module's deadlinePersonalData, as from plain fields", async () => {
    for (const caseId of cases) {
      for (const asOf of [AS_OF, []])
        expect(await read(encrypted, join(dir, 'e.jsonl'), 'timeline', caseId, ...asOf)).toEqual(
          await read(plain, join(dir, 'p.jsonl'), 'timeline', caseId, ...asOf),
        );
      expect(await reportData(encrypted, join(dir, 'e.jsonl'), caseId)).toEqual(
        await reportData(plain, join(dir, 'p.jsonl'), caseId),
      );
    }
  });

  /** The id of the child an HSB case of the demo is about (read from the plain store). */
  const childOf = async (caseId: string): Promise<string> => {
    const store = openSqliteEventStore(join(dir, 'plain.db'), { mode: 'open' });
    try {
      for await (const e of store.readStream(`hsb-case-${caseId}`))
        return (e.data as { child: { childId: string } }).child.childId;
      throw new Error(`hsb-case-${caseId} is empty`);
    } finally {
      await store.dispose();
    }
  };

  it("a replay of the deadline report opens only the pupils' dates of birth, and records every case it showed, HSB ones too: access-log --person the HSB case's child lists it as a read of their record that showed none of their personal data", async () => {
    const log = join(dir, 'deadline-replay.jsonl');
    await read(encrypted, log, 'replay', 'deadline-tracker', ...AS_OF);
    const entries = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { streams: string[]; categories: string[]; about: string[] });
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.categories).toEqual(['dateOfBirth']);
    expect(entry!.streams).toContain(`hsb-case-${cases[0]!}`);
    const child = await childOf(cases[0]!);
    expect(entry!.about).toContain(child);
    const answer = (await read(encrypted, log, 'access-log', '--person', child)) as {
      reads: Array<{ purpose: string; shown: string; streams: string[] }>;
      notes: string[];
    };
    expect(answer.reads).toEqual([
      expect.objectContaining({ purpose: 'aimline replay deadline-tracker', shown: 'record' }),
    ]);
    expect(answer.reads[0]!.streams).toContain(`hsb-case-${cases[0]!}`);
    const text = await runCli([
      '--store',
      encrypted,
      '--access-log',
      log,
      ...asAuditor(),
      'access-log',
      '--person',
      child,
    ]);
    expect(text.code, text.stderr).toBe(0);
    // The categories cell says so (wrapped within its column: 'none of theirs (record read)').
    expect(text.stdout).toContain('none of theirs');
    expect(text.stdout).toContain('(record read)');
  });

  it("a timeline read opens only what its deadlines are worked out from (the module's deadlinePersonalData): an HSB case's none, an attendance case's pupil's date of birth; each read is in the access log, the HSB one naming its child", async () => {
    const log = join(dir, 'timeline-only.jsonl');
    for (const caseId of cases) await read(encrypted, log, 'timeline', caseId);
    const entries = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { streams: string[]; categories: string[]; about: string[] });
    const [hsbCase, attendanceCase] = cases.map((c) =>
      entries.filter((e) => e.streams.some((s) => s.endsWith(c))),
    );
    expect(hsbCase!.map((e) => e.categories)).toEqual([[]]);
    expect(hsbCase![0]!.about).toContain(await childOf(cases[0]!));
    expect(attendanceCase!.map((e) => e.categories)).toEqual([['dateOfBirth']]);
  });

  /** The categories each access-log entry of `log` names. */
  const loggedCategories = (log: string): string[][] =>
    readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { categories: string[] }).categories);

  it.each([
    [['deadlines', ...AS_OF], ['dateOfBirth']],
    [['attendance', ...AS_OF], ['dateOfBirth']],
    [
      ['panel', 'scorecard'],
      ['identifier', 'specialCategory'],
    ],
  ])(
    'given the demo history, `%s` prints the same from the encrypted store as from plain fields, and its access-log entries name only the categories its projection declares (%s)',
    async (args, categories) => {
      const name = args.slice(0, 2).join('-');
      const log = join(dir, `command-${name}.jsonl`);
      expect(await read(encrypted, log, ...args)).toEqual(
        await read(plain, join(dir, `command-${name}-plain.jsonl`), ...args),
      );
      const logged = loggedCategories(log);
      expect(logged.length).toBeGreaterThan(0);
      for (const c of logged) for (const category of c) expect(categories).toContain(category);
    },
  );
});
