import { describe, expect, it } from 'vitest';
import { attachStoredJson, canonicalJson, type RecordedEvent } from '@aimline/kernel';
import { sealedFields } from '../../src/crypto/format1-fields.js';

/** A well-formed envelope (its payload is never opened here). */
const envelope = (n: number): string => `aimline:enc:1:subject-${n}:name:${'A'.repeat(40)}${n}`;

const stored = (id: string, data: unknown, keepText = true): RecordedEvent => {
  const event: RecordedEvent = {
    id,
    stream: 'hsb-case-1',
    type: 'SameType',
    schemaVersion: 1,
    revision: 0,
    position: 0n,
    data,
    metadata: { prevHash: '', hash: '' } as RecordedEvent['metadata'],
    recordedAt: '2026-06-01T09:00:00Z',
  } as RecordedEvent;
  return keepText
    ? attachStoredJson(event, {
        data: canonicalJson(data),
        metadata: canonicalJson(event.metadata),
      })
    : event;
};

const pathsOf = (event: RecordedEvent) => sealedFields(event).map((f) => f.path.join('.'));

describe('finding the encrypted fields of stored events (the read side of issue 13 item 4)', () => {
  it('events of one type with their envelopes in other places each have every envelope found: more items, fewer, other keys', () => {
    expect(pathsOf(stored('e1', { a: envelope(1), list: [envelope(2)] }))).toEqual(['a', 'list.0']);
    expect(pathsOf(stored('e2', { a: envelope(3), list: [envelope(4), envelope(5)] }))).toEqual([
      'a',
      'list.0',
      'list.1',
    ]);
    expect(pathsOf(stored('e3', { list: [envelope(6)], b: envelope(7) }))).toEqual(['list.0', 'b']);
    expect(pathsOf(stored('e4', { a: envelope(8), list: [], b: 'plain' }))).toEqual(['a']);
    expect(pathsOf(stored('e5', { a: 'plain', list: [] }))).toEqual([]);
  });

  it('the envelope prefix inside another string, or a key, is not an envelope, and hides none', () => {
    const text = `a note quoting ${envelope(9)}`;
    expect(pathsOf(stored('e6', { a: text, b: envelope(10) }))).toEqual(['b']);
    expect(pathsOf(stored('e7', { [envelope(11)]: 'x', list: [envelope(12)] }))).toEqual([
      'list.0',
    ]);
  });

  it('an event whose stored text the store did not keep is walked whole', () => {
    expect(
      pathsOf(stored('e8', { a: envelope(13), list: [envelope(14), envelope(15)] }, false)),
    ).toEqual(['a', 'list.0', 'list.1']);
  });
});
