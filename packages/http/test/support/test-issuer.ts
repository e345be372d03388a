/**
 * A test identity provider: an ES256 key pair, its JWKS (served over HTTP on request) and
 * tokens signed with it. Only for tests; a council uses its own provider.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
} from 'jose';

export const TEST_ISSUER = 'https://idp.test.invalid/council';
export const TEST_AUDIENCE = 'aimline-api';

export interface TestIssuer {
  readonly jwks: JSONWebKeySet;
  readonly spkiPem: string;
  /** A token for `subject`, valid for 10 minutes unless claims say otherwise. */
  token(subject: string, claims?: TokenClaims): Promise<string>;
}

export interface TokenClaims {
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds since the epoch. */
  readonly expiresAt?: number;
  readonly notBefore?: number;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export const testIssuer = async (kid = 'test-key-1'): Promise<TestIssuer> => {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const sign =
    (key: CryptoKey) =>
    async (subject: string, claims: TokenClaims = {}) => {
      let jwt = new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject(subject)
        .setIssuer(claims.issuer ?? TEST_ISSUER)
        .setAudience(claims.audience ?? TEST_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(claims.expiresAt ?? nowSeconds() + 600);
      if (claims.notBefore !== undefined) jwt = jwt.setNotBefore(claims.notBefore);
      return jwt.sign(key);
    };
  return { jwks: { keys: [jwk] }, spkiPem: await exportSPKI(publicKey), token: sign(privateKey) };
};

/** Serves `jwks` at `/.well-known/jwks.json` on loopback; counts the fetches. */
export const serveJwks = async (
  jwks: JSONWebKeySet,
): Promise<{ url: URL; fetches: () => number; close: () => Promise<void> }> => {
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    fetches++;
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`),
    fetches: () => fetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
