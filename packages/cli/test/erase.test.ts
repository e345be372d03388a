import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { demoSteps } from '@aimline/demo';
import { domainRegistry, loadCouncilPolicy } from '@aimline/aimline';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { masterKeyFromFile, openKeyVault } from '@aimline/governance';
import { withEncryption } from '../src/encryption.js';
import { runCli } from './run-cli.js';

const policy = loadCouncilPolicy(undefined);
if (E.isLeft(policy)) throw new Error(policy.left);
const registry = domainRegistry(policy.right);
const DEMO = { seed: 11, cases: 3, years: 1, from: '2024-09-02T09:00:00Z' };
const { steps } = demoSteps({ ...DEMO, policy: policy.right, modules: registry.modules });

/** The first value of a command data field, over the demo's commands of one type. */
const first = (type: string, pick: (data: Record<string, unknown>) => unknown): string => {
  for (const s of steps)
    if (s.command.type === type) {
      const v = pick(s.command.data as Record<string, unknown>);
      if (typeof v === 'string') return v;
    }
  throw new Error(`no ${type} in the demo`);
};
const hsbCase = first('ReportConcern', (d) =>
  d['victim'] === undefined ? undefined : d['caseId'],
);
const victimId = first('ReportConcern', (d) =>
  d['caseId'] === hsbCase ? (d['victim'] as { childId: string }).childId : undefined,
);
const victimName = first('ReportConcern', (d) =>
  d['caseId'] === hsbCase ? (d['victim'] as { name: string }).name : undefined,
);
const pupilId = first('OpenAttendanceCase', (d) => (d['pupil'] as { pupilId: string }).pupilId);

describe('aimline erase --person ID --reason TEXT (issue 13 item 4)', () => {
  let cli: (...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;
  let path: string;
  beforeAll(async () => {
    path = join(mkdtempSync(join(tmpdir(), 'aimline-erase-')), 'events.db');
    cli = (...args) => runCli(['--store', `sqlite:${path}`, '--as', 'aud-inspector-1', ...args]);
    const demo = await cli(
      'demo',
      '--seed',
      String(DEMO.seed),
      '--cases',
      String(DEMO.cases),
      '--years',
      String(DEMO.years),
      '--from',
      DEMO.from,
    );
    expect(demo.code, demo.stderr).toBe(0);
  });

  /** The case's first event, read as the CLI reads it (decrypted with the store's keys). */
  const concern = async (): Promise<{ victim: { name: string; childId: string } }> => {
    const { store } = await withEncryption(
      openSqliteEventStore(path, { mode: 'read-only' }),
      { kind: 'sqlite', path },
      'read',
      registry.modules,
    );
    try {
      for await (const e of store.readStream(`hsb-case-${hsbCase}`))
        return e.data as { victim: { name: string; childId: string } };
      throw new Error('no case');
    } finally {
      await store.dispose();
    }
  };

  it('erases the victim: their name reads as [erased:name]; erasing again is idempotent', async () => {
    expect((await concern()).victim.name).toBe(victimName);

    const erased = await cli(
      '--json',
      'erase',
      '--person',
      victimId,
      '--reason',
      'retention rule HSB-R1',
    );
    expect(erased.code, erased.stderr).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ key: 'destroyed', recorded: true });
    const again = await cli(
      '--json',
      'erase',
      '--person',
      victimId,
      '--reason',
      'retention rule HSB-R1',
    );
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ key: 'already-destroyed' });

    expect((await concern()).victim).toMatchObject({ name: '[erased:name]', childId: victimId });
  });

  it('after erasing a pupil and a victim, every read command still works and audit --verify passes', async () => {
    const erased = await cli('erase', '--person', pupilId, '--reason', 'retention rule ATT-R1');
    expect(erased.code, erased.stderr).toBe(0);
    for (const args of [
      ['timeline', hsbCase],
      ['deadlines', '--as-of', '2026-01-01T00:00:00Z'],
      ['attendance', '--as-of', '2025-06-01T00:00:00Z'],
      ['panel', 'scorecard'],
      ['replay', 'event-counts'],
      ['report', hsbCase, '--html', join(dirname(path), 'case.html')],
      ['audit', '--limit', '5'],
      ['audit', '--verify'],
    ]) {
      const r = await cli(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
  });

  it('a stop between destroying a key and recording the event is reported by audit --verify and finished by erase --pending', async () => {
    const vault = await openKeyVault(
      join(dirname(path), 'events.keys.db'),
      masterKeyFromFile(join(dirname(path), 'events.master-key')),
    );
    vault.destroyKey(vault.subjectRef(victimId + '-parent'), 'rule HSB-R1', '2033-01-01T10:00:00Z');
    vault.close();
    const pending = await cli('audit', '--verify');
    expect(pending.code).toBe(1);
    expect(pending.stdout).toContain('erase --pending');
    const finished = await cli('erase', '--pending');
    expect(finished.code, finished.stderr).toBe(0);
    expect((await cli('audit', '--verify')).code).toBe(0);
  });

  it('a wrong master key is a typed error, exit 3, without a stack trace', async () => {
    vi.stubEnv('AIMLINE_MASTER_KEY', 'ab'.repeat(32));
    const r = await runCli(['--store', `sqlite:${path}`, 'timeline', hsbCase]).finally(() =>
      vi.unstubAllEnvs(),
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('was made with master key');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses without --reason (usage, exit 2)', async () => {
    const r = await cli('erase', '--person', victimId);
    expect(r.code).toBe(2);
  });
});
