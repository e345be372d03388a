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
 * only by a store that keeps such a record, as its contract options say: `recordsStreamEnd`):
 * the position of the stream's last event.
 */
export const streamEndContract = ({ withStore, options }: ContractContext): void => {
  if (!options.recordsStreamEnd) {
    it('offers no recordedStreamEnd (it keeps no record of where a stream ends apart from its events)', () =>
      withStore((store) => {
        expect(store.recordedStreamEnd === undefined).toBe(true);
        return Promise.resolve();
      }));
    return;
  }
  it('records where each stream ends apart from its events (recordedStreamEnd): the position of the last event after each append and group commit, nothing for a stream never written', () =>
    withStore(async (store) => {
      const recordedStreamEnd = store.recordedStreamEnd?.bind(store);
      if (recordedStreamEnd === undefined)
        throw new Error('recordsStreamEnd is set, but the store offers no recordedStreamEnd');
      const [a, b] = [`${uniquePrefix('end')}a`, `${uniquePrefix('end')}b`];
      expect(await recordedStreamEnd(a)).toBeUndefined();
      const first = await store.append(a, oneCommand(3, 0), { expectedRevision: 'no-stream' });
      expect(await recordedStreamEnd(a)).toBe(first.position);
      await store.append(b, samples(1, 3), { expectedRevision: 'no-stream' });
      const second = await store.append(a, samples(2, 4), { expectedRevision: 2 });
      expect(await recordedStreamEnd(a)).toBe(second.position);
      if (store.appendMany !== undefined) {
        const outcomes = await store.appendMany([
          { stream: a, events: samples(1, 6), expectedRevision: 4 },
          { stream: b, events: oneCommand(2, 7), expectedRevision: 0 },
        ]);
        const positions = outcomes.map((o) => (o.kind === 'appended' ? o.result.position : o));
        expect([await recordedStreamEnd(a), await recordedStreamEnd(b)]).toEqual(positions);
      }
      expect(await recordedStreamEnd(`${a}-never`)).toBeUndefined();
    }));
};
