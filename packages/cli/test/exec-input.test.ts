import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Aimline, DirectorySource } from '@aimline/aimline';
import { buildRuntime, type Runtime } from '../src/runtime.js';
import { execFile } from '../src/commands/exec.js';
import { DEFAULT_EXEC_LIMITS } from '../src/commands/exec-input.js';
import { escapeControl, toJson, type Output } from '../src/output.js';
import { as, principalsFile } from './principals.js';
import { runCli } from './run-cli.js';

const person = (id: string, name: string, role: string) => ({
  id,
  name,
  role,
  agency: 'childrens-social-care',
});
const id = (n: number) => `7e57c0de-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const schedule = (n: number, venue = 'Room 4, Invented House') => ({
  commandId: id(n),
  type: 'ScheduleMeeting',
  at: '2026-02-02T09:00:00Z',
  data: {
    meetingId: `m-in-${n}`,
    kind: 'hsb-initial-aim',
    subjects: [{ kind: 'hsb-case', id: `case-${n}` }],
    chair: person('iro-1', 'Priya Testchair', 'independent reviewing officer'),
    leadProfessional: person('sw-1', 'Tom Testlead', 'social worker'),
    start: '2026-03-12T10:00:00Z',
    end: '2026-03-12T12:00:00Z',
    location: { mode: 'venue', venue },
  },
});

const dir = mkdtempSync(join(tmpdir(), 'aimline-exec-in-'));
let files = 0;
const write = (bytes: Buffer | string): string => {
  const path = join(dir, `in-${++files}.jsonl`);
  writeFileSync(path, bytes);
  return path;
};
const line = (v: unknown) => `${JSON.stringify(v)}\n`;

/** Runs exec with --json and returns each printed result by line number, and the summary. */
const exec = async (file: string, ...options: string[]) => {
  const store = `sqlite:${join(dir, `store-${files}.db`)}`;
  const r = await runCli(['--store', store, '--json', ...as(), 'exec', file, ...options]);
  const printed = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const byLine = new Map(printed.filter((p) => 'line' in p).map((p) => [p['line'] as number, p]));
  return { ...r, store, byLine, summary: printed.at(-1)!['summary'] as Record<string, number> };
};

describe('aimline exec input (issue 12 item 1: UTF-8, BOM, line size, nesting)', () => {
  it('refuses a line that is not UTF-8 (Latin-1) with its line number, and never stores U+FFFD', async () => {
    const latin1 = Buffer.from(line(schedule(2, 'Salle de réunion, Café')), 'latin1');
    const r = await exec(
      write(
        Buffer.concat([Buffer.from(line(schedule(1))), latin1, Buffer.from(line(schedule(3)))]),
      ),
    );
    expect(r.byLine.get(1)).toMatchObject({ status: 'ok' });
    expect(r.byLine.get(2)).toMatchObject({
      status: 'invalid',
      problems: [
        { path: '(line)', message: expect.stringContaining('not valid UTF-8') as unknown },
      ],
    });
    expect(r.byLine.get(3)).toMatchObject({ status: 'ok' });
    const audit = await runCli(['--store', r.store, '--json', 'audit']);
    expect(audit.stdout).not.toContain('\ufffd');
    expect(audit.stdout).not.toContain('m-in-2');
    // The same text in UTF-8 is stored as written.
    const utf8 = await exec(write(line(schedule(4, 'Salle de réunion, Café'))));
    expect(utf8.byLine.get(1)).toMatchObject({ status: 'ok' });
  });

  it('refuses a line that is not JSON by its number and where it stops, never quoting it (it may hold a name)', async () => {
    const unquoted = JSON.stringify(schedule(11)).replace('"Priya Testchair"', 'Priya Testchair');
    const missingComma = JSON.stringify(schedule(12)).replace('","role"', '" "role"');
    const r = await exec(write(`${unquoted}\n${missingComma}\n${line(schedule(13))}`));
    for (const n of [1, 2])
      expect(r.byLine.get(n)).toMatchObject({
        status: 'invalid',
        problems: [
          { path: '(line)', message: expect.stringMatching(/^malformed JSON/) as unknown },
        ],
      });
    expect(r.byLine.get(2)).toMatchObject({
      problems: [
        { message: expect.stringMatching(/^malformed JSON \(at character \d+\)$/) as unknown },
      ],
    });
    expect(r.byLine.get(3)).toMatchObject({ status: 'ok' });
    for (const word of ['Priya', 'Testchair', 'Tom', 'Testlead'])
      expect(r.stdout + r.stderr, word).not.toContain(word);
  });

  it('refuses a line that says a member twice (JSON.parse kept the last), a __proto__ member or a number out of range, naming the member, and runs the others', async () => {
    const twice = JSON.stringify(schedule(14)).replace(
      '"meetingId":"m-in-14"',
      '"meetingId":"m-in-14","meetingId":"m-in-15"',
    );
    const proto = JSON.stringify(schedule(16)).replace('"data":{', '"data":{"__proto__":{},');
    const huge = JSON.stringify(schedule(17)).replace('"data":{', '"data":{"n":1e400,');
    const r = await exec(write(`${twice}\n${proto}\n${huge}\n${line(schedule(18))}`));
    expect([1, 2, 3].map((n) => r.byLine.get(n))).toEqual([
      {
        line: 1,
        status: 'invalid',
        problems: [{ path: 'data.meetingId', message: 'given more than once' }],
      },
      {
        line: 2,
        status: 'invalid',
        problems: [
          {
            path: 'data.__proto__',
            message: 'a prototype key (a name every object inherits): refused',
          },
        ],
      },
      {
        line: 3,
        status: 'invalid',
        problems: [{ path: 'data.n', message: 'a number too large to read exactly' }],
      },
    ]);
    expect(r.summary).toMatchObject({ lines: 4, ok: 1, invalid: 3 });
  });

  it('accepts a leading byte-order mark and CRLF line ends', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const text = `${JSON.stringify(schedule(5))}\r\n${JSON.stringify(schedule(6))}\r\n`;
    const r = await exec(write(Buffer.concat([bom, Buffer.from(text)])));
    expect(r.summary).toMatchObject({ lines: 2, ok: 2 });
  });

  it('refuses a line longer than --max-line-bytes, naming the line, and runs the others', async () => {
    const long = schedule(8, 'x'.repeat(5000));
    const r = await exec(
      write(line(schedule(7)) + line(long) + line(schedule(9))),
      '--max-line-bytes',
      '2000',
    );
    expect(r.byLine.get(2)).toMatchObject({
      status: 'invalid',
      problems: [{ message: expect.stringContaining('limit of 2000 bytes') as unknown }],
    });
    expect(r.summary).toMatchObject({ lines: 3, ok: 2, invalid: 1 });
    // The default limit is generous for real commands and still bounded.
    expect(DEFAULT_EXEC_LIMITS.maxLineBytes).toBe(1_048_576);
  });

  it('refuses nesting deeper than --max-depth before parsing (a 5,000-deep object is a clear error, not a crash)', async () => {
    const deep = `{"a":`.repeat(5000) + '1' + '}'.repeat(5000);
    const r = await exec(write(`${deep}\n${line(schedule(10))}`));
    expect(r.stderr).not.toContain('Maximum call stack');
    expect(r.byLine.get(1)).toMatchObject({
      status: 'invalid',
      problems: [{ message: expect.stringContaining('limit of 32') as unknown }],
    });
    expect(r.byLine.get(2)).toMatchObject({ status: 'ok' });
    // Brackets inside strings are not nesting.
    const brackets = await exec(
      write(line(schedule(11, '[[[[{{{{'.repeat(10)))),
      '--max-depth',
      '8',
    );
    expect(brackets.byLine.get(1)).toMatchObject({ status: 'ok' });
  });
});

describe('aimline exec isolation and streaming (issue 12 item 6)', () => {
  const capture = (): Output & { lines: string[] } => {
    const lines: string[] = [];
    return {
      json: true,
      lines,
      result: (v) => lines.push(toJson(v, 0)),
      line: (t) => lines.push(t),
      note: (t) => lines.push(t),
    };
  };

  it('an unexpected exception on one line is reported with its line number and the run goes on, each result printed as it is done', async () => {
    const rt = await buildRuntime({ store: 'memory:', as: 'bs-1', principals: principalsFile() });
    const output = capture();
    // Aimline with a meeting service that fails unexpectedly (a plain Error, not a typed
    // result) on one command.
    const failing = (directory?: DirectorySource): Aimline => {
      const real = rt.aimline(directory);
      return {
        ...real,
        services: real.services.map((s) =>
          s.name !== 'meeting'
            ? s
            : {
                ...s,
                execute: async (principal, command) => {
                  if (command.commandId === id(21)) throw new Error('disk controller on fire');
                  return s.execute(principal, command);
                },
              },
        ),
      };
    };
    const printedBefore: number[] = [];
    const runtime: Runtime = {
      ...rt,
      output: {
        ...output,
        line: (t) => {
          output.line(t);
          printedBefore.push(output.lines.length);
        },
      },
      aimline: failing,
    };
    const file = write(line(schedule(20)) + line(schedule(21)) + line(schedule(22)));
    const code = await execFile(runtime, file, DEFAULT_EXEC_LIMITS);
    await rt.dispose();
    expect(code).toBe(1);
    const printed = output.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(printed).toEqual([
      expect.objectContaining({ line: 1, status: 'ok' }),
      { line: 2, status: 'error', kind: 'Unexpected', message: 'disk controller on fire' },
      expect.objectContaining({ line: 3, status: 'ok' }),
      { summary: { file, lines: 3, ok: 2, rejected: 0, forbidden: 0, invalid: 0, error: 1 } },
    ]);
    // One print per line, as it went (not one document at the end).
    expect(printedBefore).toEqual([1, 2, 3, 4]);
  });
});

describe('control characters in terminal output (issue 12 item 6)', () => {
  it('one escaping function: ESC, C1 controls and bidi overrides become visible text', () => {
    expect(escapeControl('case-1\u001b[2J')).toBe('case-1\\u001b[2J');
    expect(escapeControl('a\u009b31mb\u202ec')).toBe('a\\u009b31mb\\u202ec');
    expect(escapeControl('two\nlines\ttab')).toBe('two\nlines\ttab');
    expect(escapeControl('two\nlines', true)).toBe('two\\u000alines');
    expect(toJson({ id: 'x\u009by' }, 0)).toBe('{"id":"x\\u009by"}');
  });

  it('a command type carrying ESC[2J is echoed escaped by exec, in text and in JSON', async () => {
    const evil = { ...schedule(30), type: 'Schedule\u001b[2JMeeting' };
    const file = write(line(evil));
    for (const json of [false, true]) {
      const r = await runCli([
        '--store',
        'memory:',
        ...(json ? ['--json'] : []),
        ...as(),
        'exec',
        file,
      ]);
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stdout).toContain('\\u001b[2J');
    }
  });
});
