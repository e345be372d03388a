import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { personalFieldsOf, type PersonalDataCategory } from '@aimline/kernel';
import { demoSteps, runScenarios, type ScenarioStep } from '@aimline/demo';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { domainRegistry, loadCouncilPolicy } from '@aimline/aimline';
import { withEncryption } from '../src/encryption.js';
import { runCli, demoCommand } from './run-cli.js';

const policy = loadCouncilPolicy(undefined);
if (E.isLeft(policy)) throw new Error(policy.left);
const registry = domainRegistry(policy.right);
const DEMO = { seed: 7, cases: 3, years: 1, from: '2024-09-02T09:00:00Z' };

/**
 * Every name, school, phone, email, address and free text the demo records, as sent in its
 * commands. Values that could occur by chance inside base64url ciphertext (one word of letters
 * and digits only) are left out: each value searched holds a space, an @, a dot or the like.
 */
const personalValues = (steps: ReadonlyArray<ScenarioStep>): string[] => {
  const searched: ReadonlyArray<PersonalDataCategory> = [
    'name',
    'school',
    'contact',
    'address',
    'freeText',
  ];
  const values = new Set<string>();
  for (const step of steps) {
    const codec = step.module.commands.codec(step.command.type);
    if (codec === undefined) continue;
    for (const field of personalFieldsOf(codec, step.command.data).fields) {
      let v: unknown = step.command.data;
      for (const k of field.path) v = (v as Record<string | number, unknown>)[k];
      if (
        typeof v === 'string' &&
        searched.includes(field.category) &&
        v.length >= 6 &&
        /[^A-Za-z0-9_-]/.test(v)
      )
        values.add(v);
    }
  }
  return [...values];
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );

/** The plaintext values found in the bytes of the files under `dir` (none, we expect). */
const plaintextIn = (dir: string, values: ReadonlyArray<string>): string[] => {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const v of values) if (bytes.includes(Buffer.from(v, 'utf8'))) found.push(`${file}: ${v}`);
  }
  return found;
};

describe('no plaintext personal data at rest (issue 13 item 4)', () => {
  const { steps } = demoSteps({ ...DEMO, policy: policy.right, modules: registry.modules });
  const values = personalValues(steps);

  it('the demo records hundreds of personal values to look for', () => {
    expect(values.length).toBeGreaterThan(100);
  });

  it('while the store is open, the .db, its -wal and -shm files and the key vault hold none of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aimline-at-rest-'));
    const path = join(dir, 'events.db');
    const { store } = await withEncryption(
      openSqliteEventStore(path, { mode: 'create' }),
      { kind: 'sqlite', path },
      'create',
      registry.modules,
    );
    try {
      const result = await runScenarios(store, steps, () => undefined);
      expect(result.failed).toEqual([]);
      expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
      expect(plaintextIn(dir, values)).toEqual([]);
    } finally {
      await store.dispose();
    }
    expect(plaintextIn(dir, values)).toEqual([]);
  });

  describe('through the CLI', () => {
    let dir: string;
    let cli: (...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;
    let demoStderr: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'aimline-at-rest-cli-'));
      cli = (...args) => runCli(['--store', `sqlite:${join(dir, 'events.db')}`, ...args]);
      const demo = await cli(...demoCommand(DEMO));
      expect(demo.code, demo.stderr).toBe(0);
      demoStderr = demo.stderr;
    });

    it('demo makes a master key file beside the store (mode 0600) and says so', () => {
      const key = join(dir, 'events.master-key');
      expect(existsSync(key)).toBe(true);
      expect(statSync(key).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'events.keys.db')).mode & 0o777).toBe(0o600);
      expect(demoStderr).toContain(key);
    });

    it('the store and the projection snapshots hold no plaintext personal data, and reads decrypt it', async () => {
      const project = await cli(
        '--as',
        'aud-inspector-1',
        'project',
        '--snapshots',
        join(dir, 'projections'),
      );
      expect(project.code, project.stderr).toBe(0);
      expect(readdirSync(join(dir, 'projections')).length).toBeGreaterThan(0);
      expect(plaintextIn(dir, values)).toEqual([]);
      const audit = await cli('--json', '--as', 'aud-inspector-1', 'audit', '--limit', '1');
      expect(audit.code, audit.stderr).toBe(0);
    });
  });
});
