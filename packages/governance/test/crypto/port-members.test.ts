import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { delegatingStore, InMemoryEventStore } from '@aimline/kernel';
import {
  encryptedMemoryStore,
  handlerOn,
  hsb,
  reportConcern,
  SUMMARY,
  tempDir,
} from './support.js';

type Data = { readonly summary?: string };

describe('the encrypting store offers every member of the port its inner store offers', () => {
  it("a retried command's events come back opened through the inner store's command index, and a group's revisions come from one look-up", async () => {
    const { store } = await encryptedMemoryStore();
    const command = reportConcern();
    await handlerOn(store).handle(hsb, command);
    // A new handler has nothing cached: the retry is recognised from the store alone.
    const again = await handlerOn(store).handle(hsb, command);
    expect(E.isRight(again) && again.right.alreadyHandled).toBe(true);
    expect(E.isRight(again) && (again.right.events[0]!.data as Data).summary).toBe(SUMMARY);
    const found = await store.eventsOfCommand!(command.commandId);
    expect(found.map((e) => (e.data as Data).summary)).toEqual([SUMMARY]);
    expect([...(await store.streamRevisions!(['hsb-case-case-1', 'hsb-case-none']))]).toEqual([
      ['hsb-case-case-1', 0],
    ]);
  });

  it('a member the inner store does not offer is not offered either: the handler falls back to reading the stream', async () => {
    const withoutIndex = delegatingStore(new InMemoryEventStore(), {
      eventsOfCommand: undefined,
      streamRevisions: undefined,
    });
    const { store } = await encryptedMemoryStore(tempDir(), undefined, withoutIndex);
    expect('eventsOfCommand' in store).toBe(false);
    expect('streamRevisions' in store).toBe(false);
    const command = reportConcern();
    await handlerOn(store).handle(hsb, command);
    const again = await handlerOn(store).handle(hsb, command);
    expect(E.isRight(again) && (again.right.events[0]!.data as Data).summary).toBe(SUMMARY);
  });
});
