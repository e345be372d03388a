import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoSteps, runScenarios } from '@aimline/demo';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { domainRegistry, loadCouncilPolicy } from '@aimline/aimline';
import { projectionNames, replayPersonalData } from '../src/commands/replay.js';
import { withEncryption } from '../src/encryption.js';
import { asAuditor, runCli } from './run-cli.js';

const policy = loadCouncilPolicy(undefined);
if (E.isLeft(policy)) throw new Error(policy.left);
const registry = domainRegistry(policy.right);
const DEMO = { seed: 11, cases: 4, years: 1, from: '2024-09-02T09:00:00Z' };
/** After every event of the demo: the whole history, reported at one fixed instant. */
const AS_OF = ['--as-of', '2026-01-05T12:00:00Z'];

/**
 * `aimline replay` opens only the personal data each projection's output reads
 * (`replayPersonalData`): from the encrypted demo store it must print what the same history
 * prints when every field is there to read (the same demo history written to a store without
 * encryption, whose fields are all plain).
 */
describe('replay reads only the personal data its output uses (issue 13 item 4)', () => {
  let encrypted: string;
  let plain: string;
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
    const dir = mkdtempSync(join(tmpdir(), 'aimline-replay-personal-'));
    const { steps } = demoSteps({ ...DEMO, policy: policy.right, modules: registry.modules });
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

  it('every projection replay knows declares what it reads', () => {
    expect(Object.keys(replayPersonalData).sort()).toEqual([...projectionNames].sort());
  });

  it.each(projectionNames.filter((p) => p !== 'chain-verification'))(
    'given the demo history, %s prints the same from the encrypted store (only its declared categories opened) as from plain fields',
    async (projection) => {
      expect(await replay(encrypted, projection)).toEqual(await replay(plain, projection));
    },
  );

  it('the deadline report needs the dates of birth it declares: NAT-8 (the end of compulsory school age) is worked out from them', async () => {
    expect(replayPersonalData['deadline-tracker']).toEqual(['dateOfBirth']);
    const byRule = (await replay(encrypted, 'deadline-tracker')) as Record<string, unknown>;
    expect(byRule['NAT-8']).toBeDefined();
  });
});
