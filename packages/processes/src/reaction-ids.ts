import { uuidV5 } from '@aimline/kernel';

/**
 * The command id of the i-th reaction of process manager `name` to the event `eventId`:
 * derived from the causing event, so a replay, a restart or a second runner sends the same
 * command id, and the command handler recognises it instead of recording it twice.
 */
export const reactionCommandId = (name: string, eventId: string, index: number): string =>
  uuidV5(`process:${name}/${eventId.toLowerCase()}/${index}`);
