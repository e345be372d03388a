import type { RecordedEvent } from '@aimline/kernel';
import type { KeyVault } from './key-vault.js';
import {
  allKeysHeld,
  keysNeeded,
  openSealed,
  sealedParts,
  type HeldKey,
  type Sealed,
} from './open-fields.js';
import type { Opens } from './opens.js';

/** Events a read opens together: the keys they need are loaded in one go. */
const READ_BATCH = 128;

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

type Source = AsyncIterator<RecordedEvent> | Iterator<RecordedEvent>;

const sourceOf = (events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>): Source =>
  Symbol.asyncIterator in events ? events[Symbol.asyncIterator]() : events[Symbol.iterator]();

/**
 * A read's events, opened (see `openSealed`). The events are read ahead in batches; the keys a
 * batch needs are loaded at once (one vault transaction) after other processes' erasures are applied,
 * and the batch is then opened in one pass, before its first event is handed on (opening events
 * together, rather than one between each of the reader's steps, is what keeps encryption cheap on
 * a long read). An erasure this process makes while the batch is being handed on still applies to
 * the very next event: the vault counts the erasures it has applied, and when that count has moved
 * since the batch was opened, the events not yet handed on are opened again from what was stored.
 * Only the fields `opens` names are decrypted, and only their subjects' keys loaded. A plain
 * iterator, not an async generator: handing on an event already opened costs one resolved promise.
 */
class OpeningIterator implements AsyncIterator<RecordedEvent, undefined> {
  /** The batch as stored, and what each event's sealed parts are. */
  private events: RecordedEvent[] = [];
  private sealed: Sealed[] = [];
  /** The batch opened, where every key was held (undefined: open it when it is handed on). */
  private opened: Array<RecordedEvent | undefined> = [];
  /** `vault.erasuresApplied` when the batch was opened. */
  private openedAfter = 0;
  private at = 0;
  private exhausted = false;
  private readonly held: HeldKey;

  constructor(
    private readonly source: Source,
    private readonly vault: KeyVault,
    private readonly opens: Opens,
  ) {
    this.held = (ref) => vault.knownKey(ref);
  }

  next(): Promise<IteratorResult<RecordedEvent, undefined>> {
    if (this.at < this.events.length) {
      const i = this.at++;
      const ahead = this.vault.erasuresApplied === this.openedAfter ? this.opened[i] : undefined;
      if (ahead !== undefined) return Promise.resolve({ value: ahead, done: false });
      const event = this.events[i]!;
      const sealed = this.sealed[i]!;
      if (allKeysHeld(sealed, this.held))
        return Promise.resolve({
          value: openSealed(event, sealed, this.held, this.opens),
          done: false,
        });
      return this.openLoading(event, sealed);
    }
    if (this.exhausted) return Promise.resolve(DONE);
    return this.fill().then(() => this.next());
  }

  return(): Promise<IteratorResult<RecordedEvent, undefined>> {
    this.exhausted = true;
    this.events = [];
    this.sealed = [];
    this.opened = [];
    this.at = 0;
    return Promise.resolve(this.source.return?.()).then(() => DONE);
  }

  /** Opens an event one of whose keys is not held (erased meanwhile, or first seen here). */
  private async openLoading(
    event: RecordedEvent,
    sealed: Sealed,
  ): Promise<IteratorResult<RecordedEvent, undefined>> {
    return { value: await openLoadingKeys(event, sealed, this.vault, this.opens), done: false };
  }

  private async fill(): Promise<void> {
    const events: RecordedEvent[] = [];
    const sealed: Sealed[] = [];
    const needed = new Set<string>();
    while (events.length < READ_BATCH) {
      const r = await this.source.next();
      if (r.done === true) {
        this.exhausted = true;
        break;
      }
      const parts = sealedParts(r.value, this.opens);
      keysNeeded(parts, needed);
      events.push(r.value);
      sealed.push(parts);
    }
    // Other processes' erasures are applied before the keys are looked up (one vault transaction).
    if (needed.size > 0) await this.vault.loadReadingKeys([...needed]);
    else this.vault.refresh();
    const opened = new Array<RecordedEvent | undefined>(events.length);
    for (let i = 0; i < events.length; i++)
      if (allKeysHeld(sealed[i]!, this.held))
        opened[i] = openSealed(events[i]!, sealed[i]!, this.held, this.opens);
    this.events = events;
    this.sealed = sealed;
    this.opened = opened;
    this.openedAfter = this.vault.erasuresApplied;
    this.at = 0;
  }
}

/** A read's events opened through `vault`, decrypting only the fields `opens` names. */
export const openedEvents = (
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  vault: KeyVault,
  opens: Opens,
): AsyncIterable<RecordedEvent> => ({
  [Symbol.asyncIterator]: () => new OpeningIterator(sourceOf(events), vault, opens),
});

/** An event opened through `vault`, loading first any key its sealed parts need not held yet. */
const openLoadingKeys = async (
  event: RecordedEvent,
  sealed: Sealed,
  vault: KeyVault,
  opens: Opens,
): Promise<RecordedEvent> => {
  const refs = new Set<string>();
  keysNeeded(sealed, refs);
  for (const ref of refs) await vault.readingKey(ref);
  return openSealed(event, sealed, (ref) => vault.knownKey(ref), opens);
};

/** One event opened through `vault`, loading any key it needs not held yet. */
export const openedEvent = (
  event: RecordedEvent,
  vault: KeyVault,
  opens: Opens,
): Promise<RecordedEvent> => openLoadingKeys(event, sealedParts(event, opens), vault, opens);
