/**
 * A .NET console client (client/Program.cs, no NuGet packages) against a real Aimline HTTP API
 * started here: `dotnet build`, then `dotnet AimlineClient.dll` with the API's URL and a token
 * from a test identity provider. The build output stays in client/bin and client/obj
 * (gitignored), so a second run only checks it is current. Skipped, loudly, where no .NET SDK
 * is installed (never on the project's machines, which have .NET 10).
 */
import { execFileSync, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAimline, type Principal } from '@aimline/aimline';
import { parseDirectory } from '@aimline/governance';
import { createHttpApi, jwtAuthenticator } from '@aimline/http';
import { InMemoryEventStore } from '@aimline/kernel';

const project = join(import.meta.dirname, '..', 'client');
const output = join(project, 'bin', 'test');

const dotnetVersion = (): string | undefined => {
  try {
    return execFileSync('dotnet', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
};
const version = dotnetVersion();
if (version === undefined)
  console.warn(
    'SKIPPED: the .NET client example needs the .NET SDK (`dotnet`), which is not installed here',
  );

const dotnetEnv = {
  ...process.env,
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
  DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
};

const run = (args: string[], env: NodeJS.ProcessEnv = dotnetEnv) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn('dotnet', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });

describe.skipIf(version === undefined)('the .NET console client', () => {
  const principal: Principal = {
    id: 'sw-net-1',
    role: 'social-worker',
    agency: 'childrens-social-care',
    streams: [],
    panels: [],
  };
  let url = '';
  let token = '';
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'net-1', alg: 'ES256' };
    const issuer = 'https://idp.test.invalid/council';
    // The client reports a case with an id of its own making, then reads it back: the council's
    // read rules (policy data) let this duty social worker read every HSB case (need to know).
    const directory = parseDirectory({
      council: 'Invented Borough Council',
      principals: [principal],
      reads: {
        extend: {
          'social-worker': [
            {
              module: 'hsb-case',
              streams: 'all',
              events: 'all',
              categories: ['name', 'dateOfBirth', 'school', 'freeText'],
              subjects: 'all',
            },
          ],
        },
      },
    });
    if (E.isLeft(directory)) throw new Error(directory.left.message);
    const aimline = createAimline({
      store: new InMemoryEventStore(),
      clock: () => '2026-03-02T10:05:00Z',
      principals: directory.right,
    });
    const app = await createHttpApi({
      aimline,
      authenticate: await jwtAuthenticator({
        issuer,
        audience: 'aimline-api',
        keys: { kind: 'jwks', jwks: { keys: [jwk] } },
      }),
      resolvePrincipal: (id) =>
        id === principal.id
          ? E.right(principal)
          : E.left({ kind: 'UnknownPrincipal', message: `${id} is not in the directory` }),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    close = async () => {
      await app.close();
      await aimline.close();
    };
    token = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'net-1' })
      .setSubject(principal.id)
      .setIssuer(issuer)
      .setAudience('aimline-api')
      .setExpirationTime('10m')
      .sign(privateKey);
  });
  afterAll(() => close());

  it('builds with dotnet build (warnings are errors)', async () => {
    const build = await run(['build', project, '-c', 'Release', '-o', output, '-v', 'q']);
    expect([build.code, build.out]).toEqual([0, expect.stringContaining('0 Error(s)')]);
  }, 180_000);

  it('reports a concern, gets a problem with field paths, reads deadlines, and is refused without a token', async () => {
    const client = await run([join(output, 'AimlineClient.dll')], {
      ...dotnetEnv,
      AIMLINE_URL: url,
      AIMLINE_TOKEN: token,
    });
    console.log(client.out);
    expect(client.out).not.toContain('FAIL');
    expect(client.out).toContain('ok   ReportConcern: 201 ConcernReported');
    expect(client.out).toContain(
      'invalid command: 400 urn:aimline:problem:invalid [data.child.nickname]',
    );
    expect(client.out).toContain('dotnet client: all checks passed');
    expect(client.code).toBe(0);
  }, 60_000);
});
