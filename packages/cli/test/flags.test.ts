/**
 * Flags are parsed once, at the edge, with the same parsers as every codec: a bad value is
 * exit code 2 naming the flag, never a crash; a good one reaches the command already parsed.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { instantFlag, positiveIntFlag, wholeNumberFlag } from '../src/flags.js';
import { asAuditor, runCli } from './run-cli.js';

describe('--as-of and --from: an instant with an offset, or a date (the end of that London day)', () => {
  it('reads an instant to its UTC form, and a date as the end of that day in London (T-1)', () => {
    expect(instantFlag('2026-06-01T10:00:00+01:00')).toBe('2026-06-01T09:00:00.000Z');
    expect(instantFlag('2025-06-30')).toBe('2025-06-30T22:59:59.999Z');
    expect(instantFlag('2025-12-31')).toBe('2025-12-31T23:59:59.999Z');
  });

  it('refuses days that do not exist, 24:00 and instants without an offset', () => {
    for (const bad of [
      '2025-02-30',
      '2026-02-31T08:00:00Z',
      '2026-01-01T24:00Z',
      '2026-01-01T10:00:00',
      'yesterday',
    ])
      expect(() => instantFlag(bad), bad).toThrow(/expected a date that exists/);
  });

  it('a bad --as-of (found from outside: 2025-02-30 crashed) is exit 2 naming the flag', async () => {
    for (const args of [
      ['deadlines', '--as-of', '2025-02-30'],
      ['timeline', 'case-1', '--as-of', '2026-02-30T09:00:00Z'],
      ['replay', 'event-counts', '--as-of', '2026-01-01T24:00Z'],
      ['audit', '--as-of', '2026-01-01T10:00'],
    ]) {
      const r = await runCli(['--store', 'memory:', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain("option '--as-of <iso>'");
      expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
    }
  });

  it('a good --as-of reaches the command parsed: a date is the end of that London day', async () => {
    const r = await runCli([
      ...asAuditor(),
      '--store',
      'memory:',
      '--json',
      'deadlines',
      '--as-of',
      '2026-07-01',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ asOf: '2026-07-01T22:59:59.999Z' });
  });
});

describe('counts: plain digits, 1 or more', () => {
  it('reads 1, 12 and 20261123, and refuses 0, 1e3, 0x10, 012, 1.5 and -3', async () => {
    expect([positiveIntFlag('1'), positiveIntFlag('12'), positiveIntFlag('20261123')]).toEqual([
      1, 12, 20261123,
    ]);
    for (const bad of ['0', '1e3', '0x10', '012', '1.5', '-3', ''])
      expect(() => positiveIntFlag(bad), bad).toThrow(/whole number of 1 or more/);
    const r = await runCli([...asAuditor(), '--store', 'memory:', 'audit', '--limit', '1e3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--limit <n>'");
  });
});

describe('each option once, each count within what the command can build', () => {
  it('an option given twice is exit 2 naming it (commander kept the last silently), on the program and on every command', async () => {
    for (const args of [
      ['deadlines', '--as-of', '2026-01-01', '--as-of', '2026-02-02'],
      ['audit', '--limit', '5', '--limit', '6'],
      ['--json', '--json', 'deadlines'],
      ['--store', 'memory:', 'deadlines'],
    ]) {
      const r = await runCli([...asAuditor(), '--store', 'memory:', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/option '--[a-z-]+( <[a-z]+>)?' is given more than once/);
      expect(r.stdout).toBe('');
    }
  });

  it('demo --cases 99999999999999 (found from outside: V8 ran out of memory with a native stack) is exit 2 naming the flag, as are --years and --max-depth past their bounds', async () => {
    for (const [args, flag] of [
      [['demo', '--cases', '99999999999999'], '--cases <n>'],
      [['demo', '--cases', '1001'], '--cases <n>'],
      [['demo', '--years', '51'], '--years <n>'],
      [['exec', '--max-depth', '100000', 'in.jsonl'], '--max-depth <n>'],
    ] as const) {
      const r = await runCli(['--store', 'memory:', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`option '${flag}' argument`);
      expect(r.stderr).toMatch(/expected a whole number from 1 to \d+/);
    }
    expect(wholeNumberFlag(1000)('1000')).toBe(1000);
  });
});

describe('--person: a person id, never an empty one', () => {
  it('given an empty or blank --person, sar, access-log and erase are exit 2 naming the flag, and sar writes no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aimline-person-flag-'));
    const out = join(dir, 'sar.json');
    for (const person of ['', '   '])
      for (const args of [
        ['sar', '--person', person, '--out', out],
        ['access-log', '--person', person],
        ['erase', '--person', person, '--reason', 'an invented request'],
      ]) {
        const r = await runCli([...asAuditor(), '--store', 'memory:', ...args]);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toContain("option '--person <id>'");
        expect(r.stderr).toContain('expected a person id');
        expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
      }
    expect(existsSync(out)).toBe(false);
  });
});

describe('--purpose: why you read, never blank', () => {
  it('given a blank --purpose or AIMLINE_PURPOSE, a read is exit 2 naming the flag (it was an unexpected error)', async () => {
    const flag = await runCli([
      ...asAuditor(),
      '--store',
      'memory:',
      '--purpose',
      ' ',
      'deadlines',
    ]);
    vi.stubEnv('AIMLINE_PURPOSE', '');
    const env = await runCli([...asAuditor(), '--store', 'memory:', 'deadlines']).finally(() =>
      vi.unstubAllEnvs(),
    );
    for (const r of [flag, env]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("option '--purpose <text>'");
      expect(r.stderr).toContain('expected why you read');
      expect(r.stderr).not.toMatch(/aimline: unexpected error|\n\s+at .+:\d+:\d+/);
    }
  });
});
