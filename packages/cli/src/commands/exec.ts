import * as E from 'fp-ts/lib/Either.js';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CommandFailure, CommandSuccess } from '@aimline/kernel';
import { ExitCode } from '../exit-codes.js';
import type { Runtime } from '../container.js';

export type LineResult =
  | {
      readonly line: number;
      readonly status: 'ok';
      readonly stream: string;
      readonly events: ReadonlyArray<string>;
      readonly revision: number | null;
      readonly alreadyHandled: boolean;
    }
  | {
      readonly line: number;
      readonly status: 'rejected';
      readonly ruleId: string;
      readonly reason: string;
      readonly field?: string;
    }
  | {
      readonly line: number;
      readonly status: 'invalid';
      readonly problems: ReadonlyArray<{ path: string; message: string }>;
    }
  | {
      readonly line: number;
      readonly status: 'error';
      readonly kind: string;
      readonly message: string;
    };

const describeFailure = (line: number, f: CommandFailure): LineResult => {
  switch (f.kind) {
    case 'Rejected':
      return {
        line,
        status: 'rejected',
        ruleId: f.rejection.ruleId,
        reason: f.rejection.reason,
        ...(f.rejection.field === undefined ? {} : { field: f.rejection.field }),
      };
    case 'InvalidCommand':
      return { line, status: 'invalid', problems: f.problems };
    case 'CorruptHistory':
      return { line, status: 'error', kind: 'CorruptHistory', message: f.error.message };
    case 'Conflict':
      return { line, status: 'error', kind: 'Conflict', message: f.error.message };
    case 'IdempotencyConflict':
      return { line, status: 'error', kind: 'IdempotencyConflict', message: f.error.message };
    case 'StoreFailure':
      return { line, status: 'error', kind: f.error.kind, message: f.error.message };
  }
};

/** Runs one line of a JSONL file: parse, find the module, decode, handle. Never throws for bad input. */
export const execLine = async (
  rt: Runtime,
  text: string,
  line: number,
): Promise<LineResult | undefined> => {
  if (text.trim() === '') return undefined;
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    return {
      line,
      status: 'invalid',
      problems: [
        {
          path: '(line)',
          message: `malformed JSON: ${e instanceof Error ? e.message : String(e)}`,
        },
      ],
    };
  }
  const type =
    typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  if (typeof type !== 'string')
    return {
      line,
      status: 'invalid',
      problems: [{ path: 'type', message: 'expected the command type as a string' }],
    };
  const wanted = (input as { module?: unknown }).module;
  const candidates = rt.registry
    .modulesFor(type)
    .filter((m) => wanted === undefined || m.name === wanted);
  if (candidates.length === 0)
    return {
      line,
      status: 'invalid',
      problems: [
        {
          path: 'type',
          message: `no Aimline module accepts command "${type}"${typeof wanted === 'string' ? ` in module "${wanted}"` : ''}`,
        },
      ],
    };
  if (candidates.length > 1)
    return {
      line,
      status: 'invalid',
      problems: [
        {
          path: 'module',
          message: `command "${type}" is accepted by ${candidates.map((m) => m.name).join(' and ')}: say which with "module"`,
        },
      ],
    };
  const { module: _m, ...wire } = input as Record<string, unknown>;
  const result: E.Either<CommandFailure, CommandSuccess> = await rt
    .handler()
    .execute(candidates[0]!, wire);
  if (E.isLeft(result)) return describeFailure(line, result.left);
  const s = result.right;
  return {
    line,
    status: 'ok',
    stream: s.stream,
    events: s.events.map((e) => e.type),
    revision: s.revision ?? null,
    alreadyHandled: s.alreadyHandled,
  };
};

const human = (r: LineResult): string => {
  switch (r.status) {
    case 'ok':
      return `line ${r.line}: ok ${r.alreadyHandled ? '(already handled) ' : ''}${r.events.join(', ') || '(nothing to record)'} -> ${r.stream}@${r.revision ?? '-'}`;
    case 'rejected':
      return `line ${r.line}: rejected ${r.ruleId}: ${r.reason}${r.field ? ` [${r.field}]` : ''}`;
    case 'invalid':
      return `line ${r.line}: invalid ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
    case 'error':
      return `line ${r.line}: error ${r.kind}: ${r.message}`;
  }
};

/**
 * `aimline exec FILE.jsonl`: each line is one command from another system. Every line is
 * reported with its number; a bad line never stops or corrupts the others.
 */
export const execFile = async (rt: Runtime, file: string): Promise<number> => {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const results: LineResult[] = [];
  let n = 0;
  for await (const text of lines) {
    n++;
    const r = await execLine(rt, text, n);
    if (r === undefined) continue;
    results.push(r);
    if (!rt.output.json) rt.output.line(human(r));
  }
  const counts = { ok: 0, rejected: 0, invalid: 0, error: 0 };
  for (const r of results) counts[r.status]++;
  if (rt.output.json) rt.output.result({ file, counts, results }, () => '');
  else
    rt.output.line(
      `${counts.ok} ok, ${counts.rejected} rejected, ${counts.invalid} invalid, ${counts.error} errors`,
    );
  return counts.ok === results.length ? ExitCode.Ok : ExitCode.Failed;
};
