import { createHash } from 'node:crypto';
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
 * Need to know: a projection is folded from what one principal may see, so its snapshot and
 * checkpoint are that principal's, named by their id and a digest of their allocations and read
 * grants: a change of either starts a fresh projection rather than reuse what they may no longer see.
 */
const scopedName = (name: string, rt: Runtime, view: ReturnType<Runtime['visible']>): string => {
  const { directory } = rt.governance('project');
  const digest = createHash('sha256')
    .update(JSON.stringify([view.principal, directory.reads[view.principal.role] ?? []]))
    .digest('hex')
    .slice(0, 12);
  return `${name}.as-${view.principal.id}-${digest}`;
};

/**
 * `aimline project [--rebuild]`: catches every kept projection of the principal (`--as`) up
 * from its own checkpoint (or rebuilds it from zero), saving state and position together
 * under the snapshots folder.
 */
export const project = async (
  rt: Runtime,
  o: { rebuild?: boolean; snapshots?: string },
): Promise<number> => {
  const dir = o.snapshots ?? snapshotsBeside(rt);
  const snapshots: SnapshotStore =
    dir === undefined
      ? new InMemorySnapshotStore()
      : // eslint-disable-next-line no-restricted-syntax -- checks a snapshot's last event hash against the store; reads no personal data
        new FileSnapshotStore(dir, rt.store, snapshotSealer(rt.vault));
  const view = rt.visible('project');
  const source = { readAll: view.readAll, checkpoints: rt.store.checkpoints };
  const rows: Array<{ projection: string; applied: number; position: string | null }> = [];
  let deadlines: ReturnType<typeof deadlineReport> | undefined;
  for (const p of kept(rt)) {
    const bar = progress(
      `${o.rebuild ? 'rebuilding' : 'catching up'} ${p.name}`,
      undefined,
      !rt.output.json,
    );
    const scoped = { ...p, name: scopedName(p.name, rt, view) };
    const runner = new ProjectionRunner(source, rt.decode, scoped, snapshots, {
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
        await locateUnreadable(view, rt.decode, rt.registry.modules, deadlines.unreadable),
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
