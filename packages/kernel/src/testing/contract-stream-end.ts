import { expect, it } from 'vitest';
import type { EventToAppend } from '../event.js';
import type { ContractContext } from './contract-context.js';
import { samples, uniquePrefix } from './sample-events.js';

/** `count` sample events stored by one command (the first one's id and fingerprint). */
const oneCommand = (count: number, from: number): EventToAppend[] => {
  const [first, ...rest] = samples(count, from);
  const { commandId, commandFingerprint } = first!.metadata;
  return [
    first!,
    ...rest.map((e) => ({ ...e, metadata: { ...e.metadata, commandId, commandFingerprint } })),
  ];
};

/**
 * Where a store records each stream's end apart from its events (`recordedStreamEnd`, offered
 * only by a store that keeps such a record): the position of the stream's last event.
 */
export const streamEndContract = ({ withStore }: ContractContext): void => {
  it('records where each stream ends apart from its events, where it offers recordedStreamEnd: the position of the last event after each append and group commit, nothing for a stream never written', () =>
    withStore(async (store) => {
      if (store.recordedStreamEnd === undefined) return;
      const [a, b] = [`${uniquePrefix('end')}a`, `${uniquePrefix('end')}b`];
      expect(await store.recordedStreamEnd(a)).toBeUndefined();
      const first = await store.append(a, oneCommand(3, 0), { expectedRevision: 'no-stream' });
      expect(await store.recordedStreamEnd(a)).toBe(first.position);
      await store.append(b, samples(1, 3), { expectedRevision: 'no-stream' });
      const second = await store.append(a, samples(2, 4), { expectedRevision: 2 });
      expect(await store.recordedStreamEnd(a)).toBe(second.position);
      if (store.appendMany !== undefined) {
        const outcomes = await store.appendMany([
          { stream: a, events: samples(1, 6), expectedRevision: 4 },
          { stream: b, events: oneCommand(2, 7), expectedRevision: 0 },
        ]);
        const positions = outcomes.map((o) => (o.kind === 'appended' ? o.result.position : o));
        expect([await store.recordedStreamEnd(a), await store.recordedStreamEnd(b)]).toEqual(
          positions,
        );
      }
      expect(await store.recordedStreamEnd(`${a}-never`)).toBeUndefined();
    }));
};
