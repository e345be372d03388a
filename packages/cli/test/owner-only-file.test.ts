/**
 * An output file the CLI writes (a case report, a subject access response, an anchor): a write
 * that fails part way (a full disk, a file-size limit) neither passes for a whole file nor leaves
 * a part-written one behind to refuse the repeated run as "exists already".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const ownerOnlyFile = fileURLToPath(new URL('../src/owner-only-file.ts', import.meta.url));

/**
 * Runs writeOwnerOnly in a process whose files may not grow past 1 KiB (`ulimit -f 1`; Node
 * ignores SIGXFSZ, so the write past it fails with EFBIG), and prints what it threw, if anything.
 */
const writeUnderLimit = (path: string, bytes: number) =>
  spawnSync(
    'bash',
    [
      '-c',
      'ulimit -f 1; exec "$0" --import tsx --conditions=@aimline/source --input-type=module -e "$1"',
      process.execPath,
      `import { writeOwnerOnly } from ${JSON.stringify(ownerOnlyFile)};
       try {
         writeOwnerOnly({ path: ${JSON.stringify(path)}, flag: '--out', overwrite: false }, 'x'.repeat(${bytes}));
         console.log('written');
       } catch (e) {
         console.log(e.message);
       }`,
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );

describe('writeOwnerOnly: a write that fails leaves no file behind', () => {
  it('given a file-size limit of 1 KiB, when 64 KiB are written to a new --out file, then it is a refusal naming the flag and the file is gone', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'aimline-out-')), 'report.html');
    const run = writeUnderLimit(path, 64 * 1024);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^--out: cannot write ${path}: .*EFBIG`));
    expect(existsSync(path)).toBe(false);
  }, 60_000);

  it('given the same limit, when a text within it is written, then the file is written whole', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'aimline-out-')), 'report.html');
    const run = writeUnderLimit(path, 512);
    expect(run.stdout, run.stderr).toBe('written\n');
    expect(statSync(path).size).toBe(512);
  }, 60_000);
});
