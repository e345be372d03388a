import { verifyLink, type ChainBreak, type EventStore, type RecordedEvent } from '@aimline/kernel';
import { memoryStreamTable, type StreamTable } from './stream-table.js';

/** The last verified link of a stream. */
export interface ChainLink {
  revision: number;
  hash: string;
}

export interface ChainVerificationState {
  /** Last verified link per stream. */
  readonly streams: StreamTable<ChainLink>;
  /** The first break found in each broken stream. */
  readonly breaks: ChainBreak[];
  events: number;
}

/** `streams`: where each stream's last link is kept (default: in memory; see `StreamTable`). */
export const initialChainVerification = (
  streams: StreamTable<ChainLink> = memoryStreamTable(),
): ChainVerificationState => ({
  streams,
  breaks: [],
  events: 0,
});

/**
 * Verifies one event against the last verified link of its stream (in place: a stream's link
 * is one object, updated event by event).
 */
export const verifyNext = (
  state: ChainVerificationState,
  event: RecordedEvent,
): ChainVerificationState => {
  state.events++;
  if (state.breaks.length > 0 && state.breaks.some((b) => b.stream === event.stream)) return state;
  const last = state.streams.get(event.stream);
  const broken = verifyLink(event, last);
  if (broken) state.breaks.push(broken);
  else if (last === undefined)
    state.streams.set(event.stream, { revision: event.revision, hash: event.metadata.hash });
  else {
    last.revision = event.revision;
    last.hash = event.metadata.hash;
    state.streams.set(event.stream, last);
  }
  return state;
};

export interface VerificationReport {
  readonly events: number;
  readonly streams: number;
  readonly breaks: ReadonlyArray<ChainBreak>;
  readonly ok: boolean;
}

/**
 * Walks every stream's hash chain (or one stream's) and reports the first stream and revision
 * whose stored bytes no longer hash to what was recorded at append.
 */
export const verifyChains = async (
  store: EventStore,
  options: { readonly stream?: string; readonly onProgress?: (events: number) => void } = {},
): Promise<VerificationReport> => {
  const state = initialChainVerification();
  const source = options.stream === undefined ? store.readAll() : store.readStream(options.stream);
  for await (const e of source) {
    verifyNext(state, e);
    if (options.onProgress && state.events % 10_000 === 0) options.onProgress(state.events);
  }
  const streams =
    state.streams.size +
    new Set(state.breaks.map((b) => b.stream).filter((s) => !state.streams.has(s))).size;
  return { events: state.events, streams, breaks: state.breaks, ok: state.breaks.length === 0 };
};

export const describeBreak = (b: ChainBreak): string => {
  switch (b.kind) {
    case 'HashMismatch':
      return `stream "${b.stream}" revision ${b.revision}: stored bytes no longer match the recorded hash`;
    case 'BrokenLink':
      return `stream "${b.stream}" revision ${b.revision}: prevHash does not link to revision ${b.revision - 1}`;
    case 'RevisionGap':
      return `stream "${b.stream}" revision ${b.revision}: expected revision ${b.expectedRevision}`;
  }
};
