/**
 * Starts the council's HSB API on PORT (default 8080) with the embedded SQLite store.
 *
 *   npx tsx examples/council-web-app/src/main.ts
 *   PORT=9000 AIMLINE_DB=/var/lib/council/hsb.db HSB_POLICY=council-hsb.json npx tsx examples/council-web-app/src/main.ts
 */
import * as E from 'fp-ts/lib/Either.js';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadHsbPolicy, type HsbPolicy } from '@aimline/hsb-aim';
import { describeProblems } from '@aimline/kernel';
import { createApp } from './app.js';

const port = Number(process.env['PORT'] ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number; got ${process.env['PORT']}`);
  process.exit(2);
}
const db = process.env['AIMLINE_DB'] ?? './.aimline/council-web-app.db';
mkdirSync(dirname(db), { recursive: true });

let policy: HsbPolicy | undefined;
const policyFile = process.env['HSB_POLICY'];
if (policyFile !== undefined) {
  const loaded = loadHsbPolicy(JSON.parse(readFileSync(policyFile, 'utf8')) as unknown);
  if (E.isLeft(loaded)) {
    console.error(`HSB_POLICY ${policyFile}: ${describeProblems(loaded.left)}`);
    process.exit(2);
  }
  policy = loaded.right;
}

const app = createApp({ storeUrl: `sqlite:${db}`, ...(policy === undefined ? {} : { policy }) });
const actual = await app.listen(port);
console.log(`council HSB API on http://localhost:${actual} (store ${db})`);

const stop = (): void => {
  app.close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
