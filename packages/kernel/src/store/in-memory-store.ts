import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../event.js';
import { meetsExpected } from '../revision.js';
import { checkCommands, classifyAppend, commandsOf, validateAppend } from './append-checks.js';
import { StoreDisposedError, WrongExpectedRevisionError, type CommandRecord } from './errors.js';
import { appendResultOf, matchesFilter, type EventStore } from './event-store.js';
import { chainEvents, GENESIS_HASH } from './hash-chain.js';
import { AppendSignal, pollingSubscription } from './polling-subscription.js';

/**
 * The in-memory event store: the reference implementation of the port, for tests and for
 * embedding where history need not outlive the process. Global positions start at 1.
 *
 * Like every adapter, it writes each port member as a property typed by the port
 * (`EventStore['append']`), so the port's signatures are written once, in `event-store.ts`.
 */
export class InMemoryEventStore implements EventStore {
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly positions = new Map<string, bigint>();
  /** Command id (lower case) → where it was first recorded, and the events it recorded. */
  private readonly commands = new Map<
    string,
    { readonly record: CommandRecord; readonly events: RecordedEvent[] }
  >();
  private readonly appended = new AppendSignal();
  private disposed = false;
  private readonly storeIdentity = randomUUID();

  readonly checkpoints: EventStore['checkpoints'] = {
    load: async (name) => {
      this.ensureOpen();
      return this.positions.get(name);
    },
    save: async (name, position) => {
      this.ensureOpen();
      this.positions.set(name, position);
    },
  };

  readonly identity: EventStore['identity'] = async () => {
    this.ensureOpen();
    return this.storeIdentity;
  };

  readonly append: EventStore['append'] = async (stream, events, options) => {
    this.ensureOpen();
    validateAppend(stream, events);
    const commandCheck = checkCommands(
      stream,
      events,
      (id) => this.commands.get(id.toLowerCase())?.record,
    );
    if (commandCheck.kind === 'retry')
      return appendResultOf(
        commandCheck.found
          .flatMap((c) => this.commands.get(c.commandId.toLowerCase())!.events)
          .sort((a, b) => (a.position < b.position ? -1 : 1)),
      );
    const classification = classifyAppend(stream, events, (id) => this.byId.get(id.toLowerCase()));
    if (classification.kind === 'retry') return appendResultOf(classification.found);
    const existing = this.streams.get(stream) ?? [];
    const last = existing[existing.length - 1];
    const current = last?.revision;
    if (!meetsExpected(options.expectedRevision, current))
      throw new WrongExpectedRevisionError(stream, options.expectedRevision, current);
    const chained = chainEvents(stream, current, last?.metadata.hash ?? GENESIS_HASH, events);
    const base = this.all.length + 1;
    // Stored events are deep copies, frozen: a caller that mutates what it appended or what
    // it read back can never change history.
    const recorded: RecordedEvent[] = chained.map((e, i) =>
      deepFreeze(structuredClone({ ...e, position: BigInt(base + i) })),
    );
    for (const e of recorded) {
      this.all.push(e);
      this.byId.set(e.id.toLowerCase(), e);
    }
    this.streams.set(stream, [...existing, ...recorded]);
    for (const [key, command] of commandsOf(stream, events)) {
      const own = recorded.filter((e) => e.metadata.commandId.toLowerCase() === key);
      this.commands.set(key, {
        record: {
          commandId: command.commandId,
          fingerprint: command.fingerprint,
          stream,
          revision: own[0]!.revision,
          position: own[0]!.position,
        },
        events: own,
      });
    }
    this.appended.notify();
    return appendResultOf(recorded);
  };

  readonly readStream: EventStore['readStream'] = (stream, options = {}) => {
    const opened = this.opened;
    const streams = this.streams;
    return (async function* () {
      opened();
      const events = streams.get(stream) ?? [];
      const max = options.maxCount ?? Number.POSITIVE_INFINITY;
      let n = 0;
      if (options.direction === 'backwards') {
        const from = Math.min(options.fromRevision ?? events.length - 1, events.length - 1);
        for (let i = from; i >= 0 && n < max; i--, n++) yield events[i]!;
      } else {
        for (let i = Math.max(options.fromRevision ?? 0, 0); i < events.length && n < max; i++, n++)
          yield events[i]!;
      }
    })();
  };

  readonly streamRevision: EventStore['streamRevision'] = async (stream) => {
    this.ensureOpen();
    const events = this.streams.get(stream);
    return events?.[events.length - 1]?.revision;
  };

  readonly streamRevisions: Required<EventStore>['streamRevisions'] = async (streams) => {
    this.ensureOpen();
    const revisions = new Map<string, number>();
    for (const stream of streams) {
      const events = this.streams.get(stream);
      if (events !== undefined) revisions.set(stream, events.length - 1);
    }
    return revisions;
  };

  readonly eventsOfCommand: Required<EventStore>['eventsOfCommand'] = async (commandId) => {
    this.ensureOpen();
    return this.commands.get(commandId.toLowerCase())?.events ?? [];
  };

  readonly headPosition: EventStore['headPosition'] = () => {
    this.ensureOpen();
    return Promise.resolve(this.all.at(-1)?.position);
  };

  readonly readAll: EventStore['readAll'] = (options = {}) => {
    const opened = this.opened;
    const all = this.all;
    return (async function* () {
      opened();
      const start = options.after === undefined ? 0 : Number(options.after);
      const max = options.maxCount ?? Number.POSITIVE_INFINITY;
      let n = 0;
      for (let i = Math.max(start, 0); i < all.length && n < max; i++) {
        const e = all[i]!;
        if (!matchesFilter(e.stream, options.filter)) continue;
        n++;
        yield e;
      }
    })();
  };

  readonly subscribe: EventStore['subscribe'] = (options = {}) => {
    this.ensureOpen();
    return pollingSubscription((o) => this.readAll(o), this.appended.listen, options);
  };

  /**
   * For tests of tamper evidence only: replaces the stored event at (stream, revision) with
   * what `change` returns, as an intruder editing stored bytes would. Nothing else can.
   */
  tamperForTesting(
    stream: string,
    revision: number,
    change: (event: RecordedEvent) => RecordedEvent,
  ): void {
    const events = this.streams.get(stream);
    const old = events?.[revision];
    if (events === undefined || old === undefined)
      throw new RangeError(`no event at ${stream}@${revision}`);
    const altered = change(structuredClone(old));
    events[revision] = altered;
    const i = this.all.indexOf(old);
    if (i >= 0) this.all[i] = altered;
  }

  readonly dispose: EventStore['dispose'] = () => {
    this.disposed = true;
    this.appended.notify();
    return Promise.resolve();
  };

  private ensureOpen(): void {
    if (this.disposed) throw new StoreDisposedError();
  }

  /** `ensureOpen` for a read's iteration, which checks when it starts. */
  private readonly opened = (): void => this.ensureOpen();
}

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};
