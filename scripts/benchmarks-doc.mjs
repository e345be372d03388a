#!/usr/bin/env node
/**
 * Writes docs/benchmarks.md from bench/results.json: every figure in the document comes from
 * that file (median [min–max] over its rounds), none is typed by hand. The prose around the
 * figures lives here. `node scripts/benchmarks-doc.mjs` rewrites the document;
 * `--check` exits 1 when the document is not what the results give (CI runs it);
 * `--results FILE` reads another results file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { esdbScaleSection } from './benchmarks-doc-esdb.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--results');
const resultsPath = at >= 0 ? args[at + 1] : `${root}bench/results.json`;
const docPath = `${root}docs/benchmarks.md`;
const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
const figures = results.figures;

const num = (v) =>
  Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-GB') : Number(v.toPrecision(3)).toString();
const spread = (f) => `${num(f.median)} [${num(f.min)}–${num(f.max)}]`;
const find = (name) => figures.find((f) => f.name === name);
const findStart = (prefix) => figures.filter((f) => f.name.startsWith(prefix));

/** The issue's targets, checked against the medians (and the max for memory). */
const targets = [
  ['replay ratio (full pipeline ÷ raw)', '≥ 0.5', (f) => f.median >= 0.5],
  ['append ratio, 100 commands per transaction', '≥ 0.5', (f) => f.median >= 0.5],
  ['append ratio, one command per transaction', '≥ 0.6', (f) => f.median >= 0.6],
  ['command latency p50, warm state cache', '≤ 2 ms', (f) => f.median <= 2],
  ['command latency p99, warm state cache', '≤ 10 ms', (f) => f.median <= 10],
  [
    'command latency p50, no cache (read + decode + fold 300 events)',
    '≤ 2 ms',
    (f) => f.median <= 2,
  ],
  [
    'command latency p99, no cache (read + decode + fold 300 events)',
    '≤ 10 ms',
    (f) => f.median <= 10,
  ],
  ...findStart('peak RSS replaying')
    .filter((f) => f.name.endsWith('full pipeline'))
    .map((f) => [f.name, '≤ 300 MB', (g) => g.max <= 300]),
  [
    'addWorkingDays (ISO date in, Europe/London DateTime out)',
    '≥ 1 M ops/s',
    (f) => f.median >= 1e6,
  ],
  ['store-eventstoredb append, adapter ÷ raw client ratio', '≥ 0.7', (f) => f.median >= 0.7],
  ['store-eventstoredb read-all, adapter ÷ raw client ratio', '≥ 0.7', (f) => f.median >= 0.7],
  // Aimline leads the peer (Emmett): the lead is kept and tracked.
  ...[
    'peer ratio: Aimline ÷ Emmett default set-up, commands/s',
    'peer ratio: Aimline ÷ Emmett one shared connection, commands/s',
    (findStart('peer ratio: Aimline ÷ Emmett, read and fold')[0] ?? {}).name ??
      'peer ratio: Aimline ÷ Emmett, read and fold a 1000-event stream',
  ].map((name) => [name, '> 1 (Aimline leads)', (f) => f.median > 1]),
];
const targetRows = targets
  .map(([name, target, met]) => {
    const f = find(name);
    if (f === undefined) return `| ${name} | ${target} | not measured in this run | — |`;
    return `| ${name} | ${target} | ${spread(f)} ${f.unit} | ${met(f) ? 'yes' : '**no**'} |`;
  })
  .join('\n');

const titles = {
  'aimline.bench.ts': 'Aimline pipeline (demo data): bench/aimline.bench.ts',
  'calendar.bench.ts': 'Calendar: bench/calendar.bench.ts',
  'store-sqlite.bench.ts': 'SQLite store, synthetic rows: bench/store-sqlite.bench.ts',
  'store-eventstoredb.bench.ts': 'EventStoreDB: bench/store-eventstoredb.bench.ts',
  'peer-emmett.bench.ts': 'Beside the peer, Emmett on SQLite: bench/peer-emmett.bench.ts',
};
const byFile = new Map();
for (const f of figures) {
  const group = titles[f.file] ?? `bench/${f.file}`;
  if (!byFile.has(group)) byFile.set(group, []);
  byFile.get(group).push(f);
}
const tables = [...byFile]
  .map(
    ([group, list]) =>
      `### ${group}\n\n| figure | median [min–max] | unit | rounds |\n| --- | --- | --- | --- |\n${list
        .map((f) => `| ${f.name} | ${spread(f)} | ${f.unit} | ${f.rounds} |`)
        .join('\n')}`,
  )
  .join('\n\n');
