import { randomUUID } from 'node:crypto';
import { ErrorType, jsonEvent, NO_STREAM } from '@eventstore/db-client';
import type { EventStoreDbClientLike } from './client-port.js';
import { readLastEvent } from './client-reads.js';
import { mapClientError } from './error-mapping.js';
import { IDENTITY_STREAM } from './event-codec.js';

const IDENTITY_EVENT_TYPE = 'AimlineStoreIdentified';

const readIdentity = async (client: EventStoreDbClientLike): Promise<string | undefined> => {
  const last = await readLastEvent(client, IDENTITY_STREAM, 'read the store identity');
  const identity = (last?.data as { identity?: unknown } | undefined)?.identity;
  return typeof identity === 'string' ? identity : undefined;
};

/**
 * The identity of the store a server holds: a UUID kept in the stream `aimline-store-identity`,
 * made by the first Aimline process that asks (the first write wins; every later one reads it).
 */
export const storeIdentity = async (client: EventStoreDbClientLike): Promise<string> => {
  const known = await readIdentity(client);
  if (known !== undefined) return known;
  try {
    const identity = randomUUID();
    await client.appendToStream(
      IDENTITY_STREAM,
      [jsonEvent({ type: IDENTITY_EVENT_TYPE, data: { identity } })],
      { expectedRevision: NO_STREAM },
    );
    return identity;
  } catch (e) {
    if ((e as { type?: unknown }).type !== ErrorType.WRONG_EXPECTED_VERSION)
      throw mapClientError(e, { operation: 'record the store identity', stream: IDENTITY_STREAM });
    const other = await readIdentity(client);
    if (other === undefined)
      throw mapClientError(e, { operation: 'record the store identity', stream: IDENTITY_STREAM });
    return other;
  }
};
