import { describe, expect, it } from 'vitest';
import { setAt, valueAt } from '../src/index.js';

const data = () => ({
  child: { name: 'Ada Invented', dateOfBirth: '2014-03-02' },
  professionals: [{ name: 'Sam Example' }, { name: 'Kit Example' }],
  note: null,
});

describe('valueAt: the value at a place in event data', () => {
  it('follows object keys and array indexes', () => {
    expect(valueAt(data(), ['child', 'name'])).toBe('Ada Invented');
    expect(valueAt(data(), ['professionals', 1, 'name'])).toBe('Kit Example');
    expect(valueAt(data(), [])).toEqual(data());
  });

  it('is undefined where the path leaves the data', () => {
    expect(valueAt(data(), ['child', 'address'])).toBeUndefined();
    expect(valueAt(data(), ['note', 'text'])).toBeUndefined();
    expect(valueAt(data(), ['child', 'name', 'first'])).toBeUndefined();
    expect(valueAt(data(), ['professionals', 5, 'name'])).toBeUndefined();
  });
});

describe('setAt: replaces the value at a place in event data', () => {
  it('replaces a field or an array item that is there, in place', () => {
    const d = data();
    expect(setAt(d, ['child', 'name'], '[withheld:name]')).toBe(true);
    expect(setAt(d, ['professionals', 0, 'name'], '[withheld:name]')).toBe(true);
    expect(setAt(d, ['professionals', 1], 'gone')).toBe(true);
    expect(d).toEqual({
      child: { name: '[withheld:name]', dateOfBirth: '2014-03-02' },
      professionals: [{ name: '[withheld:name]' }, 'gone'],
      note: null,
    });
  });

  it('adds nothing where the path leaves the data, and never replaces the root', () => {
    const d = data();
    expect(setAt(d, ['child', 'address'], 'x')).toBe(false);
    expect(setAt(d, ['note', 'text'], 'x')).toBe(false);
    expect(setAt(d, ['missing', 'name'], 'x')).toBe(false);
    expect(setAt(d, ['professionals', 7], 'x')).toBe(false);
    expect(setAt(d, [], 'x')).toBe(false);
    expect(d).toEqual(data());
  });
});
