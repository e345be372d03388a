/**
 * Principals come from a verified JWT: signature, issuer, audience and expiry are checked with
 * the identity provider's keys (a JWKS URL, a JWKS file or a PEM key file); anything else is
 * Unauthenticated with a reason that echoes nothing of the token.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import {
  IdentityProviderUnavailable,
  jwtAuthenticator,
  jwtKeysFromFile,
  type Authenticate,
} from '../src/auth/jwt.js';
import { serveJwks, testIssuer, TEST_AUDIENCE, TEST_ISSUER } from './support/test-issuer.js';

const issuer = await testIssuer();
const impostor = await testIssuer();
const jwks = await serveJwks(issuer.jwks);
afterAll(() => jwks.close());

const options = { issuer: TEST_ISSUER, audience: TEST_AUDIENCE };
const viaUrl = await jwtAuthenticator({ ...options, keys: { kind: 'jwksUrl', url: jwks.url } });
const bearer = async (auth: Authenticate, token: string) => auth(`Bearer ${token}`);
const reason = (r: E.Either<{ reason: string }, string>): string =>
  E.isLeft(r) ? r.left.reason : `accepted ${r.right}`;

describe('jwtAuthenticator', () => {
  it("accepts a token signed by the provider's key and gives its subject", async () => {
    expect(await bearer(viaUrl, await issuer.token('sw.jones'))).toEqual(E.right('sw.jones'));
    expect(jwks.fetches()).toBeGreaterThan(0);
  });

  it('refuses a token signed by another key', async () => {
    expect(reason(await bearer(viaUrl, await impostor.token('sw.jones')))).toBe(
      'the token signature does not verify',
    );
  });

  it('refuses an expired token, another issuer and another audience, naming the claim', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect(reason(await bearer(viaUrl, await issuer.token('a', { expiresAt: past })))).toBe(
      'the token has expired',
    );
    expect(reason(await bearer(viaUrl, await issuer.token('a', { issuer: 'https://x' })))).toBe(
      'the token\'s "iss" claim is not accepted',
    );
    expect(reason(await bearer(viaUrl, await issuer.token('a', { audience: 'other' })))).toBe(
      'the token\'s "aud" claim is not accepted',
    );
  });

  it('refuses a missing header, another scheme and a token that is not a JWT', async () => {
    expect(reason(await viaUrl(undefined))).toBe('no Authorization header');
    expect(reason(await viaUrl('Basic dXNlcjpwYXNz'))).toBe(
      'expected "Authorization: Bearer <JWT>"',
    );
    expect(reason(await viaUrl('Bearer e30.e30.'))).toBe('expected "Authorization: Bearer <JWT>"');
    expect(reason(await viaUrl('Bearer e30.e30.c2ln'))).toBe('the token is not a valid JWT');
  });

  it('reads the keys from a JWKS file or a PEM public key file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aimline-jwt-'));
    await writeFile(join(dir, 'jwks.json'), JSON.stringify(issuer.jwks));
    await writeFile(join(dir, 'key.pem'), issuer.spkiPem);
    await writeFile(join(dir, 'junk.txt'), 'not a key');
    for (const file of ['jwks.json', 'key.pem']) {
      const keys = await jwtKeysFromFile(join(dir, file), 'ES256');
      const auth = await jwtAuthenticator({ ...options, keys });
      expect(await bearer(auth, await issuer.token('lead.patel'))).toEqual(E.right('lead.patel'));
    }
    await expect(jwtKeysFromFile(join(dir, 'junk.txt'))).rejects.toThrow(
      /junk.txt: expected a JWKS \(JSON\) or a PEM public key/,
    );
  });

  it('says the provider is unavailable (not that the caller is unauthenticated) when its keys cannot be fetched', async () => {
    const gone = await serveJwks(issuer.jwks);
    const url = gone.url;
    await gone.close();
    const auth = await jwtAuthenticator({ ...options, keys: { kind: 'jwksUrl', url } });
    await expect(bearer(auth, await issuer.token('a'))).rejects.toBeInstanceOf(
      IdentityProviderUnavailable,
    );
  });
});
