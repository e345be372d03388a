import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCommand, runCli } from './run-cli.js';

afterEach(() => {
  delete process.env['AIMLINE_CHAIN_KEY'];
});

describe('aimline audit: keyed global chain and signed anchors', () => {
  it('anchors a store, verifies it against the anchor with the public key alone (also read-only), and lists what was added after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aimline-anchor-'));
    const chainKey = randomBytes(32).toString('hex');
    process.env['AIMLINE_CHAIN_KEY'] = chainKey;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signing = join(dir, 'anchor.key');
    const pub = join(dir, 'anchor.pub');
    writeFileSync(signing, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(pub, publicKey.export({ type: 'spki', format: 'pem' }));
    const db = join(dir, 'events.db');
    const store = ['--store', `sqlite:${db}`];
    expect((await runCli([...store, 'demo', '--cases', '1', '--years', '1'])).code).toBe(0);
    const anchorFile = join(dir, 'anchor.json');
    const anchored = await runCli([
      ...store,
      'audit',
      'anchor',
      '--out',
      anchorFile,
      '--signing-key',
      signing,
    ]);
    expect(anchored.code, anchored.stderr).toBe(0);

    const verify = (...extra: string[]) =>
      runCli([
        ...store,
        ...extra,
        'audit',
        '--verify',
        '--anchor',
        anchorFile,
        '--public-key',
        pub,
      ]);
    const ok = await verify();
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('global chain and its head intact');
    expect(ok.stdout).toContain('SQLite integrity_check ok');

    // An evidence copy, read-only, checked with the public key alone (no chain key).
    const evidence = join(dir, 'evidence.db');
    copyFileSync(db, evidence);
    delete process.env['AIMLINE_CHAIN_KEY'];
    const copyCheck = await runCli([
      '--store',
      `sqlite:${evidence}`,
      '--read-only',
      'audit',
      '--verify',
      '--anchor',
      anchorFile,
      '--public-key',
      pub,
    ]);
    expect(copyCheck.code, copyCheck.stdout + copyCheck.stderr).toBe(0);
    expect(copyCheck.stdout).toContain('no chain key set');

    process.env['AIMLINE_CHAIN_KEY'] = randomBytes(32).toString('hex'); // another key
    const wrongKey = await verify();
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toContain('not authenticated by the chain key');

    process.env['AIMLINE_CHAIN_KEY'] = chainKey;
    const more = await runCli([
      ...store,
      ...demoCommand({ cases: 1, years: 1, seed: 7, from: '2030-01-07T09:00:00Z' }),
    ]);
    expect(more.code, more.stderr).toBe(0);
    const grown = await verify();
    expect(grown.code, grown.stdout).toBe(0);
    expect(grown.stdout).toMatch(/\d+ event\(s\) added after the anchor: \d+ /);
  }, 120_000);
});
