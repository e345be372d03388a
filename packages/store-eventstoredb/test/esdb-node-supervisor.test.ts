import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EsdbNode, singleNodeSettings, TRUNCATION_RESTARTS } from './support/esdb-node.js';
import { waitUntil } from './support/real-server-helpers.js';

// The test nodes' supervisor (test/support/esdb-node.ts), run against a stand-in executable
// (test/fixtures/fake-esdb-node.mjs) that follows a plan: no server is needed. A real node
// that stops with "TRUNCATION IS NEEDED" is started again, at most TRUNCATION_RESTARTS times
// per start(), whether it stopped while start() waited for it or later, under supervision.

const FAKE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'fake-esdb-node.mjs');
const dir = mkdtempSync(join(tmpdir(), 'aimline-esdb-supervisor-'));
const nodes: EsdbNode[] = [];
afterEach(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  nodes.length = 0;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let made = 0;
/** A node whose executable is the stand-in following `plan` (one behaviour per launch). */
const nodeFollowing = async (plan: ReadonlyArray<string>): Promise<EsdbNode> => {
  const base = join(dir, `node${made++}`);
  writeFileSync(`${base}.plan`, `${plan.join('\n')}\n`);
  writeFileSync(
    `${base}.sh`,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(FAKE)} ${JSON.stringify(`${base}.plan`)} "$@"\n`,
  );
  chmodSync(`${base}.sh`, 0o755);
  const node = new EsdbNode(await singleNodeSettings(`${base}.sh`));
  nodes.push(node);
  return node;
};

const launches = (node: EsdbNode): number =>
  node.history.filter((h) => /^pid \d+ started$/.test(h)).length;

const gaveUp = (node: EsdbNode): Promise<void> =>
  waitUntil(
    () => node.failure !== undefined,
    () => `the node to stop being restarted (history: ${node.history.join('; ')})`,
    120_000,
    50,
  );

describe('EsdbNode supervision (test support)', () => {
  it(`restarts a node that stops for truncation at most ${TRUNCATION_RESTARTS} times per start(), counting restarts during the start and under supervision together`, async () => {
    // Two stops before it is live, then every launch is live for a moment and stops again.
    const node = await nodeFollowing([
      'truncate-at-start',
      'truncate-at-start',
      'serve-then-truncate',
    ]);
    await node.start();
    await gaveUp(node);
    expect(launches(node)).toBe(1 + TRUNCATION_RESTARTS);
    expect(node.history.filter((h) => h.endsWith('started again'))).toHaveLength(
      TRUNCATION_RESTARTS,
    );
    expect(node.failure).toContain(
      `${TRUNCATION_RESTARTS} of at most ${TRUNCATION_RESTARTS} restarts for truncation since start()`,
    );
    expect(node.failure).toContain('TRUNCATION IS NEEDED');
  });

  it('refuses a start whose node stops for truncation once more than it may be restarted', async () => {
    const node = await nodeFollowing(['truncate-at-start']);
    await expect(node.start()).rejects.toThrow(
      `${TRUNCATION_RESTARTS} of at most ${TRUNCATION_RESTARTS} restarts for truncation since start()`,
    );
    expect(launches(node)).toBe(1 + TRUNCATION_RESTARTS);
  });

  it('gives every start() its own allowance of restarts', async () => {
    const node = await nodeFollowing([
      'serve-then-truncate',
      'serve-then-truncate',
      'serve-then-truncate',
      'serve-then-truncate',
      'serve',
    ]);
    await node.start();
    await gaveUp(node);
    expect(launches(node)).toBe(1 + TRUNCATION_RESTARTS);
    await node.start();
    expect(node.failure).toBeUndefined();
    expect(node.running).toBe(true);
    expect(launches(node)).toBe(2 + TRUNCATION_RESTARTS);
  });

  it('never restarts a node that exits by itself for any other reason, and reports why', async () => {
    const node = await nodeFollowing(['serve-until-crash', 'serve']);
    await node.start();
    await fetch(`http://${node.endpoint}/fake/crash`);
    await gaveUp(node);
    expect(launches(node)).toBe(1);
    expect(node.failure).toMatch(/exited \(code 1, signal null\) by itself/);
    expect(node.failure).toContain('the disk is on fire');
  });
});
