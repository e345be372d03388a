/**
 * `aimline serve`: flags are parsed strictly (exit 2 naming the flag); the server starts on
 * loopback, answers with the council directory's principals and command policy, and stops on
 * SIGTERM with exit code 0. The server runs as a real process, as an operator would start it.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ISSUER = 'https://idp.test.invalid/council';
const AUDIENCE = 'aimline-api';
let dir: string;
let sign: (subject: string) => Promise<string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aimline-serve-'));
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  await writeFile(join(dir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
  await writeFile(
    join(dir, 'principals.json'),
    JSON.stringify({
      council: 'Testshire',
      principals: [
        {
          id: 'sw-1',
          role: 'social-worker',
          agency: 'childrens-social-care',
          streams: [],
          panels: [],
        },
        { id: 'aud-1', role: 'auditor', agency: 'Testshire Council', streams: [], panels: [] },
      ],
    }),
  );
  sign = (subject) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(privateKey);
});

const flags = () => [
  '--principals',
  join(dir, 'principals.json'),
  '--jwt-issuer',
  ISSUER,
  '--jwt-audience',
  AUDIENCE,
  '--jwt-keys',
  join(dir, 'jwks.json'),
];

describe('aimline serve: flags', () => {
  it.each([
    [['--port', '70000'], '--port'],
    [['--port', '80a'], '--port'],
    [['--host', 'localhost'], '--host'],
    [['--jwks-url', 'http://idp.example/jwks'], '--jwks-url'],
    [['--max-body-bytes', '0'], '--max-body-bytes'],
  ])('refuses %j with exit 2 naming the flag', async (extra, flag) => {
    const r = await runCli(['--store', 'memory:', 'serve', ...flags(), ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(flag);
  });

  it('refuses a missing directory, both key sources, or none', async () => {
    const noDirectory = await runCli(['--store', 'memory:', 'serve', ...flags().slice(2)]);
    expect([noDirectory.code, noDirectory.stderr]).toEqual([
      2,
      expect.stringContaining('--principals'),
    ]);
    const both = await runCli([
      '--store',
      'memory:',
      'serve',
      ...flags(),
      '--jwks-url',
      'https://idp.example/jwks',
    ]);
    expect([both.code, both.stderr]).toEqual([
      2,
      expect.stringContaining('exactly one of --jwks-url and --jwt-keys'),
    ]);
  });
});

describe('aimline serve: a running server', () => {
  let url = '';
  let child: ReturnType<typeof spawn>;
  /** The server's request log (stderr): one JSON line per request. */
  let logged = '';
  const exited = () =>
    new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  beforeAll(async () => {
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@aimline/source',
        'packages/cli/src/main.ts',
        '--store',
        'memory:',
        'serve',
        '--port',
        '0',
        ...flags(),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stderr!.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
  }, 60_000);
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('listens on loopback and serves the OpenAPI document without a token', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
  });

  const command = {
    commandId: randomUUID(),
    at: '2026-06-01T09:00:00Z',
    data: {
      caseId: 'serve-1',
      disclosedAt: '2026-06-01T08:00:00Z',
      behaviourDate: '2026-05-30',
      child: { childId: 'c-1', name: 'Sam Madeupname', dateOfBirth: '2014-02-01' },
      notifications: {
        childrensSocialCare: '2026-06-01T08:20:00Z',
        police: '2026-06-01T08:30:00Z',
      },
      summary: 'Invented concern.',
    },
  };
  let posted = 0;
  const post = async (subject: string) =>
    fetch(`${url}/v1/hsb/commands/ReportConcern`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await sign(subject)}`,
        'content-type': 'application/json',
      },
      // Each post reports a new case (serve-1, serve-2 …): one accepted is never a duplicate.
      body: JSON.stringify({
        ...command,
        commandId: randomUUID(),
        data: { ...command.data, caseId: `serve-${++posted}` },
      }),
    });

  it("answers by the directory's command policy: the auditor may not report a concern (403)", async () => {
    expect((await post('aud-1')).status).toBe(403);
    expect((await post('nobody')).status).toBe(403);
    expect((await post('sw-1')).status).toBe(201);
  });

  it('applies the directory in force: a leaver removed from the file is refused from the next request on, without a restart', async () => {
    const file = join(dir, 'principals.json');
    const before = await readFile(file, 'utf8');
    const directory = JSON.parse(before) as { principals: Array<{ id: string }> };
    await writeFile(
      file,
      JSON.stringify({
        ...directory,
        principals: directory.principals.filter((p) => p.id !== 'sw-1'),
      }),
    );
    try {
      expect((await post('sw-1')).status).toBe(403);
      expect((await post('aud-1')).status).toBe(403);
    } finally {
      await writeFile(file, before);
    }
    expect((await post('sw-1')).status).toBe(201);
  });

  it('answers 503 with a clear problem while the file does not parse, and logs the fields at fault, never their values', async () => {
    const file = join(dir, 'principals.json');
    const before = await readFile(file, 'utf8');
    const directory = JSON.parse(before) as { principals: Array<{ role: string }> };
    const faults = () =>
      logged
        .split('\n')
        .filter((line) => line.includes('DirectoryUnavailable'))
        .map((line) => JSON.parse(line) as { status: number; fault: string });
    await writeFile(
      file,
      JSON.stringify({
        ...directory,
        principals: directory.principals.map((p, i) =>
          i === 0 ? { ...p, role: 'Janet Notreal' } : p,
        ),
      }),
    );
    try {
      const invalid = await post('sw-1');
      expect(invalid.status).toBe(503);
      expect(await invalid.json()).toMatchObject({
        type: 'urn:aimline:problem:directory-unavailable',
        title: 'Council directory unavailable',
      });
      await writeFile(file, '{ "council": "Testshire", "principals": [ Janet');
      expect((await post('aud-1')).status).toBe(503);
    } finally {
      await writeFile(file, before);
    }
    expect((await post('sw-1')).status).toBe(201);
    await expect.poll(() => faults().length, { timeout: 10_000 }).toBe(2);
    expect(faults()).toEqual([
      {
        ...faults()[0],
        status: 503,
        fault: `${file} is not a valid directory; fields at fault: principals.0.role (any aimline command given --principals ${file} prints why)`,
      },
      { ...faults()[1], status: 503, fault: `${file}: it is not JSON` },
    ]);
    expect(logged).not.toContain('Janet');
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const done = exited();
    child.kill('SIGTERM');
    expect(await done).toBe(0);
  });
});
