import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates `path` and its missing parents, one level at a time, each with `mode`.
 *
 * Node 20's `mkdirSync(path, { recursive: true })` never returns under a pseudo-filesystem
 * such as `/proc` (it retries the parent for ever); creating each level on its own fails at
 * once there with the operating system's error (ENOENT, EACCES, ENOTDIR …), which the caller
 * reports as a store that cannot be made.
 */
export const makeDirectories = (path: string, mode: number): void => {
  const missing: string[] = [];
  for (let p = resolve(path); !existsSync(p); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  // An existing path that is not a folder: mkdir reports it (EEXIST), as the recursive form did.
  if (missing.length === 0 && !statSync(path).isDirectory()) mkdirSync(path, { mode });
  for (const dir of missing) mkdirSync(dir, { mode });
};
