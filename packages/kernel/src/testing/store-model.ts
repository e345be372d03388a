import type { EventToAppend } from '../event.js';
import { meetsExpected, type ExpectedRevision } from '../revision.js';

/**
 * The simplest possible event store: what the contract suite's model-based test compares a
 * real adapter with. Streams are arrays; the global log is an array of ids.
 */
export class StoreModel {
  readonly streams = new Map<string, EventToAppend[]>();
  readonly log: Array<{ stream: string; event: EventToAppend }> = [];

  revision(stream: string): number | undefined {
    const s = this.streams.get(stream);
    return s === undefined || s.length === 0 ? undefined : s.length - 1;
  }

  append(
    stream: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
  ): 'ok' | 'WrongExpectedRevision' {
    if (!meetsExpected(expected, this.revision(stream))) return 'WrongExpectedRevision';
    const s = this.streams.get(stream) ?? [];
    s.push(...events);
    this.streams.set(stream, s);
    for (const event of events) this.log.push({ stream, event });
    return 'ok';
  }
}
