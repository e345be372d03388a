/**
 * Aimline's own layers beside the work nobody can avoid, in one run (see docs/benchmarks.md):
 * replay throughput (store, codecs, hash chains, projections) against raw better-sqlite3 +
 * JSON.parse; peak RSS replaying 100k / 300k / 1M events (built packages, plain node); append throughput through the
 * command handler against raw inserts of the same rows; command latency on a 300-event
 * stream. Data: the demo generators (fixed seed) through the real deciders.
 *
 * The work runs in a child process started with `--conditions=@aimline/source`, so every
 * package is loaded once, from its TypeScript source, built or not. Prints, never asserts.
 * Alone: `pnpm exec tsx bench/aimline.bench.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { spread, type Figure } from './helpers/figures.js';

/** The flags that load TypeScript: tsx's own when we run under it, else `--import tsx`. */
const loaderFlags = (): string[] =>
  process.execArgv.some((a) => a.includes('tsx'))
    ? process.execArgv.filter((a) => !a.startsWith('--conditions'))
    : ['--import', 'tsx'];

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'aimline-bench-results-'));
  const out = join(dir, 'results.json');
  const main = fileURLToPath(new URL('./helpers/aimline-main.ts', import.meta.url));
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [...loaderFlags(), '--conditions=@aimline/source', main, out],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
          cwd: fileURLToPath(new URL('..', import.meta.url)),
        },
      );
      child.stdout.pipe(process.stderr);
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`bench/helpers/aimline-main.ts exited with ${code}`);
    return JSON.parse(readFileSync(out, 'utf8')) as Figure[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await run();
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    console.log(
      `${r.name.padEnd(width)}  ${spread(r).padStart(28)} ${r.unit} (${r.rounds} rounds)`,
    );
    console.log(`${' '.repeat(width)}  ${r.detail}`);
  }
}
