import { createReadStream } from 'node:fs';

/** Limits on one line of `exec` input; a line beyond them is refused, naming the line. */
export interface ExecLimits {
  /** Bytes in one line (without its line break). */
  readonly maxLineBytes: number;
  /** How deeply objects and arrays may nest. */
  readonly maxDepth: number;
}

export const DEFAULT_EXEC_LIMITS: ExecLimits = { maxLineBytes: 1_048_576, maxDepth: 32 };

/** One line of input: its text, or why it cannot be read as text. */
export type InputLine =
  | { readonly line: number; readonly text: string }
  | { readonly line: number; readonly refused: string };

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const tooLongLine = (line: number, limits: ExecLimits): InputLine => ({
  line,
  refused: `longer than the limit of ${limits.maxLineBytes} bytes (--max-line-bytes)`,
});

const decodeLine = (bytes: Buffer, line: number, limits: ExecLimits): InputLine => {
  const body = line === 1 && bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes;
  const trimmed = body.at(-1) === 0x0d ? body.subarray(0, -1) : body;
  if (trimmed.length > limits.maxLineBytes) return tooLongLine(line, limits);
  try {
    return { line, text: utf8.decode(trimmed) };
  } catch {
    const at = firstInvalidUtf8(trimmed);
    return {
      line,
      refused: `not valid UTF-8 (byte ${at + 1} of the line); Aimline reads UTF-8 only: convert the file (e.g. iconv -f latin1 -t utf-8)`,
    };
  }
};

/** The offset of the first byte where the line stops being valid UTF-8. */
const firstInvalidUtf8 = (bytes: Buffer): number => {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, by bisection over prefixes cut at character boundaries.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
};

/**
 * Reads a file line by line as raw bytes: each line is checked to be UTF-8 (a leading BOM on
 * the first line is accepted) and no longer than the limit. A too-long line is never held in
 * memory whole: its bytes are dropped as they arrive and the line is refused.
 */
export async function* inputLines(file: string, limits: ExecLimits): AsyncIterable<InputLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 1;
  const finish = (): InputLine => {
    const result: InputLine = tooLong
      ? tooLongLine(line, limits)
      : decodeLine(Buffer.concat(parts, size), line, limits);
    parts = [];
    size = 0;
    tooLong = false;
    line++;
    return result;
  };
  const take = (chunk: Buffer) => {
    if (tooLong) return;
    // The first line may carry a 3-byte BOM beyond the limit.
    const allowance = limits.maxLineBytes + (line === 1 ? 3 : 0) + 1; // + a CR before LF
    if (size + chunk.length > allowance) {
      tooLong = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(chunk);
    size += chunk.length;
  };
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      take(chunk.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    if (start < chunk.length) take(chunk.subarray(start));
  }
  if (size > 0 || tooLong) yield finish();
}
