/**
 * `pnpm bench`: runs every `bench/*.bench.ts` (each exports `run()` returning figures), prints
 * one table and writes `bench/results.json` as `[{ name, value, unit, detail }]`. Figures are
 * printed, never asserted; benchmarks never run in the test command.
 * `pnpm bench calendar sqlite` runs only the benchmark files whose names contain those words.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  detail: string;
}

const here = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  process.stderr.write(`\n== ${file}\n`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    run?: () => Promise<BenchResult[]>;
  };
  if (typeof mod.run !== 'function') {
    process.stderr.write(`   (no run() export; skipped)\n`);
    continue;
  }
  const started = performance.now();
  try {
    const figures = await mod.run();
    results.push(...figures);
    process.stderr.write(
      `   ${figures.length} figures in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } catch (e) {
    process.stderr.write(`   FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    results.push({
      name: `${file} failed`,
      value: 0,
      unit: 'error',
      detail: e instanceof Error ? e.message : String(e),
    });
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const fmt = (v: number) =>
  Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-GB') : v.toPrecision(3);
const w = Math.max(...results.map((r) => r.name.length), 10);
console.log(`\nAimline benchmarks on ${machine}\n`);
console.log(`${'figure'.padEnd(w)}  ${'value'.padStart(14)}  unit        detail`);
for (const r of results)
  console.log(
    `${r.name.padEnd(w)}  ${fmt(r.value).padStart(14)}  ${r.unit.padEnd(10)}  ${r.detail}`,
  );
writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote bench/results.json (${results.length} figures)`);
