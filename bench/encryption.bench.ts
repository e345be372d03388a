/**
 * The cost of encrypting personal data (issue 13 item 4): the same demo history replayed from
 * two SQLite stores, one written plain and one through the encrypting store (every personal
 * field AES-256-GCM under its subject's key, sealed format 2: one box per subject and category
 * per event, the fields a read does not open stored as withheld markers), through
 * the whole read pipeline (read, decrypt,
 * decode, verify the hash chains, fold every projection). Each round replays ABBA (plain,
 * encrypted, encrypted, plain; alternate rounds start encrypted) and its ratio pairs replays made
 * close together; the median round ratio is reported, by wall time and by CPU time (target: at
 * most 1.25). Every encrypted replay opens its key vault afresh, as a new process would (the
 * stores are opened outside the timed replay; the keys a replay needs are loaded within it).
 * Prints, never asserts.
 * 21 rounds by default: a round's ratio varies by ±20% with garbage collection, so a median of 7 is
 * not steady to the second decimal. Smoke mode (a few cases, two rounds): `AIMLINE_BENCH_SMOKE=1 pnpm bench encryption`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  jointPersonalDataUse,
  type EventStore,
  type PersonalDataUse,
} from '../packages/kernel/src/index.js';
import { openSqliteEventStore } from '../packages/store-sqlite/src/index.js';
import { demoSteps, runScenarios } from '../packages/demo/src/index.js';
import {
  erasureModule,
  localMasterKey,
  openEncryptingStore,
  openKeyVault,
  personalFieldsByModule,
} from '../packages/governance/src/index.js';
import {
  appliesTo,
  eventDecoder,
  initialChainVerification,
  verifyNext,
  type Projection,
} from '../packages/projections/src/index.js';
import { domainRegistry, loadCouncilPolicy } from '../packages/aimline/src/index.js';
import { allProjections } from './helpers/replay.js';
import { env, loadNote, log, round } from './helpers/common.js';
import type { Figure } from './helpers/figures.js';

const SMOKE = process.env['AIMLINE_BENCH_SMOKE'] === '1';
const CASES = env('AIMLINE_BENCH_ENCRYPTION_CASES', SMOKE ? 3 : 24);
const YEARS = SMOKE ? 1 : 4;
const ROUNDS = env('AIMLINE_BENCH_ENCRYPTION_ROUNDS', SMOKE ? 2 : 21);

/**
 * What the replayed projections read (`Projection.personalData`), as `aimline replay` reads for
 * each: the read opens only these fields (the plain store returns every field as stored).
 */
