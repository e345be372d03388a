/**
 * `pnpm bench`: runs every `bench/*.bench.ts` (each exports `run()` returning figures), prints
 * one table and writes `bench/results.json`: the machine, its load, the mode, and every figure
 * as `{ file, name, unit, median, min, max, rounds, detail }`, and `profile` (where the time
 * went) on a figure that carries one (see bench/helpers/figures.ts).
 * Figures are printed, never asserted; benchmarks never run in the test command.
 *
 * `pnpm bench calendar sqlite` runs only the files whose names contain those words;
 * `--smoke` (or AIMLINE_BENCH_SMOKE=1) runs every workload small, in seconds, for CI;
 * `--out FILE` writes the results elsewhere (CI's smoke run does not touch bench/results.json).
 * `docs/benchmarks.md` is generated from the results: `node scripts/benchmarks-doc.mjs`.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { roundCount, smoke, spread, type Figure } from './helpers/figures.js';

export type { Figure };

const here = import.meta.dirname;
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? resolve(args[outAt + 1] ?? '') : join(here, 'results.json');
if (args.includes('--smoke')) process.env['AIMLINE_BENCH_SMOKE'] = '1';
const only = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const started = new Date();
const loads: number[] = [loadavg()[0] ?? 0];
const figures: Array<Figure & { file: string }> = [];
const failures: Array<{ file: string; error: string }> = [];
for (const file of files) {
  process.stderr.write(`\n== ${file}\n`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    run?: () => Promise<Figure[]>;
  };
  if (typeof mod.run !== 'function') {
    process.stderr.write(`   (no run() export; skipped)\n`);
    continue;
  }
  const t0 = performance.now();
  try {
    const got = await mod.run();
    for (const f of got)
      if (![f.median, f.min, f.max, f.rounds].every((v) => typeof v === 'number'))
        throw new Error(`${file}: figure "${f.name}" lacks median/min/max/rounds`);
    figures.push(...got.map((f) => ({ file, ...f })));
    process.stderr.write(
      `   ${got.length} figures in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  } catch (e) {
    process.stderr.write(`   FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    failures.push({ file, error: e instanceof Error ? e.message : String(e) });
  }
  loads.push(loadavg()[0] ?? 0);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const w = Math.max(...figures.map((r) => r.name.length), 10);
console.log(
  `\nAimline benchmarks on ${machine}${smoke() ? ' (SMOKE MODE: tiny workloads, figures not representative)' : ''}\n`,
);
console.log(`${'figure'.padEnd(w)}  ${'median [min–max]'.padStart(28)}  unit       rounds`);
for (const r of figures)
  console.log(`${r.name.padEnd(w)}  ${spread(r).padStart(28)}  ${r.unit.padEnd(9)}  ${r.rounds}`);
const results = {
  takenAt: started.toISOString(),
  seconds: Math.round((Date.now() - started.getTime()) / 1000),
  mode: smoke() ? 'smoke' : 'full',
  machine,
  cpus: cpus().length,
  loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
  rounds: roundCount(),
  files,
  failures,
  figures,
};
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${out} (${figures.length} figures, ${failures.length} failures)`);
if (failures.length > 0) process.exitCode = 1;
