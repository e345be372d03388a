import type { InstantInput } from '@aimline/calendar';
import { moduleLookup, type AnyDomainModule, type EventStore } from '@aimline/kernel';
import { caseTimeline } from './case-timeline.js';
import type { EventDecoder } from './decoded-event.js';
import { FOLDED_STREAM, type UnreadableEvent } from './unreadable-event.js';

/**
 * A deadline report can only say which stream's deadlines failed; this finds the events that
 * made them fail, by folding that stream again event by event (as its timeline does). Only
 * streams that failed are read again, opening only the personal fields their deadline rules
 * declare (`deadlinePersonalData`). Entries it cannot narrow down are kept as they are.
 */
export const locateUnreadable = async (
  store: Pick<EventStore, 'readStream'>,
  decode: EventDecoder,
  modules: ReadonlyArray<AnyDomainModule>,
  unreadable: ReadonlyArray<UnreadableEvent>,
  asOf?: InstantInput,
): Promise<UnreadableEvent[]> => {
  const moduleOf = moduleLookup(modules);
  const located: UnreadableEvent[] = [];
  for (const u of unreadable) {
    const module = u.type === FOLDED_STREAM ? moduleOf(u.stream) : undefined;
    if (module === undefined) {
      located.push(u);
      continue;
    }
    // The stream's deadlines worked out again read what they read the first time: only the
    // personal fields the module's deadline rules declare.
    const deadlineFields: Pick<EventStore, 'readStream'> = {
      readStream: (stream, options) =>
        store.readStream(stream, { ...options, personalData: module.deadlinePersonalData }),
    };
    const t = await caseTimeline(deadlineFields, decode, module, u.stream, asOf);
    located.push(...(t.unreadable.length > 0 ? t.unreadable : [u]));
  }
  return located;
};
