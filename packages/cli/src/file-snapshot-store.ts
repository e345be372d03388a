import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { makeDirectories } from './make-directories.js';
import { join } from 'node:path';
import type { EventStore } from '@aimline/kernel';
import type { SnapshotSealer } from '@aimline/governance';
import type { ProjectionSnapshot, SnapshotEvent, SnapshotStore } from '@aimline/projections';
import { CliError, ExitCode } from './exit-codes.js';

/** A snapshot as written: the position as text, and the identity of the store it was made from. */
type SnapshotFile = Omit<ProjectionSnapshot, 'position'> & {
  readonly position: string;
  readonly store: string;
};

/**
 * Projection snapshots as JSON files in a folder (mode 0700; files 0600), tied to the store they
 * were made from: each file names the store's identity and the event at its position (stream,
 * revision, hash). A snapshot of another store, or one whose event is gone or changed, is never
 * used: the projection is rebuilt from zero instead (a mismatch forces a rebuild, never a
 * wrong answer). Files are replaced atomically by rename, so a crash leaves the previous one.
 */
export class FileSnapshotStore implements SnapshotStore {
  constructor(
    private readonly dir: string,
    private readonly store: EventStore,
    /** Seals each file (the state holds personal data); without one, files are plain JSON. */
    private readonly sealer?: SnapshotSealer,
  ) {
    makeDirectories(dir, 0o700);
  }

  private file(name: string): string {
    return join(this.dir, `${name.replace(/[^a-z0-9-]/gi, '_')}.json`);
  }

  /** Whether the store still holds `last` at `position`, with the same hash. */
  private async stillStored(position: bigint, last: SnapshotEvent | undefined): Promise<boolean> {
    if (last === undefined) return false;
    // eslint-disable-next-line no-restricted-syntax -- checks that a snapshot's last event is still stored with its hash; nothing is shown
    for await (const e of this.store.readStream(last.stream, {
      fromRevision: last.revision,
      maxCount: 1,
    }))
      return (
        e.revision === last.revision && e.position === position && e.metadata.hash === last.hash
      );
    return false;
  }

  async load(name: string): Promise<ProjectionSnapshot | undefined> {
    let text: string;
    try {
      text = readFileSync(this.file(name), 'utf8');
    } catch {
      return undefined;
    }
    if (this.sealer !== undefined) {
      // Sealed with a key an erasure has since destroyed (or not sealed at all): rebuild.
      const opened = await this.sealer.open(name, text);
      if (opened === undefined) return undefined;
      text = opened;
    }
    let saved: SnapshotFile;
    let position: bigint;
    try {
      saved = JSON.parse(text) as SnapshotFile;
      position = BigInt(saved.position);
    } catch (e) {
      throw new CliError(
        `snapshot ${this.file(name)} is unreadable (${e instanceof Error ? e.message : String(e)}); rebuild with --rebuild`,
        ExitCode.CorruptHistory,
      );
    }
    if (saved.store !== (await this.store.identity())) return undefined;
    if (!(await this.stillStored(position, saved.last))) return undefined;
    const { store: _store, ...snapshot } = saved;
    return { ...snapshot, position };
  }

  async save(name: string, snapshot: ProjectionSnapshot): Promise<void> {
    const target = this.file(name);
    const tmp = `${target}.tmp`;
    const file: SnapshotFile = {
      ...snapshot,
      position: snapshot.position.toString(),
      store: await this.store.identity(),
    };
    const text = JSON.stringify(file);
    writeFileSync(tmp, this.sealer === undefined ? text : await this.sealer.seal(name, text), {
      mode: 0o600,
    });
    renameSync(tmp, target);
  }

  async clear(name: string): Promise<void> {
    rmSync(this.file(name), { force: true });
  }
}
