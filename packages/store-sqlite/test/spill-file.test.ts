import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSpillFile } from '../src/index.js';

const dirs: string[] = [];
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'aimline-spill-test-'));
  dirs.push(dir);
  return join(dir, 'spill.db');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('spill file (scratch for bounded per-stream tables)', () => {
  it('gives back what was written for a stream, the last write winning, and nothing for a stream never written', () => {
    const spill = openSpillFile<{ revision: number; marks: string[] }>(scratch());
    spill.write([
      ['hsb-case-1', { order: 0, value: { revision: 0, marks: ['/'] } }],
      ['hsb-case-2', { order: 1, value: { revision: 4, marks: [] } }],
    ]);
    spill.write([['hsb-case-1', { order: 0, value: { revision: 1, marks: ['/', 'O'] } }]]);
    expect(spill.read('hsb-case-1')).toEqual({
      order: 0,
      value: { revision: 1, marks: ['/', 'O'] },
    });
    expect(spill.read('hsb-case-3')).toBeUndefined();
    spill.close();
  });

  it('reads every stream back in the order each was first set, not the order written', () => {
    const spill = openSpillFile<number>(scratch());
    spill.write([
      ['c', { order: 2, value: 30 }],
      ['a', { order: 0, value: 10 }],
    ]);
    spill.write([['b', { order: 1, value: 20 }]]);
    expect([...spill.entries()]).toEqual([
      ['a', 10],
      ['b', 20],
      ['c', 30],
    ]);
    spill.close();
  });

  it('is created readable by its owner only and deleted on close (it holds decrypted folded state)', () => {
    const path = scratch();
    const spill = openSpillFile<number>(path);
    spill.write([['a', { order: 0, value: 1 }]]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    spill.close();
    expect(existsSync(path)).toBe(false);
  });
});
