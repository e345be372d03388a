import { globalLink, GLOBAL_GENESIS, headMacMessage, linkMacMessage } from './global-chain.js';
import type { ChainHead, ChainKey } from './global-chain.js';

/** One row of a store's global chain as stored. */
export interface ChainRow {
  readonly position: bigint;
  readonly stream: string;
  readonly revision: number;
  /** The event's own (per-stream) hash. */
  readonly eventHash: string;
  /** The stored global link (null: not chained, e.g. unreadable). */
  readonly link: string | null;
  /** The stored MAC of the link (null: recorded without a key). */
  readonly mac: string | null;
}

/** What a store keeps of its global chain, for `auditGlobalChain`. */
export interface ChainSource {
  readonly identity: string;
  /** Whether positions are 1, 2, 3, … without gaps (SQLite): a gap is then a deleted event. */
  readonly contiguous: boolean;
  rows(): AsyncIterable<ChainRow>;
  readonly head: (ChainHead & { readonly mac: string | null }) | undefined;
}

export type GlobalChainBreak =
  | { readonly kind: 'MissingPositions'; readonly from: bigint; readonly to: bigint }
  | {
      readonly kind: 'LinkMismatch';
      readonly position: bigint;
      readonly stream: string;
      readonly revision: number;
    }
  | {
      readonly kind: 'MacMismatch';
      readonly position: bigint;
      readonly stream: string;
      readonly revision: number;
    }
  | {
      readonly kind: 'HeadMismatch';
      readonly head: ChainHead;
      readonly found: ChainHead;
      readonly macValid: boolean | undefined;
    };

export interface GlobalChainReport {
  readonly breaks: ReadonlyArray<GlobalChainBreak>;
  readonly head: ChainHead;
  /** Rows without a MAC although a key was given (recorded before the key was configured). */
  readonly unkeyed: number;
  /** Whether MACs were checked (a key was given). */
  readonly keyed: boolean;
}

/**
 * Recomputes a store's global chain in position order and compares it with what is stored:
 * gaps in positions, links that do not follow (an event deleted, inserted, reordered or altered
 * at or before that position), MACs that do not verify (a rewrite by someone without the key),
 * and a head that does not match the end of the log (the tail cut, or lost). After a break the
 * check goes on from the stored link, so each alteration is located on its own.
 */
export const auditGlobalChain = async (
  source: ChainSource,
  key: ChainKey | undefined,
): Promise<GlobalChainReport> => {
  const breaks: GlobalChainBreak[] = [];
  let previous = GLOBAL_GENESIS;
  let lastPosition = 0n;
  let count = 0;
  let unkeyed = 0;
  let macFailed = false;
  for await (const row of source.rows()) {
    if (source.contiguous && row.position !== lastPosition + 1n)
      breaks.push({ kind: 'MissingPositions', from: lastPosition + 1n, to: row.position - 1n });
    const expected = globalLink(previous, row.position, row.eventHash);
    if (row.link !== expected)
      breaks.push({
        kind: 'LinkMismatch',
        position: row.position,
        stream: row.stream,
        revision: row.revision,
      });
    const link = row.link ?? expected;
    if (key !== undefined) {
      if (row.mac === null) unkeyed++;
      else if (
        !macFailed &&
        row.mac !== key.mac(linkMacMessage(source.identity, row.position, link))
      ) {
        macFailed = true;
        breaks.push({
          kind: 'MacMismatch',
          position: row.position,
          stream: row.stream,
          revision: row.revision,
        });
      }
    }
    previous = link;
    lastPosition = row.position;
    count++;
  }
  const found: ChainHead = { count, position: lastPosition, link: previous };
  const head = source.head;
  if (head !== undefined) {
    const macValid =
      key === undefined || head.mac === null
        ? undefined
        : head.mac === key.mac(headMacMessage(source.identity, head));
    if (
      head.count !== found.count ||
      head.position !== found.position ||
      head.link !== found.link ||
      macValid === false
    )
      breaks.push({ kind: 'HeadMismatch', head, found, macValid });
  }
  return { breaks, head: found, unkeyed, keyed: key !== undefined };
};

/** One line naming a break of the global chain and where it is. */
export const describeGlobalBreak = (b: GlobalChainBreak): string => {
  switch (b.kind) {
    case 'MissingPositions':
      return b.from === b.to
        ? `global log: the event at position ${b.from} is missing (deleted)`
        : `global log: the events at positions ${b.from}–${b.to} are missing (deleted)`;
    case 'LinkMismatch':
      return `global log position ${b.position} (stream "${b.stream}" revision ${b.revision}): the chain does not follow — an event at or before it was deleted, inserted, reordered or altered`;
    case 'MacMismatch':
      return `global log position ${b.position} (stream "${b.stream}" revision ${b.revision}): its chain link is not authenticated by the chain key — rewritten (and the chain recomputed) by someone without the key`;
    case 'HeadMismatch':
      return b.found.count < b.head.count || b.found.position < b.head.position
        ? `the recorded head says ${b.head.count} events up to position ${b.head.position}, the log has ${b.found.count} up to ${b.found.position}: the tail of the log was cut or lost`
        : b.macValid === false
          ? 'the recorded head is not authenticated by the chain key: it was rewritten by someone without the key'
          : `the recorded head (${b.head.count} events up to position ${b.head.position}) does not match the log (${b.found.count} up to ${b.found.position})`;
  }
};
