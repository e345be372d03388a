/**
 * `aimline access-log anchor` and `access-log --verify --anchor` (issue 13 item 3): what the
 * access log's own chain cannot show — entries cut from its end, an older copy restored, every
 * MAC stripped — is shown against a signed anchor kept elsewhere, checked with the public key
 * alone; a forged or altered anchor is refused. Invented people only.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseHistory, caseTeamWorkspace, commandLines, quorinCase } from './case-team.js';

const { caseLine } = commandLines('a2c40b11');
const opened = caseHistory(caseLine, 1, quorinCase).opened;

describe('aimline access-log anchor and access-log --verify --anchor (issue 13 item 3)', () => {
  const { dir, cli, as, execAs } = caseTeamWorkspace('aimline-access-log-anchor-', [
    'hsb-case-C-9',
  ]);
  const log = join(dir, 'events.db.access-log.jsonl');
  const signing = join(dir, 'anchor.key');
  const pub = join(dir, 'anchor.pub');
  const otherPub = join(dir, 'other.pub');
  const anchorFile = join(dir, 'access-anchor.json');

  const read = (purpose: string) => cli(...as('sw-1'), '--purpose', purpose, 'timeline', 'C-9');
  const verify = (...extra: string[]) =>
    cli('access-log', '--verify', '--anchor', anchorFile, '--public-key', pub, ...extra);
  const lines = () =>
    readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
  const rewrite = (kept: ReadonlyArray<string>) =>
    writeFileSync(log, kept.map((l) => `${l}\n`).join(''));

  beforeAll(async () => {
    process.env['AIMLINE_CHAIN_KEY'] = randomBytes(32).toString('hex');
    const keys = generateKeyPairSync('ed25519');
    writeFileSync(signing, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(pub, keys.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(
      otherPub,
      generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }),
    );
    expect((await execAs('sw-1', 'opened.jsonl', opened)).code).toBe(0);
    for (const purpose of ['case supervision', 'court report', 'review'])
      expect((await read(purpose)).code).toBe(0);
  }, 60_000);
  afterAll(() => {
    delete process.env['AIMLINE_CHAIN_KEY'];
  });

  it('given a log of three reads, when it is anchored, then the anchor file (mode 0600) states the log, its last entry and the MACs it covers, signed; and an existing --out is refused unless --overwrite', async () => {
    const r = await cli('access-log', 'anchor', '--out', anchorFile, '--signing-key', signing);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(
      `anchor of the access log ${log} up to entry 2 written to ${anchorFile}`,
    );
    expect(statSync(anchorFile).mode & 0o777).toBe(0o600);
    const written = readFileSync(anchorFile, 'utf8');
    const anchor = JSON.parse(written) as Record<string, unknown>;
    expect(Object.keys(anchor).sort()).toEqual([
      'createdAt',
      'format',
      'hash',
      'log',
      'macsFrom',
      'seq',
      'signature',
    ]);
    expect(anchor).toMatchObject({
      format: 'aimline-access-log-anchor/1',
      log,
      seq: 2,
      macsFrom: 0,
    });

    const again = await cli('access-log', 'anchor', '--out', anchorFile, '--signing-key', signing);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      `--out: ${anchorFile} exists already; give --overwrite to replace it`,
    );
    expect(readFileSync(anchorFile, 'utf8')).toBe(written);
    const replaced = await cli(
      'access-log',
      'anchor',
      '--out',
      anchorFile,
      '--overwrite',
      '--signing-key',
      signing,
    );
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(statSync(anchorFile).mode & 0o777).toBe(0o600);
  });

  it('given a log named by a relative --access-log, then the anchor names it by its absolute path', async () => {
    const out = join(dir, 'relative-anchor.json');
    const r = await cli(
      '--access-log',
      relative(process.cwd(), log),
      'access-log',
      'anchor',
      '--out',
      out,
      '--signing-key',
      signing,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ log, seq: 2 });
  });

  it('given the anchored log and a read recorded after, then --verify against the anchor passes with the public key alone, and says one entry came after', async () => {
    expect((await read('case conference')).code).toBe(0);
    const r = await verify();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `verified 4 entries of the access log ${log}: its hash chain intact, every MAC verified, everything up to the anchor (entry 2) as anchored`,
    );
    expect(r.stdout).toContain('note: 1 entries recorded after the anchor');
  });

  it('given the last two entries cut from the end, then the log alone verifies as before, and against the anchor it is exit 1 naming the anchored entry and where the log now ends (seq)', async () => {
    const all = lines();
    rewrite(all.slice(0, 2));
    const alone = await cli('access-log', '--verify');
    expect(alone.code, alone.stdout).toBe(0);
    expect(alone.stdout).toContain('note: no anchor given');
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^ACCESS LOG ALTERED \(1\):\n {2}anchor seq: the anchored entry 2 is not in the log, which ends at entry 1 \([^)]+\): entry 2 cut from its end, or an older copy restored\n/,
    );
    rewrite(all);
  });

  it('given an older copy restored (the first entry) and reads recorded after it, then against the anchor entry 2 is not the one anchored (hash), exit 1', async () => {
    const all = lines();
    rewrite(all.slice(0, 1));
    for (const purpose of ['restored 1', 'restored 2']) expect((await read(purpose)).code).toBe(0);
    expect((await cli('access-log', '--verify')).code).toBe(0);
    const r = await verify('--json');
    expect(r.code).toBe(1);
    const answer = JSON.parse(r.stdout) as { ok: boolean; problems: string[] };
    expect(answer.problems).toEqual([
      'anchor hash: entry 2 is not the entry anchored (its hash differs): an older copy of the log restored, or the log rewritten up to it',
    ]);
    rewrite(all);
  });

  it('given every MAC stripped, then --verify with the chain key reads it as written before a key was set, and against the anchor (no chain key needed) the entries are named (macsFrom), exit 1', async () => {
    const all = lines();
    rewrite(
      all.map((l) => {
        const { mac: _mac, ...e } = JSON.parse(l) as Record<string, unknown>;
        return JSON.stringify(e);
      }),
    );
    expect((await cli('access-log', '--verify')).code).toBe(0);
    const key = process.env['AIMLINE_CHAIN_KEY'];
    delete process.env['AIMLINE_CHAIN_KEY'];
    const r = await verify();
    process.env['AIMLINE_CHAIN_KEY'] = key;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'anchor macsFrom: entries 0 to 2 have no MAC, though every entry from entry 0 to entry 2 carried one when anchored (removed)',
    );
    rewrite(all);
  });

  it('given the anchor checked with another public key, or altered after signing, then its signature is refused (exit 1)', async () => {
    const wrongKey = await cli(
      'access-log',
      '--verify',
      '--anchor',
      anchorFile,
      '--public-key',
      otherPub,
    );
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toContain(
      'anchor signature: the anchor signature does not verify with this public key (the anchor forged or altered, or another key)',
    );
    const anchor = JSON.parse(readFileSync(anchorFile, 'utf8')) as Record<string, unknown>;
    const altered = join(dir, 'altered-anchor.json');
    writeFileSync(
      altered,
      JSON.stringify({
        ...anchor,
        seq: 1,
        hash: (JSON.parse(lines()[1]!) as { hash: string }).hash,
      }),
    );
    const r = await cli('access-log', '--verify', '--anchor', altered, '--public-key', pub);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('anchor signature: the anchor signature does not verify');
    writeFileSync(altered, JSON.stringify({ ...anchor, seq: 41 }));
    const claims = await cli('access-log', '--verify', '--anchor', altered, '--public-key', pub);
    expect(claims.code).toBe(1);
    expect(claims.stdout).toContain('ACCESS LOG ALTERED (1):');
    expect(claims.stdout).not.toContain('cut');
    // Nor a note from what a forged anchor claims about the log it was taken of.
    writeFileSync(altered, JSON.stringify({ ...anchor, log: '/elsewhere/access.log' }));
    const elsewhere = await cli('access-log', '--verify', '--anchor', altered, '--public-key', pub);
    expect(elsewhere.code).toBe(1);
    expect(`${elsewhere.stdout}${elsewhere.stderr}`).not.toContain('/elsewhere/access.log');
  });

  it('given anchor files with a member given twice, an unknown member, a member of the wrong type, a store anchor, or a key file that is not an Ed25519 public key, then each is exit 2 naming the file and the member or flag, quoting no value', async () => {
    const good = readFileSync(anchorFile, 'utf8');
    const anchor = JSON.parse(good) as Record<string, unknown>;
    const cases: Array<[string, string]> = [
      [good.replace('"seq": 2,', '"seq": 2, "seq": 1,'), 'seq: given more than once'],
      [JSON.stringify({ ...anchor, purpose: 'Ash Invented' }), 'purpose'],
      [
        JSON.stringify({ ...anchor, seq: '2' }),
        'seq: expected a sequence number (a whole number from 0), got a string',
      ],
      [JSON.stringify({ ...anchor, format: 'aimline-anchor/1' }), 'format'],
      ['{"format":', 'it is not JSON'],
    ];
    for (const [text, named] of cases) {
      const file = join(dir, 'bad-anchor.json');
      writeFileSync(file, text);
      const r = await cli('access-log', '--verify', '--anchor', file, '--public-key', pub);
      expect(r.code, text).toBe(2);
      expect(r.stderr).toContain(`cannot read the access-log anchor ${file}: `);
      expect(r.stderr).toContain(named);
      expect(r.stderr).not.toMatch(/Ash Invented|unexpected error|\n\s+at /);
    }
    const r = await cli('access-log', '--verify', '--anchor', anchorFile, '--public-key', signing);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `the anchor public key ${signing} (--public-key): not an Ed25519 public key: expected one PEM block "PUBLIC KEY"`,
    );
    expect(r.stderr).not.toContain('BEGIN');
  });

  it('given nothing to do, or flags of one form given to another, then access-log is exit 2 saying what it takes', async () => {
    for (const args of [
      ['access-log'],
      ['access-log', '--verify', '--person', 'ch-1'],
      ['access-log', 'anchor', '--verify'],
      ['access-log', '--anchor', anchorFile],
      ['access-log', 'anchor'],
      ['access-log', 'unanchor', '--out', join(dir, 'x.json')],
    ]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^aimline: access-log/);
    }
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});
