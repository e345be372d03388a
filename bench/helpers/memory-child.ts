/**
 * One replay in a process of its own, so its peak RSS is its own: `memory-child.ts PATH
 * LIMIT LAYER|raw|idle`. Prints one JSON line: events, peak RSS (getrusage), RSS samples.
 */
import { domainRegistry } from '../../packages/cli/src/registry.js';
import { defaultCouncilPolicy } from '../../packages/cli/src/council-policy.js';
import { rawReplay, replay, type Layer } from './replay.js';

const [path, limitText, mode] = process.argv.slice(2);
if (path === undefined || limitText === undefined || mode === undefined)
  throw new Error('usage: memory-child.ts PATH LIMIT MODE');
const limit = Number(limitText);
const registry = domainRegistry(defaultCouncilPolicy());
const started = performance.now();
let events = 0;
let streams = 0;
let samples: ReadonlyArray<readonly [number, number]> = [];
if (mode === 'raw') events = rawReplay(path, limit);
else if (mode !== 'idle') {
  const r = await replay(
    path,
    registry,
    limit,
    mode as Layer,
    Math.max(10_000, Math.floor(limit / 10)),
  );
  events = r.events;
  streams = r.streams;
  samples = r.rssSamples;
}
const ms = performance.now() - started;
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
console.log(
  JSON.stringify({
    events,
    streams,
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapMb,
    samples,
  }),
);
