import type { RecordedEvent } from '@aimline/kernel';
import { decodeRow, type EventRow } from './rows.js';
import { mapSqliteError } from './sqlite-errors.js';

/** Fetches the next page of at most `limit` rows, advancing its own cursor. */
export type PageSource = (limit: number) => EventRow[];

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * Iterates rows page by page: one `.all()` per page, so no statement is open while the
 * consumer runs (it may append on the same connection between two events), and memory
 * stays bounded by one page whatever the length of the history.
 */
export class PageIterator implements AsyncIterator<RecordedEvent, undefined> {
  private rows: EventRow[] = [];
  private index = 0;
  private lastPage = false;
  private fetch: PageSource | undefined;

  constructor(
    private readonly open: () => PageSource,
    private remaining: number,
    private readonly pageSize: number,
    private readonly location: string,
    private readonly guard: () => void,
  ) {}

  next(): Promise<IteratorResult<RecordedEvent, undefined>> {
    try {
      for (;;) {
        if (this.index === this.rows.length) {
          if (this.lastPage || this.remaining <= 0) return this.finish();
          this.guard();
          this.fetch ??= this.open();
          const limit = Math.min(this.pageSize, this.remaining);
          this.rows = this.fetch(limit);
          this.index = 0;
          if (this.rows.length < limit) this.lastPage = true;
          if (this.rows.length === 0) return this.finish();
        }
        // A row without a place (no readable stream or revision) is no event: left out (`decodeRow`).
        const event = decodeRow(this.rows[this.index++]!, this.location);
        if (event === undefined) continue;
        this.remaining--;
        return Promise.resolve({ value: event, done: false });
      }
    } catch (e) {
      void this.finish();
      return Promise.reject(mapSqliteError(e, this.location));
    }
  }

  return(): Promise<IteratorResult<RecordedEvent, undefined>> {
    return this.finish();
  }

  private finish(): Promise<IteratorReturnResult<undefined>> {
    this.rows = [];
    this.index = 0;
    this.lastPage = true;
    return Promise.resolve(DONE);
  }
}