const details = figures.map((f) => `- **${f.name}**: ${f.detail}`).join('\n');

/** A figure's CPU profile summary (bench/helpers/profile-summary.ts), when the bench took one. */
const shareRows = (shares) =>
  shares
    .map((s) => `| ${s.percent.toFixed(1)} % | \`${s.name.replaceAll('|', '\\|')}\` |`)
    .join('\n');
const profiles = figures
  .filter((f) => f.profile !== undefined)
  .map(
    (f) =>
      `### Where the time goes: ${f.name}\n\nProfile of ${f.profile.of}; ${num(f.profile.sampledMs)} ms sampled. The figure: ${spread(f)} ${f.unit}.\n\n| self time | package |\n| --- | --- |\n${shareRows(f.profile.byPackage)}\n\n| self time | function |\n| --- | --- |\n${shareRows(f.profile.functions)}`,
  )
  .join('\n\n');

const full = find('replay cost per event, full pipeline');
const verify = find('replay cost per event, up to verify');
const hours = (us) => ((150e6 * us) / 1e6 / 3600).toFixed(1);
const minutes = (us, workers) => ((150e6 * us) / 1e6 / 60 / workers).toFixed(1);
const scaleRows = [
  ['full pipeline (read, decode, verify, every projection)', full],
  ['read + decode + verify (no projections)', verify],
]
  .filter(([, f]) => f !== undefined)
  .map(
    ([label, f]) =>
      `| ${label} | ${num(f.median)} µs [${num(f.min)}–${num(f.max)}] | ${hours(f.median)} h | ${minutes(f.median, 16)} min | ${minutes(f.median, 64)} min |`,
  )
  .join('\n');

const smokeWarning =
  results.mode === 'smoke'
    ? `\n> **These figures come from a smoke run** (tiny workloads: a few thousand events, tens of commands), taken on a loaded machine. They show the harness works and the shape of the costs; they are not the figures of record. Regenerate with a full \`bash scripts/pnpm.sh bench\` on a quiet machine, then \`node scripts/benchmarks-doc.mjs\`.\n`
    : '';

