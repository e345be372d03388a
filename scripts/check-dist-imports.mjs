// After `pnpm build`, every package must import from plain Node through its exports map.
import { readdirSync, readFileSync } from 'node:fs';

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
let failed = 0;
for (const dir of readdirSync(join(root, 'packages'))) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  for (const [sub, target] of Object.entries(pkg.exports ?? {})) {
    const file = join(root, 'packages', dir, target.default);
    try {
      const mod = await import(pathToFileURL(file).href);
      console.log(
        `ok   ${pkg.name}${sub === '.' ? '' : sub.slice(1)}: ${Object.keys(mod).length} exports`,
      );
    } catch (e) {
      failed++;
      console.log(
        `FAIL ${pkg.name}${sub === '.' ? '' : sub.slice(1)}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
}
process.exit(failed ? 1 : 0);
