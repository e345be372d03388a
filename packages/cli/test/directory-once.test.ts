/**
 * Issue 13 item 1: a command runs as a principal of the council directory. The runtime parses the
 * directory once, however many reads the command makes as that principal, and parses it again
 * only when the file's bytes change, so a read never applies rules the file no longer holds.
 */
import * as fs from 'node:fs';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildRuntime } from '../src/runtime.js';
import { CliError } from '../src/exit-codes.js';
import { directoryLoader } from '../src/principals.js';
import { testDirectory } from './principals.js';

vi.mock('node:fs', async (original) => {
  const actual = await original<typeof fs>();
  return { ...actual, readFileSync: vi.fn(actual.readFileSync) };
});

/** How many times the loader read the file's bytes. */
const readsOf = (file: string): number =>
  vi.mocked(fs.readFileSync).mock.calls.filter(([path]) => path === file).length;

/** The test directory with one principal's id replaced by another of the same length. */
const withIdReplaced = (from: string, to: string): string =>
  JSON.stringify({
    ...testDirectory,
    principals: testDirectory.principals.map((p) => (p.id === from ? { ...p, id: to } : p)),
  });

const directoryFile = (directory: unknown): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'aimline-directory-')), 'principals.json');
  writeFileSync(file, JSON.stringify(directory));
  return file;
};

describe('the council directory is parsed once per runtime', () => {
  it('given a command that reads as its principal several times, then every read uses the one parsed directory', async () => {
    const principals = directoryFile(testDirectory);
    const rt = await buildRuntime({ store: 'memory:', as: 'aud-1', principals });
    try {
      const first = rt.governance('timeline').directory;
      rt.visible('deadlines');
      rt.reader('audit');
      rt.visible('report', ['name']);
      expect(rt.governance('sar').directory).toBe(first);
    } finally {
      await rt.dispose();
    }
  });

  it('given the file rewritten during the run (a leaver removed), then the next read parses it again and refuses the leaver', async () => {
    const principals = directoryFile(testDirectory);
    const rt = await buildRuntime({ store: 'memory:', as: 'aud-1', principals });
    try {
      const before = rt.governance('timeline').directory;
      writeFileSync(
        principals,
        JSON.stringify({
          ...testDirectory,
          principals: testDirectory.principals.filter((p) => p.id !== 'aud-1'),
        }),
      );
      expect(() => rt.visible('deadlines')).toThrow(CliError);
      expect(() => rt.governance('timeline')).toThrow(/aud-1/);
      writeFileSync(principals, JSON.stringify(testDirectory));
      const after = rt.governance('timeline').directory;
      expect(after).not.toBe(before);
      expect(after.entries.get('aud-1')?.role).toBe('auditor');
    } finally {
      await rt.dispose();
    }
  });

  it('given the file made unreadable JSON during the run, then the read is refused (usage), never served from the last good parse', async () => {
    const principals = directoryFile(testDirectory);
    const rt = await buildRuntime({ store: 'memory:', as: 'aud-1', principals });
    try {
      rt.governance('timeline');
      writeFileSync(principals, '{ not json');
      expect(() => rt.visible('deadlines')).toThrow(/cannot read the principals file/);
    } finally {
      await rt.dispose();
    }
  });
});

describe("serve's directory lookups (several per request) read the file only when it may have changed", () => {
  it('given a same-size rewrite right after a lookup (a leaver replaced, same timestamp tick), then the next lookup refuses the leaver', () => {
    const file = directoryFile(testDirectory);
    const load = directoryLoader();
    expect(load(file).entries.has('sw-1')).toBe(true);
    const rewritten = withIdReplaced('sw-1', 'sw-9');
    expect(rewritten.length).toBe(JSON.stringify(testDirectory).length);
    writeFileSync(file, rewritten);
    const after = load(file);
    expect([after.entries.has('sw-1'), after.entries.has('sw-9')]).toEqual([false, true]);
  });

  it('given a file unchanged since long before its last read, then further lookups take its status only and read no bytes', () => {
    const file = directoryFile(testDirectory);
    const load = directoryLoader(undefined, () => Date.now() + 60_000);
    const first = load(file);
    const reads = readsOf(file);
    for (let request = 0; request < 4; request++) expect(load(file)).toBe(first);
    expect(readsOf(file)).toBe(reads);
  });

  it('given that settled file replaced by another of the same size (renamed over it), then the next lookup reads and applies it', () => {
    const file = directoryFile(testDirectory);
    const load = directoryLoader(undefined, () => Date.now() + 60_000);
    load(file);
    load(file);
    const beside = `${file}.new`;
    writeFileSync(beside, withIdReplaced('aud-1', 'aud-9'));
    renameSync(beside, file);
    const after = load(file);
    expect([after.entries.has('aud-1'), after.entries.has('aud-9')]).toEqual([false, true]);
  });

  it('given the file deleted, then the lookup is refused naming the file, never served from the last parse', () => {
    const file = directoryFile(testDirectory);
    const load = directoryLoader(undefined, () => Date.now() + 60_000);
    load(file);
    load(file);
    fs.rmSync(file);
    expect(() => load(file)).toThrow(`cannot read the principals file ${file}`);
  });
});
