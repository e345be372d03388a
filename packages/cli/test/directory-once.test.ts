/**
 * Issue 13 item 1: a command runs as a principal of the council directory. The runtime parses the
 * directory once, however many reads the command makes as that principal, and parses it again
 * only when the file's bytes change, so a read never applies rules the file no longer holds.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRuntime } from '../src/runtime.js';
import { CliError } from '../src/exit-codes.js';
import { testDirectory } from './principals.js';

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