const personalDataOf = (projections: ReadonlyArray<Projection<unknown>>): PersonalDataUse =>
  jointPersonalDataUse(
    ...projections.map((p) => {
      if (p.personalData === undefined) throw new Error(`${p.name} declares no personal data`);
      return p.personalData;
    }),
  );

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function run(): Promise<Figure[]> {
  const policy = loadCouncilPolicy(undefined);
  if (policy._tag === 'Left') throw new Error(policy.left);
  const registry = domainRegistry(policy.right);
  const modules = [...registry.modules, erasureModule];
  const personalData = personalDataOf(allProjections(registry));
  const dir = mkdtempSync(join(tmpdir(), 'aimline-bench-encryption-'));
  const master = localMasterKey(randomBytes(32));
  const vaultPath = join(dir, 'events.keys.db');
  const plainPath = join(dir, 'plain.db');
  const encryptedPath = join(dir, 'encrypted.db');
  // Opened as every application opens it: the vault reconciled with the erasures the store
  // records first (`openEncryptingStore`; outside the timed replay, as the plain store's open is).
  const encrypted = async (): Promise<EventStore> =>
    (
      await openEncryptingStore(
        openSqliteEventStore(encryptedPath),
        await openKeyVault(vaultPath, master, 'create'),
        personalFieldsByModule(modules),
        new Date().toISOString(),
      )
    ).store;
  try {
    const { steps } = demoSteps({
      seed: 20_261_123,
      policy: policy.right,
      modules: registry.modules,
      from: '2022-09-05T09:00:00Z',
      years: YEARS,
      cases: CASES,
    });
    for (const open of [async () => openSqliteEventStore(plainPath), encrypted]) {
      const store = await open();
      await runScenarios(store, steps, () => undefined);
      await store.dispose();
    }

    const replay = async (
      store: EventStore,
    ): Promise<{ ms: number; cpuMs: number; events: number }> => {
      const decode = eventDecoder(modules);
      const projections = allProjections(registry);
      const states = projections.map((p) => p.initialState());
      const chains = initialChainVerification();
      let events = 0;
      const cpu = process.cpuUsage();
      const started = performance.now();
      for await (const recorded of store.readAll({ personalData })) {
        events++;
        const decoded = decode(recorded);
        if (decoded._tag === 'Left') throw new Error(decoded.left.message);
        verifyNext(chains, recorded);
        for (let i = 0; i < projections.length; i++) {
          const p = projections[i]!;
          if (appliesTo(p, recorded.stream)) states[i] = p.apply(states[i], decoded.right);
        }
      }
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      if (chains.breaks.length > 0) throw new Error(`${chains.breaks.length} chain breaks`);
      await store.dispose();
      return { ms, cpuMs: (used.user + used.system) / 1000, events };
    };

    // ABBA rounds (plain, encrypted, encrypted, plain; the next round starts encrypted): each
    // round's ratio pairs replays made close together, so a load change mid-run cancels out.
    const plain: number[] = [];
    const withEncryption: number[] = [];
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    let events = 0;
    await replay(openSqliteEventStore(plainPath)); // warm-up
    await replay(await encrypted());
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? [false, true, true, false] : [true, false, false, true];
      const sum = { plain: { ms: 0, cpuMs: 0 }, encrypted: { ms: 0, cpuMs: 0 } };
      for (const isEncrypted of order) {
        const x = await replay(isEncrypted ? await encrypted() : openSqliteEventStore(plainPath));
        if (events !== 0 && x.events !== events)
          throw new Error(`replayed ${x.events} vs ${events} events`);
        events = x.events;
        const into = isEncrypted ? sum.encrypted : sum.plain;
        into.ms += x.ms / 2;
        into.cpuMs += x.cpuMs / 2;
      }
      plain.push(sum.plain.ms);
      withEncryption.push(sum.encrypted.ms);
      ratios.push(sum.encrypted.ms / sum.plain.ms);
      cpuRatios.push(sum.encrypted.cpuMs / sum.plain.cpuMs);
      log(
        `round ${r + 1}: plain ${sum.plain.ms.toFixed(0)} ms, encrypted ${sum.encrypted.ms.toFixed(0)} ms (CPU ratio ${cpuRatios[r]!.toFixed(2)})`,
      );
    }
    const note = `${events} demo events (${CASES} cases per process over ${YEARS} years), ${ROUNDS} ABBA rounds; ${await loadNote()}`;
    const stat = (xs: number[]) => ({
      median: round(median(xs), 3),
      min: round(Math.min(...xs), 3),
      max: round(Math.max(...xs), 3),
      rounds: xs.length,
    });
    return [
      {
        name: 'encryption: replay cost ratio',
        unit: '×',
        ...stat(ratios),
        detail: `full replay (read, decrypt, decode, verify, fold) encrypted / plain, per ABBA round; target ≤ 1.25; ${note}`,
      },
      {
        name: 'encryption: replay CPU-time ratio',
        unit: '×',
        ...stat(cpuRatios),
        detail: `the same rounds by this process's CPU time (user + system), less sensitive to other load on the machine; ${note}`,
      },
      { name: 'encryption: replay plain', unit: 'ms', ...stat(plain), detail: note },
      { name: 'encryption: replay encrypted', unit: 'ms', ...stat(withEncryption), detail: note },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
