import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectionSnapshot, SnapshotStore } from '@aimline/projections';
import { CliError, ExitCode } from './exit-codes.js';

/**
 * Projection snapshots as JSON files in a folder (state and position in one file, replaced
 * atomically by rename, so a crash leaves the previous snapshot intact).
 */
export class FileSnapshotStore implements SnapshotStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private file(name: string): string {
    return join(this.dir, `${name.replace(/[^a-z0-9-]/gi, '_')}.json`);
  }

  async load(name: string): Promise<ProjectionSnapshot | undefined> {
    let text: string;
    try {
      text = readFileSync(this.file(name), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const parsed = JSON.parse(text) as ProjectionSnapshot & { position: string };
      return { ...parsed, position: BigInt(parsed.position) };
    } catch (e) {
      throw new CliError(
        `snapshot ${this.file(name)} is unreadable (${e instanceof Error ? e.message : String(e)}); rebuild with --rebuild`,
        ExitCode.CorruptHistory,
      );
    }
  }

  async save(name: string, snapshot: ProjectionSnapshot): Promise<void> {
    const target = this.file(name);
    const tmp = `${target}.tmp`;
    writeFileSync(tmp, JSON.stringify({ ...snapshot, position: snapshot.position.toString() }));
    renameSync(tmp, target);
  }

  async clear(name: string): Promise<void> {
    rmSync(this.file(name), { force: true });
  }
}
