import { statSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { errorWithCauses } from '@aimline/kernel';
import * as E from 'fp-ts/lib/Either.js';
import {
  parseStrictJson,
  type Aimline,
  type AnyProcessService,
  type ExecuteResult,
  type Principal,
} from '@aimline/aimline';
import { ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { toJson } from '../output.js';
import { inputLines, type ExecLimits } from './exec-input.js';

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
      readonly status: 'forbidden';
      readonly code: 'FORBIDDEN';
      readonly principal: string;
      readonly command: string;
      readonly message: string;
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

/** Aimline's flat result as the line's result (the CLI's documented JSON lines). */
const lineResult = (line: number, r: ExecuteResult): LineResult => {
  switch (r.kind) {
    case 'Accepted':
      return {
        line,
        status: 'ok',
        stream: r.stream,
        events: r.events.map((e) => e.type),
        revision: r.revision ?? null,
        alreadyHandled: r.alreadyHandled,
      };
    case 'Rejected':
      return {
        line,
        status: 'rejected',
        ruleId: r.ruleId,
        reason: r.reason,
        ...(r.field === undefined ? {} : { field: r.field }),
      };
    case 'Forbidden':
      return {
        line,
        status: 'forbidden',
        code: 'FORBIDDEN',
        principal: r.principal,
        command: r.command,
        message: r.reason,
      };
    case 'Invalid':
      return { line, status: 'invalid', problems: r.problems };
    case 'Conflict':
    case 'Unavailable':
      return { line, status: 'error', kind: errorKind[r.cause], message: r.reason };
  }
};

/** The `kind` an error line names for each cause of a conflict or an unavailable store. */
const errorKind: Record<Extract<ExecuteResult, { cause: string }>['cause'], string> = {
  revision: 'Conflict',
  idempotency: 'IdempotencyConflict',
  store: 'Unavailable',
  'corrupt-history': 'CorruptHistory',
};

const invalidLine = (line: number, path: string, message: string): LineResult => ({
  line,
  status: 'invalid',
  problems: [{ path, message }],
});

/** A line ready to run: the service that takes its command, and the wire command. */
interface LineCommand {
  readonly line: number;
  readonly service: AnyProcessService;
  readonly wire: Record<string, unknown>;
}

/**
 * One line of a JSONL file: parsed, and the process's service that takes it found; or the
 * line's result when it cannot run (nothing for an empty line). Never throws for bad input.
 */
const lineCommand = (
  aimline: Aimline,
  text: string,
  line: number,
  limits: ExecLimits,
): LineCommand | LineResult | undefined => {
  if (text.trim() === '') return undefined;
  // Strictly, once: nesting deeper than --max-depth, a member given twice, a `__proto__` member
  // or a number out of range is refused naming its path (JSON.parse would keep the last of two
  // `caseId`s).
  const parsed = parseStrictJson(text, limits.maxDepth);
  if (E.isLeft(parsed))
    return invalidLine(
      line,
      parsed.left.kind === 'member' ? parsed.left.path : '(line)',
      parsed.left.kind === 'too-deep'
        ? `nested deeper than the limit of ${limits.maxDepth} objects and arrays (--max-depth)`
        : parsed.left.message,
    );
  const input = parsed.right;
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return invalidLine(line, '(line)', 'expected one JSON object (a wire command) per line');
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string')
    return invalidLine(line, 'type', 'expected the command type as a string');
  const wanted = (input as { module?: unknown }).module;
  const candidates = aimline.services.filter(
    (s) => s.module.commands.has(type) && (wanted === undefined || s.name === wanted),
  );
  if (candidates.length === 0)
    return invalidLine(
      line,
      'type',
      `no Aimline module accepts command "${type}"${typeof wanted === 'string' ? ` in module "${wanted}"` : ''}`,
    );
  if (candidates.length > 1)
    return invalidLine(
      line,
      'module',
      `command "${type}" is accepted by ${candidates.map((m) => m.name).join(' and ')}: say which with "module"`,
    );
  const { module: _m, ...wire } = input as Record<string, unknown>;
  // A file may be run again (after a failure half-way): each line's command id makes that safe,
  // so a line must carry one (Aimline would otherwise make a new id each time).
  if (wire['commandId'] === undefined)
    return invalidLine(
      line,
      'commandId',
      'expected a UUID: the command id makes running the file again safe',
    );
  return { line, service: candidates[0]!, wire };
};

/** Runs a line through Aimline's one execute path (decode strictly, authorise, supply facts, decide, append). */
const runLine = async (principal: Principal, c: LineCommand): Promise<LineResult> => {
  try {
    return lineResult(c.line, await c.service.execute(principal, c.wire as never));
  } catch (e) {
    return { line: c.line, status: 'error', kind: 'Unexpected', message: errorWithCauses(e) };
  }
};

/**
 * Runs one line of a JSONL file as `principal`: parse, find the process's service, then
 * Aimline's one execute path (decode strictly, authorise, supply cross-stream facts from the
 * store, decide, append). Never throws for bad input.
 */
export const execLine = async (
  aimline: Aimline,
  principal: Principal,
  text: string,
  line: number,
  limits: ExecLimits,
): Promise<LineResult | undefined> => {
  const c = lineCommand(aimline, text, line, limits);
  return c === undefined || 'status' in c ? c : runLine(principal, c);
};

const human = (r: LineResult): string => {
  switch (r.status) {
    case 'ok':
      return `line ${r.line}: ok ${r.alreadyHandled ? '(already handled) ' : ''}${r.events.join(', ') || '(nothing to record)'} -> ${r.stream}@${r.revision ?? '-'}`;
    case 'forbidden':
      return `line ${r.line}: ${r.message}`;
    case 'rejected':
      return `line ${r.line}: rejected ${r.ruleId}: ${r.reason}${r.field ? ` [${r.field}]` : ''}`;
    case 'invalid':
      return `line ${r.line}: invalid ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
    case 'error':
      return `line ${r.line}: error ${r.kind}: ${r.message}`;
  }
};

/** Commander's check of the file argument: a missing or unreadable file is a usage error (exit 2). */
export const readableFile = (file: string): string => {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch (e) {
    throw new InvalidArgumentError(`cannot read "${file}": ${errorWithCauses(e)}`);
  }
  if (!isFile) throw new InvalidArgumentError(`"${file}" is not a file`);
  return file;
};

/** At most this many lines run together, as one group commit. */
const GROUP_LINES = 100;

/**
 * `aimline exec FILE.jsonl`: each line is one command from another system. Consecutive lines
 * run together, up to GROUP_LINES, as one group commit (one transaction and one fsync), and
 * are reported in order, each with its number, once its group is durable (one JSON object per
 * line with --json, then a summary object). A line whose process reads facts from other
 * streams (the panel's referrals) runs in a group of its own, after every line before it.
 * A bad line, even one that makes Aimline fail unexpectedly, never stops the others.
 */
export const execFile = async (rt: Runtime, file: string, limits: ExecLimits): Promise<number> => {
  const { directory, principal } = rt.governance('exec');
  const aimline = rt.aimline(directory);
  const counts = { ok: 0, rejected: 0, forbidden: 0, invalid: 0, error: 0 };
  let group: Array<LineResult | LineCommand> = [];
  const report = async (): Promise<void> => {
    const results = await Promise.all(
      group.map((g) => ('status' in g ? Promise.resolve(g) : runLine(principal, g))),
    );
    group = [];
    for (const r of results) {
      counts[r.status]++;
      rt.output.line(rt.output.json ? toJson(r, 0) : human(r));
    }
  };
  for await (const input of inputLines(file, limits)) {
    let next: LineResult | LineCommand | undefined;
    if ('refused' in input) next = invalidLine(input.line, '(line)', input.refused);
    else
      try {
        next = lineCommand(aimline, input.text, input.line, limits);
      } catch (e) {
        next = {
          line: input.line,
          status: 'error',
          kind: 'Unexpected',
          message: errorWithCauses(e),
        };
      }
    if (next === undefined) continue;
    const alone = 'service' in next && next.service.suppliesFacts;
    if (alone || group.length === GROUP_LINES) await report();
    group.push(next);
    if (alone) await report();
  }
  await report();
  const lines = counts.ok + counts.rejected + counts.forbidden + counts.invalid + counts.error;
  rt.output.line(
    rt.output.json
      ? toJson({ summary: { file, lines, ...counts } }, 0)
      : `${counts.ok} ok, ${counts.rejected} rejected, ${counts.forbidden} forbidden, ${counts.invalid} invalid, ${counts.error} errors`,
  );
  return counts.ok === lines ? ExitCode.Ok : ExitCode.Failed;
};
