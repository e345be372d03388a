/**
 * Where the CPU time goes: a V8 CPU profile (from `node --cpu-prof`, or `node:inspector`'s
 * `Profiler.stop`) summarised as self time by package and the functions with the most self
 * time. The benchmark attaches such a summary to a figure (`Figure.profile`, written to
 * `bench/results.json` and rendered by `scripts/benchmarks-doc.mjs`), so a figure that misses
 * its target says where its time went.
 *
 * Alone: `tsx bench/helpers/profile-summary.ts FILE.cpuprofile [N]` prints the summary.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The part of a V8 `.cpuprofile` the summary reads. */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
    readonly children?: ReadonlyArray<number>;
  }>;
  readonly samples: ReadonlyArray<number>;
  readonly timeDeltas: ReadonlyArray<number>;
}

/** A share of the sampled time: a package, or a function (`name  file:line`). */
export interface ProfileShare {
  readonly name: string;
  /** Percent of the sampled time, one decimal. */
  readonly percent: number;
}

/** What `Figure.profile` holds. */
export interface ProfileSummary {
  /** What was profiled, in words (workload, build, how). */
  readonly of: string;
  /** CPU time sampled, in ms. */
  readonly sampledMs: number;
  /** Self time by workspace package, dependency, or V8/Node part, largest first. */
  readonly byPackage: ReadonlyArray<ProfileShare>;
  /** The functions with the most self time, largest first. */
  readonly functions: ReadonlyArray<ProfileShare>;
}

const NATIVE = 'native (V8 builtins: JSON.parse, SQLite and crypto calls)';

/** A sample's place: `packages/<pkg>/…`, `node_modules/<dep>/…`, `node:…` or empty. */
const placeOf = (url: string): string =>
  url
    .replace(/^file:\/\/.*?\/(packages|node_modules|bench)\//, '$1/')
    .replace(/node_modules\/\.pnpm\/[^/]+\/node_modules\//, 'node_modules/');

const packageOf = (place: string, url: string, functionName: string): string =>
  /^packages\/([^/]+)/.exec(place)?.[1] ??
  /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(place)?.[1] ??
  (place.startsWith('bench/')
    ? 'bench (the benchmark loop)'
    : url.startsWith('node:')
      ? 'node internals'
      : functionName.startsWith('(')
        ? functionName
        : place === ''
          ? NATIVE
          : 'other');

/** Summarises a profile: `top` packages and functions by self time. */
export const summariseProfile = (profile: CpuProfile, of: string, top = 15): ProfileSummary => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  // The profiler's own work (node:inspector's post: Profiler.stop serialising the profile) is
  // sampled too; it is no part of what was profiled.
  const own = new Set<number>();
  const mark = (id: number): void => {
    own.add(id);
    for (const c of profile.nodes.find((n) => n.id === id)?.children ?? []) mark(c);
  };
  for (const n of profile.nodes) if (n.callFrame.url === 'node:inspector') mark(n.id);
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const f = byId.get(id);
    if (f === undefined || dt <= 0 || own.has(id)) return;
    total += dt;
    const place = placeOf(f.url);
    const key = `${f.functionName || '(anonymous)'}  ${place === '' ? '' : `${place}:${f.lineNumber + 1}`}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const pkg = packageOf(place, f.url, f.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
  });
  const shares = (m: Map<string, number>): ProfileShare[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, v]) => ({ name: name.trim(), percent: Math.round((1000 * v) / total) / 10 }));
  return {
    of,
    sampledMs: Math.round(total / 1000),
    byPackage: shares(byPackage),
    functions: shares(self),
  };
};

/** The summary as text, for logs. */
export const profileText = (s: ProfileSummary): string =>
  [
    `${s.of}: ${s.sampledMs} ms sampled`,
    'self time by package:',
    ...s.byPackage.map((p) => `${p.percent.toFixed(1).padStart(5)} %  ${p.name}`),
    'top functions by self time:',
    ...s.functions.map((p) => `${p.percent.toFixed(1).padStart(5)} %  ${p.name}`),
  ].join('\n');

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, topText] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: profile-summary.ts FILE.cpuprofile [N]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(profileText(summariseProfile(profile, file, Number(topText ?? 25))));
}
