export {
  codecJsonSchema,
  KNOWN_LEAVES,
  type CodecSchema,
  type JsonSchema,
  type SchemaOptions,
} from './schema/codec-json-schema.js';
export {
  IdentityProviderUnavailable,
  jwtAuthenticator,
  jwtKeysFromFile,
  type Authenticate,
  type JwtKeys,
  type JwtOptions,
  type Unauthenticated,
} from './auth/jwt.js';
export { PROBLEM_CONTENT_TYPE, type Problem } from './schema/wire-codecs.js';