const doc = `# Benchmarks

<!-- Generated by \`node scripts/benchmarks-doc.mjs\` from \`bench/results.json\`: do not edit by hand. -->

An audit replays a council's whole history, and a national service replays hundreds of millions
of events. Aimline's own layers (the store adapter, the codecs, the hash chains, the
projections, the command handler) should cost little next to the work nobody can avoid: reading
and parsing the bytes, and committing them durably. Each figure is measured **beside its
baseline, in the same process, in alternating rounds**.

## Running them

\`\`\`sh
bash scripts/pnpm.sh bench                 # builds, runs every bench/*.bench.ts, writes bench/results.json
bash scripts/pnpm.sh bench aimline sqlite  # only the files whose names contain those words
bash scripts/pnpm.sh bench --smoke         # tiny workloads, same shape of results (what CI runs)
node scripts/benchmarks-doc.mjs            # regenerates this document from bench/results.json
\`\`\`

The peer (Emmett) is an opt-in install of its own, never a dependency of the workspace: run
\`bash bench/peer/install.sh\` once after \`scripts/bootstrap.sh\` (its native \`sqlite3\` compiles
from source, about 9 minutes the first time). Without it \`bench/peer-emmett.bench.ts\` prints
one line saying so and gives no figures.

**How a figure is taken** (\`bench/helpers/figures.ts\`). Every contender runs beside its
baseline in the same round: one discarded warm-up round (JIT, caches, the page cache — the raw
replay's cold first read is never counted), then at least 5 rounds in ABBA order (A B, B A, A B …;
with more contenders A B C, C B A …), so a busy neighbour or a warming cache hits both alike.
Ratios are taken **per round** and then summarised; every figure in \`bench/results.json\` carries
\`median\`, \`min\`, \`max\` and \`rounds\`, and this document prints them as *median [min–max]*.
On a shared machine the spread is the honest part: a wide one means the run was disturbed.

**Memory** is measured in child processes running the **built packages** (\`dist/\`) under plain
\`node\` (\`bench/helpers/memory-child.mjs\`), one process per replay, peak RSS from \`getrusage\`.
Nothing of tsx or the TypeScript transform is in those figures.

**Data.** \`aimline.bench.ts\` makes its data with the real deciders: the demo generators
(\`packages/demo\`, fixed seed) produce one council's commands, the process managers' hand-offs are
captured as commands in order, the command handler records them, and the history is copied as
further councils (streams renamed, ids re-derived, every hash chain recomputed) up to the size
asked. It is cached under the OS temp directory, keyed by the seed and a hash of the domain
sources (\`AIMLINE_BENCH_FRESH=1\` rebuilds it).

Knobs (environment): \`AIMLINE_BENCH_ROUNDS\` (5, never fewer), \`AIMLINE_BENCH_SMOKE=1\`,
\`AIMLINE_BENCH_REPLAY_EVENTS\` (100000), \`AIMLINE_BENCH_MEMORY_SIZES\` (\`100000,300000,1000000\`),
\`AIMLINE_BENCH_MEMORY_ROUNDS\` (3), \`AIMLINE_BENCH_WIDE_SIZES\` (\`1000000\`), \`AIMLINE_BENCH_APPEND_SINGLE\` (1000),
\`AIMLINE_BENCH_APPEND_BATCHED\` (every command), \`AIMLINE_BENCH_LATENCY_COMMANDS\` (100 per
round), \`AIMLINE_BENCH_ACTIVE_STREAMS\` (10000), \`AIMLINE_BENCH_ACTIVE_COMMANDS\` (300 per
round), \`AIMLINE_BENCH_SQLITE_EVENTS\` (100000), \`AIMLINE_BENCH_CALENDAR_MS\` (300 per round),
\`AIMLINE_BENCH_PEER_COMMANDS\` (2000), \`AIMLINE_BENCH_PEER_STREAM_EVENTS\` (1000),
\`AIMLINE_BENCH_PEER_FOLDS\` (20 per round).

**Profiles.** A figure whose target is missed must say where its time goes, so the benchmark
attaches a CPU profile summary to it (\`profile\` in \`bench/results.json\`:
\`{ of, sampledMs, byPackage, functions }\`, each a list of \`{ name, percent }\` of self time;
\`bench/helpers/profile-summary.ts\`). The replay profile is taken on one more run of the same
events in a child under plain \`node\` on the built packages, so it names real functions and
lines; "native" is time in V8 builtins and in the SQLite and crypto bindings called from
JavaScript (\`JSON.parse\`, a statement's \`all\`, \`oneShotDigest\`). They are printed under
"Where the time goes" below the tables.

## What each figure measures

- **Replay**, layer by layer: *read* — \`store.readAll()\`; *decode* — plus the module codecs
  (io-ts, upcasters); *verify* — plus each stream's hash chain; *full* — plus every projection
  that folds the log (\`event-counts\`, \`deadline-tracker\`, \`panel-scorecard\`,
  \`attendance-overview\`, audit-trail entries). **Baseline:** the same rows through
  better-sqlite3 \`iterate()\` and \`JSON.parse\` of data and metadata, nothing else.
- **Append:** the council's commands through \`commandHandler\` into a new SQLite store
  (\`synchronous=FULL\`), one command per transaction (\`handle\`), and 100 commands per
  transaction (the handler's group commit, \`handleMany\`: one transaction and one fsync, each
  command's append in a savepoint of its own). **Baseline:** raw inserts of the very rows the handler wrote, in the same
  transactions. The ratio by CPU time is given beside the wall-clock one.
- **Command latency** on a 300-event HSB case, with the handler's state cache warm and with
  \`new StateCache({ maxBytes: 0 })\` (every command reads, decodes and folds the stream), beside
  the disk's commit floor (a raw one-row \`synchronous=FULL\` transaction) and a cold
  \`handler.load\`. Each round gives a p50 and a p99; the figure is their spread over rounds.
- **Command latency with 10,000 active streams**: an HSB case at its first contact copied into
  10,000 streams; contacts to streams picked at random (no locality), with the default state
  cache (bounded by the weight of the streams' stored events, 256 MiB, so it holds all of them
  after each has been loaded once) and with no cache.
- **Beside the peer** (\`bench/peer-emmett.bench.ts\`): Emmett 0.42 (\`@event-driven-io/emmett\`
  0.42.0, \`@event-driven-io/emmett-sqlite\` 0.42.4 on \`sqlite3\`) runs Aimline's own deciders
  through its \`DeciderCommandHandler\` and \`getSQLiteEventStore\`, beside Aimline's handler on
  its SQLite store: the demo council's commands that record events, one per transaction
  (Emmett in its default set-up, a new connection per operation, and with one shared
  connection); reading and folding one long HSB case with no cache; replaying the whole log.
  Both stores are checked to hold the same events and to fold to the same states, and every
  store runs WAL with \`synchronous=FULL\` (read from each store's own connection and printed).
  Ratios are Aimline ÷ Emmett per round (above 1: Aimline is faster), by wall clock and by CPU
  time. Emmett's \`sqliteConnection\` does not await the \`PRAGMA journal_mode = WAL\` it runs on
  every new connection. On a new file that PRAGMA can lose the race to Emmett's first
  transaction and leave the file in rollback-journal mode, so the bench makes every Emmett file
  WAL before Emmett opens it; and now and then a commit fails with SQLITE_BUSY ("SQL statements
  in progress") while the PRAGMA is still running, which the bench retries through Emmett's own
  \`retry\` option and counts.
- **Peak RSS** replaying the first N events through read + decode + verify, and through the full
  pipeline, beside the idle process with every module loaded; and through the full pipeline
  over ten times the streams for the same events (the \`wide\` history: every copied case cut
  after its first event or two, about 690,000 streams in 1M events), to show memory flat in the
  number of cases.

## Latest figures

Taken ${results.takenAt} (${results.mode} mode, ${results.seconds} s) on ${results.machine};
load average ${results.loadAverage.min.toFixed(1)}–${results.loadAverage.max.toFixed(1)} on
${results.cpus} CPUs during the run (the machine is shared with other work).
${results.failures.length > 0 ? `\nFailed in this run: ${results.failures.map((f) => `\`${f.file}\` (${f.error})`).join('; ')}.\n` : ''}${smokeWarning}
### Targets (issue 17)

| figure | target | median [min–max] | met? |
| --- | --- | --- | --- |
${targetRows}

${tables}
${profiles === '' ? '' : `\n${profiles}\n`}
### What each figure was taken on

${details}

## Scale: a national service

About 150 councils and 150 million events over ten years: ≈ 41,000 events a day, well under
one append a second on average. Appends are not the problem; replays and catch-ups are. A
three-node EventStoreDB cluster holds the streams (category first, then council:
\`hsb-case-<council>-<case>\`); projections are partitioned by *(projection, category, council
group)*, each a catch-up subscription with a server-side prefix filter and its own checkpoint,
so partitions share nothing and rebuild independently. Replay time predicted from this run's
measured per-event cost on one core (SQLite read layer; the EventStoreDB adapter's read cost
replaces it on a cluster):

| pipeline | per event | 150 M events, 1 core | 16 workers | 64 workers |
| --- | --- | --- | --- | --- |
${scaleRows}

What breaks first: the full pipeline's memory grows with the number of cases (the deadline
tracker keeps every stream's folded state), so one process cannot hold a national history; the
partition must include the council, and the tracker must keep only open obligations.

${esdbScaleSection(figures, num)}`;

const options = (await prettier.resolveConfig(docPath)) ?? {};
const formatted = await prettier.format(doc, { ...options, parser: 'markdown' });
if (args.includes('--check')) {
  const current = readFileSync(docPath, 'utf8');
  if (current !== formatted) {
    console.error(
      'docs/benchmarks.md is not what bench/results.json gives: run node scripts/benchmarks-doc.mjs',
    );
    process.exit(1);
  }
  console.log('docs/benchmarks.md matches bench/results.json');
} else {
  writeFileSync(docPath, formatted);
  console.log(`wrote docs/benchmarks.md from ${resultsPath} (${figures.length} figures)`);
}
