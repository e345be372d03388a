import { createHash } from 'node:crypto';

/** Aimline's UUID namespace for ids derived from other ids (RFC 9562 version 5). */
export const AIMLINE_NAMESPACE = '6f1c2a52-9d2e-5b1f-8a3e-5a1b7c0d4e21';

const bytesOf = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ''), 'hex');

const AIMLINE_NAMESPACE_BYTES = bytesOf(AIMLINE_NAMESPACE);

/** A name-based UUID (version 5): the same namespace and name always give the same id. */
export const uuidV5 = (name: string, namespace: string = AIMLINE_NAMESPACE): string => {
  const space = namespace === AIMLINE_NAMESPACE ? AIMLINE_NAMESPACE_BYTES : bytesOf(namespace);
  const h = createHash('sha1').update(space).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The id of the i-th event a command produces: derived from the command id and the index,
 * so a retried command produces the same ids and the store recognises the retry.
 */
export const eventIdFor = (commandId: string, index: number): string =>
  uuidV5(`${commandId.toLowerCase()}/${index}`);
