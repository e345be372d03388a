import { collect, WrongExpectedRevisionError } from '@aimline/kernel';
import { samples, uniquePrefix } from '@aimline/kernel/testing';
import { describe, expect, it } from 'vitest';
import { commandStreamOf, openEventStoreDbStore } from '../src/index.js';
import { commandEvents } from './support/real-server-helpers.js';
import { FakeEventStoreDbClient } from './support/fake-eventstoredb-client.js';

// The calls an append makes to the server (over the fake client, which records them): what a
// command costs in round trips, and that every shortcut is only a guess the server checks.
const setup = () => {
  const fake = new FakeEventStoreDbClient();
  return { fake, store: openEventStoreDbStore(fake), s: `${uniquePrefix('trips')}1` };
};

describe('EventStoreDbStore append round trips', () => {
  it('appends a new one-event command to a new stream with two calls: its claim and its append (no tail read, no read-back)', async () => {
    const { fake, store, s } = setup();
    const [e] = samples(1);
    const r = await store.append(s, [e!], { expectedRevision: 'no-stream' });
    expect(fake.calls).toEqual([`append ${commandStreamOf(e!.metadata.commandId)}`, `append ${s}`]);
    expect(r.events).toEqual(await collect(store.readStream(s)));
  });

  it('appends the next command with the revision it last saw without reading the tail; a batch of several events is read back for its positions', async () => {
    const { fake, store, s } = setup();
    await store.append(s, samples(2), { expectedRevision: 'no-stream' });
    fake.calls.length = 0;
    const batch = commandEvents(3, 2);
    const r = await store.append(s, batch, { expectedRevision: 1 });
    expect(fake.calls).toEqual([
      `append ${commandStreamOf(batch[0]!.metadata.commandId)}`,
      `append ${s}`,
      `readStream ${s}`,
    ]);
    expect(r.events).toEqual((await collect(store.readStream(s))).slice(2));
  });

  it('given another writer appended meanwhile, when the store appends with the revision it last saw, then the server refuses it and the caller gets the actual revision; nothing is stored twice', async () => {
    const { fake, store, s } = setup();
    const other = openEventStoreDbStore(fake);
    await store.append(s, samples(1), { expectedRevision: 'no-stream' });
    await other.append(s, samples(1, 1), { expectedRevision: 0 });
    const stale = store.append(s, samples(1, 2), { expectedRevision: 0 });
    await expect(stale).rejects.toEqual(new WrongExpectedRevisionError(s, 0, 1));
    await store.append(s, samples(1, 3), { expectedRevision: 1 });
    expect((await collect(store.readStream(s))).map((e) => e.revision)).toEqual([0, 1, 2]);
  });

  it('given the stream exists, an append expecting no stream is refused by the server and then reported with the actual revision', async () => {
    const { fake, store, s } = setup();
    await openEventStoreDbStore(fake).append(s, samples(2), { expectedRevision: 'no-stream' });
    await expect(
      store.append(s, samples(1, 2), { expectedRevision: 'no-stream' }),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await collect(store.readStream(s))).toHaveLength(2);
  });

  it("finds a recorded command's events through its claim: the claim, then the stream backwards down to the claim (a page, not the whole stream); an unclaimed id with one read", async () => {
    const { fake, store, s } = setup();
    await store.append(s, samples(600), { expectedRevision: 'no-stream' });
    const command = commandEvents(2, 600);
    const r = await store.append(s, command, { expectedRevision: 599 });
    await store.append(s, samples(1, 602), { expectedRevision: 601 });
    fake.calls.length = 0;
    expect(await store.eventsOfCommand(command[0]!.metadata.commandId)).toEqual(r.events);
    expect(fake.calls).toEqual([
      `readStream ${commandStreamOf(command[0]!.metadata.commandId)}`,
      `readStream ${s}`,
    ]);
    fake.calls.length = 0;
    const unclaimed = samples(1, 700)[0]!.metadata.commandId;
    expect(await store.eventsOfCommand(unclaimed)).toEqual([]);
    expect(fake.calls).toEqual([`readStream ${commandStreamOf(unclaimed)}`]);
  });
});
