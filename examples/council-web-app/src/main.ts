/**
 * Starts the council's HSB API on PORT (default 8080) with the embedded SQLite store.
 *
 *   PRINCIPALS=principals.json npx tsx examples/council-web-app/src/main.ts
 *   PORT=9000 AIMLINE_DB=/var/lib/council/hsb.db POLICY=council.json PRINCIPALS=principals.json npx tsx examples/council-web-app/src/main.ts
 */
import * as E from 'fp-ts/lib/Either.js';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadCouncilPolicy } from '@aimline/aimline';
import { parseDirectory } from '@aimline/governance';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { createApp } from './app.js';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
const port = Number(process.env['PORT'] ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`PORT must be a port number; got ${process.env['PORT']}`);
const principalsFile =
  process.env['PRINCIPALS'] ?? fail('PRINCIPALS: the council directory file is required');
const directory = parseDirectory(JSON.parse(readFileSync(principalsFile, 'utf8')) as unknown);
if (E.isLeft(directory)) fail(`PRINCIPALS ${principalsFile}: ${directory.left.message}`);
const policy = loadCouncilPolicy(process.env['POLICY']);
if (E.isLeft(policy)) fail(policy.left);
const db = process.env['AIMLINE_DB'] ?? './.aimline/council-web-app.db';
mkdirSync(dirname(db), { recursive: true });
const store = openSqliteEventStore(db);

const app = createApp({ store, directory: directory.right, policy: policy.right });
const actual = await app.listen(port);
console.log(`council HSB API on http://localhost:${actual} (store ${db})`);

const stop = (): void => {
  app
    .close()
    .then(() => store.dispose())
    .then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e instanceof Error ? e.message : String(e));
        process.exit(1);
      },
    );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
