/**
 * Several writers of one access log file (issue 13 item 3): a long-running `aimline serve` and
 * CLI reads append to the same log. Each append must chain after the entry the file ends with
 * at that moment, not the one it ended with when the writer opened it; a writer that dies or
 * hangs holding the log's lock must neither lose entries nor stop the others for ever.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AccessLogUnavailable,
  fileAccessLog,
  readAccessLogFile,
  verifyAccessLog,
  type CurrentAccessEntry,
} from '../src/index.js';
import { accessEntry } from './fixtures/access-entry.js';

const newFile = () => join(mkdtempSync(join(tmpdir(), 'aimline-access-')), 'access-log.jsonl');

const seqAndPurpose = (file: string) =>
  readAccessLogFile(file).entries.map((e) => [e.seq, e.purpose]);

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const writerScript = fileURLToPath(new URL('fixtures/access-log-writer.ts', import.meta.url));

/** An entry whose purpose, read while the entry is being appended, runs `during` (once). */
const interrupting = (purpose: string, during: () => void): CurrentAccessEntry => {
  let ran = false;
  return Object.defineProperty(accessEntry(purpose), 'purpose', {
    enumerable: true,
    get: () => {
      if (!ran) {
        ran = true;
        during();
      }
      return purpose;
    },
  });
};

/** A writer process that appends one entry, waiting `waitMs` for the lock; run to its end. */
const appendElsewhere = (file: string, purpose: string, waitMs: number) =>
  spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@aimline/source',
      writerScript,
      file,
      'append',
      purpose,
      '1',
      `${waitMs}`,
    ],
    { cwd: repoRoot, input: 'go\n', encoding: 'utf8' },
  );

/** A writer process (`fixtures/access-log-writer.ts`) and what it prints, line by line. */
const writer = (file: string, ...args: string[]) => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@aimline/source', writerScript, file, ...args],
    { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const printed = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.split('\n').includes(line)) resolve();
      };
      child.stdout.on('data', check);
      void exited.then(({ code, signal }) =>
        reject(new Error(`writer exited (${code ?? signal}) before "${line}": ${err}`)),
      );
      check();
    });
  return { child, exited, printed, stderr: () => err };
};

