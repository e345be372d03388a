/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with the most self
 * time, and self time grouped by package. Usage: `tsx bench/helpers/profile-summary.ts FILE [N]`.
 * The profile behind docs/benchmarks.md: see "Profile" there for the command.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topText] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: profile-summary.ts FILE.cpuprofile [N]');
const top = Number(topText ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const f = byId.get(id)?.callFrame;
  if (f === undefined) return;
  const where = f.url
    .replace(/^file:\/\/.*?\/(packages|node_modules)\//, '$1/')
    .replace(/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');
  const key = `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  const pkg =
    /^packages\/([^/]+)/.exec(where)?.[1] ??
    /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ??
    (f.url.startsWith('node:')
      ? 'node internals'
      : f.functionName.startsWith('(')
        ? f.functionName
        : where === ''
          ? 'native (V8, JSON, crypto, sqlite)'
          : 'other');
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
});
const pct = (v: number): string => `${((100 * v) / total).toFixed(1).padStart(5)} %`;
console.log(`total ${(total / 1e6).toFixed(2)} s sampled\n\nself time by package:`);
for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`${pct(v)}  ${k}`);
console.log('\ntop functions by self time:');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(v)}  ${k}`);
