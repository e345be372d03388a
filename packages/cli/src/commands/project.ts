import { resolve } from 'node:path';
import {
  InMemorySnapshotStore,
  ProjectionRunner,
  deadlineReport,
  deadlineTracker,
  locateUnreadable,
  type Projection,
  type SnapshotStore,
} from '@aimline/projections';
import { ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { FileSnapshotStore } from '../file-snapshot-store.js';
import { snapshotSealer } from '@aimline/governance';
import { table } from '../output.js';
import { progress } from '../progress.js';
import { eventCounts } from './event-counts.js';

/**
 * Where snapshots live by default: beside a SQLite store (`PATH.projections/`); for EventStoreDB
 * under ./.aimline/projections (each file names the store's identity, so another store's
 * snapshot is never used); in memory for a `memory:` store.
 */
const snapshotsBeside = (rt: Runtime): string | undefined => {
  switch (rt.location.kind) {
    case 'sqlite':
      return `${resolve(rt.location.path)}.projections`;
    case 'eventstoredb':
      return resolve('.aimline', 'projections');
    case 'memory':
      return undefined;
  }
};

/** The projections kept current by `aimline project`, each with its own snapshot and checkpoint. */
const kept = (rt: Runtime): ReadonlyArray<Projection<unknown>> => [
  eventCounts as Projection<unknown>,
  deadlineTracker(rt.registry.modules) as Projection<unknown>,
];

/**
 * `aimline project [--rebuild]`: catches every kept projection up from its own checkpoint (or
 * rebuilds it from zero), saving state and position together under the snapshots folder.
 */
export const project = async (
  rt: Runtime,
  o: { rebuild?: boolean; snapshots?: string },
): Promise<number> => {
  const dir = o.snapshots ?? snapshotsBeside(rt);
  const snapshots: SnapshotStore =
    dir === undefined
      ? new InMemorySnapshotStore()
      : new FileSnapshotStore(dir, rt.store, snapshotSealer(rt.vault));
  const rows: Array<{ projection: string; applied: number; position: string | null }> = [];
  let deadlines: ReturnType<typeof deadlineReport> | undefined;
  for (const p of kept(rt)) {
    const bar = progress(
      `${o.rebuild ? 'rebuilding' : 'catching up'} ${p.name}`,
      undefined,
      !rt.output.json,
    );
    const runner = new ProjectionRunner(rt.store, rt.decode, p, snapshots, {
      onProgress: (n) => bar.update(n),
    });
    const r = o.rebuild ? await runner.rebuild() : await runner.catchUp();
    bar.stop();
    rt.unreadable.add(r.unreadable);
    rows.push({
      projection: p.name,
      applied: r.applied,
      position: r.position?.toString() ?? null,
    });
    if (p.name === 'deadline-tracker') {
      deadlines = deadlineReport(
        r.state as Parameters<typeof deadlineReport>[0],
        rt.registry.modules,
        rt.clock(),
      );
      rt.unreadable.add(
        await locateUnreadable(rt.store, rt.decode, rt.registry.modules, deadlines.unreadable),
      );
    }
  }
  rt.output.result({ projections: rows, deadlinesByRule: deadlines?.byRule }, () =>
    [
      table(
        ['projection', 'events applied now', 'position'],
        rows.map((r) => [r.projection, r.applied, r.position ?? '-']),
      ),
      dir === undefined ? 'snapshots kept in memory (memory: store)' : `snapshots in ${dir}`,
    ].join('\n'),
  );
  return ExitCode.Ok;
};