describe('access log: several writers of one file never give a sequence number twice (issue 13 item 3)', () => {
  it('given two handles opened on one log, when their appends interleave, then every entry chains after the one before it and the chain holds', () => {
    const file = newFile();
    const serve = fileAccessLog(file);
    const cli = fileAccessLog(file);
    serve.append(accessEntry('serve 0'));
    cli.append(accessEntry('cli 0'));
    serve.append(accessEntry('serve 1'));
    cli.append(accessEntry('cli 1'));
    expect(seqAndPurpose(file)).toEqual([
      [0, 'serve 0'],
      [1, 'cli 0'],
      [2, 'serve 1'],
      [3, 'cli 1'],
    ]);
    expect(verifyAccessLog(readAccessLogFile(file).entries)).toEqual({ ok: true });
    expect(serve.entries().map((e) => e.purpose)).toEqual(['serve 0', 'cli 0', 'serve 1', 'cli 1']);
  });

  it('given two processes that opened one log, when both append at once, then the log holds every entry once, numbered in order, and the chain holds', async () => {
    const file = newFile();
    const perWriter = 40;
    const writers = [
      writer(file, 'append', 'a', `${perWriter}`),
      writer(file, 'append', 'b', `${perWriter}`),
    ];
    await Promise.all(writers.map((w) => w.printed('ready')));
    for (const w of writers) w.child.stdin.end('go\n');
    for (const w of writers) expect(await w.exited, w.stderr()).toEqual({ code: 0, signal: null });
    const read = readAccessLogFile(file);
    expect(read.damaged).toEqual([]);
    expect(read.entries.map((e) => e.seq)).toEqual([...Array(2 * perWriter).keys()]);
    for (const name of ['a', 'b'])
      expect(
        read.entries.filter((e) => e.purpose.startsWith(`${name} `)).map((e) => e.purpose),
      ).toEqual([...Array(perWriter).keys()].map((i) => `${name} ${i}`));
    expect(verifyAccessLog(read.entries)).toEqual({ ok: true });
  }, 60_000);

  it('given a writer killed in the middle of an append, when another writer appends, then it is not held up and the chain holds', async () => {
    const file = newFile();
    const log = fileAccessLog(file, { lockWaitMs: 100 });
    log.append(accessEntry('before'));
    const dying = writer(file, 'die-in-append');
    expect(await dying.exited).toEqual({ code: null, signal: 'SIGKILL' });
    log.append(accessEntry('after'));
    expect(seqAndPurpose(file)).toEqual([
      [0, 'before'],
      [1, 'after'],
    ]);
    expect(verifyAccessLog(readAccessLogFile(file).entries)).toEqual({ ok: true });
  }, 60_000);

  it('given a writer that hangs in the middle of an append, when another appends, then it waits a bounded time and the log is AccessLogUnavailable naming it; once the writer is gone, appends go on', async () => {
    const file = newFile();
    const log = fileAccessLog(file, { lockWaitMs: 100 });
    log.append(accessEntry('before'));
    const hanging = writer(file, 'hang-in-append');
    try {
      await hanging.printed('holding');
      expect(() => log.append(accessEntry('while held'))).toThrow(AccessLogUnavailable);
      expect(() => log.append(accessEntry('while held'))).toThrow(
        `the access log ${file} cannot be used: its lock ${file}.lock was held by another process for over 100 ms`,
      );
    } finally {
      // It holds the lock until killed, whatever the assertions found.
      hanging.child.kill('SIGKILL');
      await hanging.exited;
    }
    log.append(accessEntry('after'));
    expect(seqAndPurpose(file)).toEqual([
      [0, 'before'],
      [1, 'after'],
    ]);
  }, 60_000);

  it('given a handle holding the lock in the middle of an append, when another handle in the same process tries to append, then the lock still holds against other processes (no descriptor of the lock file is closed under it)', () => {
    const file = newFile();
    const serve = fileAccessLog(file, { lockWaitMs: 100 });
    const cli = fileAccessLog(file, { lockWaitMs: 100 });
    serve.append(accessEntry('before'));
    let elsewhere: ReturnType<typeof appendElsewhere> | undefined;
    serve.append(
      interrupting('held', () => {
        expect(() => cli.append(accessEntry('same process'))).toThrow(AccessLogUnavailable);
        elsewhere = appendElsewhere(file, 'elsewhere', 100);
      }),
    );
    expect(elsewhere?.status).toBe(1);
    expect(elsewhere?.stderr).toContain(
      `its lock ${file}.lock was held by another process for over 100 ms`,
    );
    expect(seqAndPurpose(file)).toEqual([
      [0, 'before'],
      [1, 'held'],
    ]);
  }, 60_000);

  it('given a handle that has appended, when its lock file is replaced, then it locks the file now at that path, as every other writer does', () => {
    const file = newFile();
    const serve = fileAccessLog(file, { lockWaitMs: 100 });
    serve.append(accessEntry('before'));
    // Someone "tidies" the lock file away; the next writer creates a new one.
    renameSync(`${file}.lock`, `${file}.lock.old`);
    writeFileSync(`${file}.lock`, '', { mode: 0o600 });
    let elsewhere: ReturnType<typeof appendElsewhere> | undefined;
    serve.append(
      interrupting('held', () => {
        elsewhere = appendElsewhere(file, 'elsewhere', 100);
      }),
    );
    expect(elsewhere?.status).toBe(1);
    expect(seqAndPurpose(file)).toEqual([
      [0, 'before'],
      [1, 'held'],
    ]);
  }, 60_000);

  it('the lock file is made mode 0600', () => {
    const file = newFile();
    fileAccessLog(file).append(accessEntry('one'));
    expect(statSync(`${file}.lock`).mode & 0o777).toBe(0o600);
  });
});
