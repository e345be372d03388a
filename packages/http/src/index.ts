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
export {
  createHttpApi,
  DEFAULT_HTTP_LIMITS,
  type HttpApiOptions,
  type HttpLimits,
  type PrincipalRefusal,
  type RequestLogEntry,
} from './server.js';
export {
  openApiDocument,
  UndescribedCodecs,
  type OpenApiDocument,
  type OpenApiInfo,
} from './openapi/document.js';
export { apiProcesses } from './processes.js';
export {
  routeTable,
  OPENAPI_PATH,
  PROBLEM_RESPONSES,
  type ProcessResources,
  type RouteSpec,
} from './routes/route-table.js';
