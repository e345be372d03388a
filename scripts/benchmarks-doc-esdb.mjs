/**
 * The national plan on the EventStoreDB cluster, for docs/benchmarks.md (see
 * benchmarks-doc.mjs): every number is computed from figures of bench/results.json
 * (bench/store-eventstoredb.bench.ts on a real 3-node cluster, aimline.bench.ts for the
 * pipeline's own per-event work); a figure the run did not take is said to be missing.
 */

const EVENTS = 150e6;
const COUNCILS = 150;
/** ≈ 41,000 events a day over ten years; appends arrive in office hours (8 of 24). */
const PER_DAY = EVENTS / (10 * 365);
const OFFICE_HOURS = 8;
/** PTable index entry (stream hash, version, position: 3 × 8 bytes), per the server's source. */
const INDEX_ENTRY_BYTES = 24;

/**
 * @param {ReadonlyArray<{name: string, median: number, min: number, max: number, unit: string}>} figures
 * @param {(v: number) => string} num
 */
export const esdbScaleSection = (figures, num) => {
  const find = (name) => figures.find((f) => f.name === name);
  const cRead = find('store-eventstoredb cluster replay cost per event, read + decode');
  const cVerify = find('store-eventstoredb cluster replay cost per event, read + decode + verify');
  const cRaw = find('store-eventstoredb cluster replay cost per event, raw client');
  const sqlRead = find('replay cost per event, up to read');
  const sqlFull = find('replay cost per event, full pipeline');
  const appendOne = find('store-eventstoredb cluster append cost per event, one writer');
  const appendPar = find('store-eventstoredb cluster append throughput, 8 writers, adapter');
  const bytes = find(
    'store-eventstoredb append of one-event commands: $all bytes per event, adapter',
  );
  const rawBytes = find(
    'store-eventstoredb append of one-event commands: $all bytes per event, raw client',
  );
  const missing = [cRead, cVerify, cRaw, appendOne, appendPar, bytes].some((f) => f === undefined);
  const header = `## Scale on the EventStoreDB cluster: 150 councils, 150 M events

Measured on a real 3-node cluster (\`bench/store-eventstoredb.bench.ts\`: three vendored
EventStoreDB 23.10.8 nodes on loopback, data on disk, **all on the same cores as the bench**),
then extrapolated per event. The figures below are medians of this run; a busy or shared
machine makes every cost here an upper bound.
`;
  if (missing)
    return `${header}
_Not measured in this run_: the EventStoreDB figures are missing from \`bench/results.json\`
(the run did not include \`store-eventstoredb.bench.ts\`, or it could not start a server). Run
\`bash scripts/pnpm.sh bench eventstoredb\` and regenerate this document.
`;
  const hours = (us, n = EVENTS) => (n * us) / 1e6 / 3600;
  const h = (v) => (v < 1 ? `${num(v * 60)} min` : `${num(v)} h`);
  // The pipeline's own work per event beyond reading (module codecs, verify, projections)
  // is measured on SQLite; on the cluster the adapter's read replaces SQLite's read.
  const extra =
    sqlFull !== undefined && sqlRead !== undefined ? sqlFull.median - sqlRead.median : undefined;
  const full = extra === undefined ? undefined : cRead.median + extra;
  const logBytes = bytes.median * EVENTS;
  const indexBytes = 2 * EVENTS * INDEX_ENTRY_BYTES;
  const perHourPeak = (PER_DAY / OFFICE_HOURS) * 10;
  const perSecondPeak = perHourPeak / 3600;
  const writerRate = 1e6 / appendOne.median;
  const gb = (b) => `${num(b / 1e9)} GB`;
  const rows = [
    ['raw client read + JSON (the floor)', cRaw.median],
    ['adapter read + decode into port events', cRead.median],
    ['+ hash-chain verify', cVerify.median],
    ...(full === undefined
      ? []
      : [['+ module codecs and every projection (SQLite-measured extra, added)', full]]),
  ]
    .map(
      ([label, us]) =>
        `| ${label} | ${num(us)} µs | ${h(hours(us))} | ${h(hours(us, EVENTS / COUNCILS))} |`,
    )
    .join('\n');
  return `${header}
**Replay** (one reader, one core; a council's own history is 1 M events):

| work per event | cost | 150 M events | one council (1 M) |
| --- | --- | --- | --- |
${rows}

**Appends.** One writer appends a one-event command to the cluster in ${num(appendOne.median)} µs
[${num(appendOne.min)}–${num(appendOne.max)}] (≈ ${num(writerRate)} commands/s: the claim and the
events, each acknowledged by a quorum of the cluster); eight writers on one store reach
${num(appendPar.median)} events/s [${num(appendPar.min)}–${num(appendPar.max)}]. The national load
is ≈ ${num(PER_DAY)} events a day; even if it all came in ${OFFICE_HOURS} office hours with a
tenfold peak, that is ${num(perSecondPeak)} events/s — ${num(appendPar.median / perSecondPeak)}× below
what this one machine's cluster took. Appends do not break first.

**Storage.** The log grows by ${num(bytes.median)} bytes per one-event command through the adapter
(the event with its hash-chain metadata, and the command's claim, a stream and an event of its
own), against ${rawBytes === undefined ? 'an unmeasured figure' : `${num(rawBytes.median)} bytes`} for the bare event: ${gb(logBytes)} of log for
150 M events, on each of the three nodes, and about ${gb(indexBytes)} of index (two entries per
command, ${INDEX_ENTRY_BYTES} bytes each). Claims are never scavenged: they are what detects a command
id reused years later.

**What breaks first, in order:**

1. **Rebuilding a projection.** A catch-up reads \`$all\` from the start, and every partition
   (council group, category) reads all of it: the adapter's \`readAll\` filters on the client
   (the 6.2.1 client cannot filter a read; subscriptions do filter on the server, but the server
   still walks the whole log), and with one-event commands half the records are claims, read
   and skipped. At ${num(cRead.median)} µs per event (the bench's ranges hold the claims and other
   writers' events too, so the skipping is in that cost) that is ${h(hours(cRead.median))} of
   reading per partition before any decoding, so
   adding partitions does not shorten it. What fixes it: server-side filtered reads (a
   client that has them), partition streams the server keeps (the \`$by_category\` system
   projection, read as \`$ce-<category>\`; the nodes must run system projections), or a store per council group, whose \`$all\` holds
   only that group's history (a council's million events:
   ${h(hours(full ?? cVerify.median, EVENTS / COUNCILS))}${full === undefined ? ' to read and verify' : ' through the full pipeline'}).
2. **Memory of the full pipeline**, which grows with the number of cases (above): one process
   cannot fold a national history; partitions must include the council.
3. **Disk**: ${gb(logBytes)} of log and ${gb(indexBytes)} of index per node, doubled in record count by
   the claims. Comfortable for one cluster; a larger record (bigger event data) scales it linearly.
4. **Appends**, last: ${num(appendPar.median / perSecondPeak)}× headroom over the national peak on this
   one machine.
`;
};
