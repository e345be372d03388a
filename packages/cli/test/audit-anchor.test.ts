import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

    // The anchor altered (more events than the store has): only its signature is reported, no
    // events missing or added are made up from its unverified members.
    const anchor = JSON.parse(readFileSync(anchorFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(anchorFile, JSON.stringify({ ...anchor, count: 90_000 }), { mode: 0o600 });
    const altered = await verify();
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain(
      'TAMPERING OR LOSS DETECTED (1):\n  the anchor signature does not verify with this public key',
    );
    expect(altered.stdout).not.toContain('missing');
    expect(altered.stdout).not.toContain('added after the anchor');
  }, 120_000);

  it('given anchor files with a member given twice, an unknown member or a member of the wrong type, or a public key file holding the private key, then audit --verify is exit 2 naming the file and the member or flag (JSON.parse kept the last member and ignored unknown ones, and the public key was derived from a private one)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aimline-anchor-strict-'));
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signing = join(dir, 'anchor.key');
    const pub = join(dir, 'anchor.pub');
    writeFileSync(signing, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(pub, publicKey.export({ type: 'spki', format: 'pem' }));
    const store = ['--store', `sqlite:${join(dir, 'events.db')}`];
    expect((await runCli([...store, 'init'])).code).toBe(0);
    const anchorFile = join(dir, 'anchor.json');
    expect(
      (await runCli([...store, 'audit', 'anchor', '--out', anchorFile, '--signing-key', signing]))
        .code,
    ).toBe(0);
    const check = (file: string, key = pub) =>
      runCli([...store, 'audit', '--verify', '--anchor', file, '--public-key', key]);
    expect((await check(anchorFile)).code).toBe(0);

    const good = readFileSync(anchorFile, 'utf8');
    const anchor = JSON.parse(good) as Record<string, unknown>;
    for (const [text, named] of [
      [good.replace('"count": 0,', '"count": 0, "count": 7,'), 'count: given more than once'],
      [JSON.stringify({ ...anchor, note: 'Ash Invented' }), 'note'],
      [JSON.stringify({ ...anchor, count: '0' }), 'count: expected a whole count, got a string'],
      [JSON.stringify({ ...anchor, format: 'aimline-access-log-anchor/1' }), 'format'],
    ] as const) {
      const file = join(dir, 'bad-anchor.json');
      writeFileSync(file, text);
      const r = await check(file);
      expect(r.code, text).toBe(2);
      expect(r.stderr).toContain(`cannot read the anchor ${file}: `);
      expect(r.stderr).toContain(named);
      expect(r.stderr).not.toMatch(/Ash Invented|unexpected error|\n\s+at /);
    }
    const privateAsPublic = await check(anchorFile, signing);
    expect(privateAsPublic.code).toBe(2);
    expect(privateAsPublic.stderr).toContain(
      `the anchor public key ${signing} (--public-key): not an Ed25519 public key: expected one PEM block "PUBLIC KEY"`,
    );
    const publicAsSigning = await runCli([
      ...store,
      'audit',
      'anchor',
      '--out',
      join(dir, 'another.json'),
      '--signing-key',
      pub,
    ]);
    expect(publicAsSigning.code).toBe(2);
    expect(publicAsSigning.stderr).toContain(
      `the anchor signing key ${pub} (--signing-key): not an Ed25519 private key`,
    );
  }, 60_000);
});
