import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { demoSteps } from '@aimline/demo';
import { domainRegistry, loadCouncilPolicy } from '@aimline/aimline';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { erasureStream, masterKeyFromFile, openKeyVault, type KeyVault } from '@aimline/governance';
import type { RecordedEvent } from '@aimline/kernel';
import { withEncryption } from '../src/encryption.js';
import { runCli, demoCommand } from './run-cli.js';

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

/** The demo directory's records manager, the one role the default command policy lets erase. */
const RECORDS_MANAGER = 'rm-dpo-1';

describe('aimline erase --person ID --reason TEXT (issue 13 item 4)', () => {
  type Cli = (...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;
  /** Runs as the demo's auditor (reads). */
  let cli: Cli;
  /** Runs as the demo's records manager (erasures). */
  let asRecordsManager: Cli;
  let path: string;
  beforeAll(async () => {
    path = join(mkdtempSync(join(tmpdir(), 'aimline-erase-')), 'events.db');
    cli = (...args) => runCli(['--store', `sqlite:${path}`, '--as', 'aud-inspector-1', ...args]);
    asRecordsManager = (...args) =>
      runCli(['--store', `sqlite:${path}`, '--as', RECORDS_MANAGER, ...args]);
    const demo = await cli(...demoCommand(DEMO));
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

  /** The key vault beside the store, opened with the demo's master key. */
  const withVault = async <T>(f: (vault: KeyVault) => T): Promise<T> => {
    const vault = await openKeyVault(
      join(dirname(path), 'events.keys.db'),
      masterKeyFromFile(join(dirname(path), 'events.master-key')),
    );
    try {
      return f(vault);
    } finally {
      vault.close();
    }
  };

  /** The events of a stream as stored. */
  const storedStream = async (stream: string): Promise<RecordedEvent[]> => {
    const store = openSqliteEventStore(path, { mode: 'read-only' });
    try {
      const out: RecordedEvent[] = [];
      for await (const e of store.readStream(stream)) out.push(e);
      return out;
    } finally {
      await store.dispose();
    }
  };

  it('ERASE-2: given a principal the command policy does not let erase (an auditor), when they erase, then FORBIDDEN (exit 1) naming them and the command, and nothing is destroyed or recorded', async () => {
    const r = await cli('erase', '--person', victimId, '--reason', 'retention rule HSB-R1');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /FORBIDDEN: principal "aud-inspector-1" \(auditor\) may not issue RecordErasure/,
    );
    const ref = await withVault((v) => v.subjectRef(victimId));
    expect(await withVault((v) => v.erasure(ref))).toBeUndefined();
    expect(await storedStream(erasureStream(ref))).toEqual([]);
    expect((await concern()).victim.name).toBe(victimName);
  });

  it('given a person id nothing is held about (a mistyped id), when the records manager erases it, then it is refused (exit 1) naming --person, and nothing is destroyed or recorded', async () => {
    const mistyped = `${victimId}0`;
    const r = await asRecordsManager('erase', '--person', mistyped, '--reason', 'typo check');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^aimline: --person: no personal data of that person is held/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const ref = await withVault((v) => v.subjectRef(mistyped));
    expect(await withVault((v) => v.erasure(ref))).toBeUndefined();
    expect(await withVault((v) => v.pendingErasures())).toEqual([]);
    expect(await storedStream(erasureStream(ref))).toEqual([]);
    expect((await concern()).victim.name).toBe(victimName);
  });

  it('erases the victim: their name reads as [erased:name]; erasing again is idempotent', async () => {
    expect((await concern()).victim.name).toBe(victimName);

    const erased = await asRecordsManager(
      '--json',
      'erase',
      '--person',
      victimId,
      '--reason',
      'retention rule HSB-R1',
    );
    expect(erased.code, erased.stderr).toBe(0);
    const outcome = JSON.parse(erased.stdout) as { subjectRef: string };
    expect(outcome).toMatchObject({ erasedBy: RECORDS_MANAGER, key: 'destroyed', recorded: true });
    // The principal (--as) is the recorded actor, not the operating-system account.
    const [recorded] = await storedStream(erasureStream(outcome.subjectRef));
    expect(recorded?.metadata.actor).toEqual({
      id: RECORDS_MANAGER,
      role: 'records-manager',
      agency: 'council',
    });
    const again = await asRecordsManager(
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

  it('ERASE-1: given the erased victim, when a new case reuses their person id, then exec refuses it (exit 1) naming the rule and the field, and appends nothing', async () => {
    const concernStep = steps.find(
      (s) =>
        s.command.type === 'ReportConcern' &&
        (s.command.data as { caseId?: string }).caseId === hsbCase,
    )!;
    const newCase = `${hsbCase}-reused-id`;
    const directory = JSON.parse(readFileSync(`${path}.principals.json`, 'utf8')) as {
      principals: Array<{ id: string; role: string }>;
    };
    const socialWorker = directory.principals.find((p) => p.role === 'social-worker')!.id;
    const file = join(dirname(path), 'reused-id.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({
        commandId: randomUUID(),
        type: 'ReportConcern',
        at: concernStep.command.at,
        data: { ...(concernStep.command.data as object), caseId: newCase },
      })}\n`,
    );
    const r = await runCli(['--store', `sqlite:${path}`, '--as', socialWorker, 'exec', file]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('ERASE-1');
    expect(r.stdout).toContain('data.victim');
    expect(r.stderr).not.toMatch(/KeyError|\n\s+at /);
    expect(await storedStream(`hsb-case-${newCase}`)).toEqual([]);
  });

  it('after erasing a pupil and a victim, every read command still works and audit --verify passes', async () => {
    const erased = await asRecordsManager(
      'erase',
      '--person',
      pupilId,
      '--reason',
      'retention rule ATT-R1',
    );
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
    expect((await cli('erase', '--pending')).code).toBe(1); // FORBIDDEN for the auditor
    const finished = await asRecordsManager('erase', '--pending');
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
    const r = await asRecordsManager('erase', '--person', victimId);
    expect(r.code).toBe(2);
  });
});
