import { describe, expect, it } from 'vitest';
import { StateCache, type CachedStream } from '../src/index.js';

const entry = (bytes: number, revision = 0): CachedStream<string> => ({
  revision,
  state: `state at ${revision}`,
  commandIds: new Set(),
  bytes,
});

describe('state cache: bounded by the weight of the streams it holds, not by a count', () => {
  it('keeps as many streams as their weight allows, the least recently used going first', () => {
    const cache = new StateCache({ maxBytes: 1000 });
    for (let i = 0; i < 10; i++) cache.set(`s${i}`, entry(100));
    expect(cache.size).toBe(10);
    expect(cache.bytes).toBe(1000);
    cache.get('s0'); // now the most recently used
    cache.set('heavy', entry(250));
    expect(cache.get('s0')).toBeDefined();
    expect([1, 2, 3].map((i) => cache.get(`s${i}`))).toEqual([undefined, undefined, undefined]);
    expect(cache.bytes).toBeLessThanOrEqual(1000);
  });

  it('holds many light streams where a count of 1,000 would have dropped most of them', () => {
    const cache = new StateCache({ maxBytes: 10_000 * 2_000 });
    for (let i = 0; i < 10_000; i++) cache.set(`s${i}`, entry(2_000));
    expect(cache.size).toBe(10_000);
    expect(cache.get('s0')).toBeDefined();
  });

  it('replacing a stream counts its new weight once; deleting and clearing give the weight back', () => {
    const cache = new StateCache({ maxBytes: 1000 });
    cache.set('a', entry(300, 1));
    cache.set('a', entry(400, 2));
    expect(cache.bytes).toBe(400);
    expect(cache.get('a')?.revision).toBe(2);
    cache.delete('a');
    expect(cache.bytes).toBe(0);
    cache.set('b', entry(10));
    cache.clear();
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });

  it('keeps nothing heavier than its whole budget, and nothing at all with maxBytes 0', () => {
    const cache = new StateCache({ maxBytes: 100 });
    cache.set('a', entry(50));
    cache.set('huge', entry(101));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    const none = new StateCache({ maxBytes: 0 });
    none.set('a', entry(1));
    expect(none.size).toBe(0);
    expect(() => new StateCache({ maxBytes: -1 })).toThrow(RangeError);
  });
});
