import { describe, expect, it } from 'vitest';
import { collect, delegatingStore, InMemoryEventStore, type EventStore } from '../src/index.js';
import { sampleEvent } from '../src/testing/index.js';

/** Every member of the port, optional ones included. */
const members: ReadonlyArray<keyof EventStore> = [
  'append',
  'appendMany',
  'readStream',
  'streamRevision',
  'streamRevisions',
  'eventsOfCommand',
  'readAll',
  'subscribe',
  'checkpoints',
  'identity',
  'dispose',
];

describe('delegatingStore: the one way to wrap a store', () => {
  it('hands every member of the port to the inner store, the optional ones included', async () => {
    const inner: EventStore = new InMemoryEventStore();
    const wrapped = delegatingStore(inner, {});
    expect(members.filter((m) => m in wrapped)).toEqual(members.filter((m) => m in inner));
    const event = sampleEvent(1);
    await wrapped.append('s-1', [event], { expectedRevision: 'no-stream' });
    expect(await inner.streamRevision('s-1')).toBe(0);
    expect([...(await wrapped.streamRevisions!(['s-1', 's-2']))]).toEqual([['s-1', 0]]);
    expect((await wrapped.eventsOfCommand!(event.metadata.commandId)).map((e) => e.id)).toEqual([
      event.id,
    ]);
    expect(wrapped.checkpoints).toBe(inner.checkpoints);
    expect(await wrapped.identity()).toBe(await inner.identity());
  });

  it('uses an override instead of the inner member, and keeps what the override adds', async () => {
    const inner = new InMemoryEventStore();
    const appended: string[] = [];
    const wrapped = delegatingStore(inner, {
      appended,
      append: (stream, events, options) => {
        appended.push(stream);
        return inner.append(stream, events, options);
      },
    });
    await wrapped.append('s-1', [sampleEvent(1)], { expectedRevision: 'no-stream' });
    expect(wrapped.appended).toEqual(['s-1']);
    expect((await collect(wrapped.readAll())).map((e) => e.stream)).toEqual(['s-1']);
  });

  it('offers an optional member only when the inner store does, and an override of undefined withholds it', () => {
    const inner = new InMemoryEventStore();
    const withheld = delegatingStore(inner, { streamRevisions: undefined });
    expect('streamRevisions' in withheld).toBe(false);
    expect('streamRevisions' in delegatingStore(withheld, {})).toBe(false);
    expect('eventsOfCommand' in delegatingStore(withheld, {})).toBe(true);
  });
});
