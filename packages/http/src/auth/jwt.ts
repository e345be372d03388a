/**
 * Who is calling: a bearer JWT signed by the council's identity provider, verified with
 * `jose` (signature, issuer, audience, expiry and not-before, with the keys from the provider's
 * JWKS URL or a key file). The token's subject is the principal id the council directory
 * knows; what the principal may do is the directory's business, not the token's.
 */
import { readFile } from 'node:fs/promises';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  importSPKI,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  type CryptoKey,
} from 'jose';
import * as E from 'fp-ts/lib/Either.js';

/** Where the identity provider's public keys come from. */
export type JwtKeys =
  | { readonly kind: 'jwksUrl'; readonly url: URL }
  | { readonly kind: 'jwks'; readonly jwks: JSONWebKeySet }
  | { readonly kind: 'spkiPem'; readonly pem: string; readonly algorithm: string };

export interface JwtOptions {
  /** The `iss` every token must carry (the identity provider). */
  readonly issuer: string;
  /** The `aud` every token must carry (this API). */
  readonly audience: string;
  readonly keys: JwtKeys;
  /** Signature algorithms accepted (default: RS256, PS256, ES256, EdDSA). */
  readonly algorithms?: ReadonlyArray<string>;
  /** Leeway for `exp` and `nbf`, in seconds (default 30). */
  readonly clockToleranceSeconds?: number;
}

export interface Unauthenticated {
  readonly kind: 'Unauthenticated';
  /** Why, without echoing the token. */
  readonly reason: string;
}

/** Verifies an `Authorization` header value; gives the token's subject. */
export type Authenticate = (
  authorization: string | undefined,
) => Promise<E.Either<Unauthenticated, string>>;

const DEFAULT_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

const unauthenticated = (reason: string): E.Either<Unauthenticated, never> =>
  E.left({ kind: 'Unauthenticated', reason });

/** Why a token was refused, in words that name no claim value. */
const describe = (e: unknown): string => {
  if (e instanceof errors.JWTExpired) return 'the token has expired';
  if (e instanceof errors.JWTClaimValidationFailed)
    return `the token's "${e.claim}" claim is not accepted`;
  if (e instanceof errors.JWSSignatureVerificationFailed)
    return 'the token signature does not verify';
  if (e instanceof errors.JWKSNoMatchingKey) return 'no key of the identity provider matches';
  if (e instanceof errors.JOSEAlgNotAllowed) return 'the token algorithm is not accepted';
  return 'the token is not a valid JWT';
};

/** The provider's keys could not be fetched (timeout, network): the API answers 503. */
export class IdentityProviderUnavailable extends Error {
  override readonly name = 'IdentityProviderUnavailable';
}

const keyResolver = async (keys: JwtKeys): Promise<CryptoKey | JWTVerifyGetKey> => {
  switch (keys.kind) {
    case 'jwksUrl':
      return createRemoteJWKSet(keys.url);
    case 'jwks':
      return createLocalJWKSet(keys.jwks);
    case 'spkiPem':
      return importSPKI(keys.pem, keys.algorithm);
  }
};

/** A verifier of bearer tokens. The keys are resolved once (a JWKS URL is fetched when used). */
export const jwtAuthenticator = async (options: JwtOptions): Promise<Authenticate> => {
  const key = await keyResolver(options.keys);
  const algorithms = [...(options.algorithms ?? DEFAULT_ALGORITHMS)];
  return async (authorization) => {
    if (authorization === undefined) return unauthenticated('no Authorization header');
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization);
    if (match === null) return unauthenticated('expected "Authorization: Bearer <JWT>"');
    try {
      const verified = await jwtVerify(match[1]!, key as JWTVerifyGetKey, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        clockTolerance: options.clockToleranceSeconds ?? 30,
        requiredClaims: ['sub', 'exp'],
      });
      const subject = verified.payload.sub;
      return subject === undefined || subject === ''
        ? unauthenticated('the token names no subject')
        : E.right(subject);
    } catch (e) {
      if (e instanceof errors.JWKSTimeout || !(e instanceof errors.JOSEError))
        throw new IdentityProviderUnavailable('the identity provider keys could not be read');
      return unauthenticated(describe(e));
    }
  };
};

/**
 * The keys in a file: a JWKS (`{"keys":[…]}`) or a PEM public key (SPKI) for `algorithm`.
 * Throws with the file's path when it is neither.
 */
export const jwtKeysFromFile = async (path: string, algorithm = 'RS256'): Promise<JwtKeys> => {
  const text = await readFile(path, 'utf8');
  if (text.includes('-----BEGIN PUBLIC KEY-----')) return { kind: 'spkiPem', pem: text, algorithm };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TypeError(`${path}: expected a JWKS (JSON) or a PEM public key`);
  }
  const keys = (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0)
    throw new TypeError(`${path}: a JWKS needs a non-empty "keys" array`);
  return { kind: 'jwks', jwks: parsed as JSONWebKeySet };
};
