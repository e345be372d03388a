import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { EventToAppend } from '../event.js';
import {
  DuplicateEventIdError,
  IdempotencyConflictError,
  InvalidAppendError,
} from '../store/errors.js';
import type { ContractContext } from './contract-context.js';
import { collect } from '../collect.js';
import { sampleEvent, samples, underAnotherCommand, uniquePrefix } from './sample-events.js';

/** `event` as an event of the command `commandId` with fingerprint `fingerprint`. */
const ofCommand = (
  event: EventToAppend,
  commandId: string,
  fingerprint: string,
): EventToAppend => ({
  ...event,
  metadata: { ...event.metadata, commandId, commandFingerprint: fingerprint },
});

const fingerprint = (c: string): string => c.repeat(64);

/** Idempotency: by event id and by command (id and fingerprint). */
export const idempotencyContract = ({ withStore }: ContractContext): void => {
  it('is idempotent by event id: a retried append stores nothing and returns the original result', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('idem')}1`;
      const batch = samples(3);
      const first = await store.append(s, batch, { expectedRevision: 'no-stream' });
      const again = await store.append(s, batch, { expectedRevision: 'no-stream' });
      expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect(again.position).toBe(first.position);
      expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
      const anyAgain = await store.append(s, batch, { expectedRevision: 'any' });
      expect(anyAgain.nextExpectedRevision).toBe(2);
      expect((await collect(store.readStream(s))).length).toBe(3);
    }));

  it('refuses the same event id with different content recorded by another command', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('dup')}1`;
      const e = sampleEvent(1);
      await store.append(s, [e], { expectedRevision: 'no-stream' });
      const changed = underAnotherCommand({ ...e, data: { n: 2, note: 'altered' } });
      await expect(store.append(s, [changed], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect((await collect(store.readStream(s))).map((x) => x.data)).toEqual([e.data]);
    }));

  it('given a recorded command, when the same command id and fingerprint come again (with events decided anew), then the original result and nothing stored', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('cmdretry')}1`;
      const command = randomUUID();
      const original = [sampleEvent(1), sampleEvent(2)].map((e) =>
        ofCommand(e, command, fingerprint('a')),
      );
      const first = await store.append(s, original, { expectedRevision: 'no-stream' });
      const decidedAgain = [sampleEvent(7)].map((e) =>
        ofCommand(
          { ...e, metadata: { ...e.metadata, recordedAt: '2026-03-30T08:00:00.000Z' } },
          command.toUpperCase(),
          fingerprint('a'),
        ),
      );
      const again = await store.append(s, decidedAgain, { expectedRevision: 'any' });
      expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
      expect(again.nextExpectedRevision).toBe(1);
      expect(again.position).toBe(first.position);
      expect((await collect(store.readStream(s))).map((e) => e.data)).toEqual(
        original.map((e) => e.data),
      );
    }));

  it('given a recorded command, when its id comes again with another fingerprint, then an IdempotencyConflict naming the id and where it was first recorded, and nothing appended', () =>
    withStore(async (store) => {
      const prefix = uniquePrefix('cmdconflict');
      const command = randomUUID();
      const first = await store.append(
        `${prefix}1`,
        [ofCommand(sampleEvent(1), command, fingerprint('a'))],
        { expectedRevision: 'no-stream' },
      );
      const reused = ofCommand(sampleEvent(2), command, fingerprint('b'));
      for (const stream of [`${prefix}1`, `${prefix}2`]) {
        const error = await store.append(stream, [reused], { expectedRevision: 'any' }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(IdempotencyConflictError);
        expect(error).toMatchObject({
          kind: 'IdempotencyConflict',
          commandId: command,
          firstRecorded: {
            stream: `${prefix}1`,
            revision: 0,
            position: first.position,
            fingerprint: fingerprint('a'),
          },
        });
      }
      expect(await store.streamRevision(`${prefix}1`)).toBe(0);
      expect(await store.streamRevision(`${prefix}2`)).toBeUndefined();
    }));

  it('refuses a recorded command id with the same fingerprint on another stream, and an append mixing a recorded command with new ones', () =>
    withStore(async (store) => {
      const prefix = uniquePrefix('cmdother');
      const command = randomUUID();
      const recorded = ofCommand(sampleEvent(1), command, fingerprint('c'));
      await store.append(`${prefix}1`, [recorded], { expectedRevision: 'no-stream' });
      await expect(
        store.append(`${prefix}2`, [ofCommand(sampleEvent(2), command, fingerprint('c'))], {
          expectedRevision: 'no-stream',
        }),
      ).rejects.toMatchObject({ kind: 'IdempotencyConflict', commandId: command });
      await expect(
        store.append(`${prefix}1`, [recorded, sampleEvent(3)], { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(IdempotencyConflictError);
      expect(await store.streamRevision(`${prefix}1`)).toBe(0);
      expect(await store.streamRevision(`${prefix}2`)).toBeUndefined();
    }));

  it('refuses events without a command fingerprint, or one command with two fingerprints', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('cmdinvalid')}1`;
      const e = sampleEvent(1);
      const without = { ...e, metadata: { ...e.metadata, commandFingerprint: 'not-a-hash' } };
      await expect(store.append(s, [without], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
      const command = randomUUID();
      await expect(
        store.append(
          s,
          [
            ofCommand(sampleEvent(2), command, fingerprint('d')),
            ofCommand(sampleEvent(3), command, fingerprint('e')),
          ],
          { expectedRevision: 'any' },
        ),
      ).rejects.toBeInstanceOf(InvalidAppendError);
      expect(await store.streamRevision(s)).toBeUndefined();
    }));
};
