/** Writes results: JSON (one document, bigints as strings) with --json, readable text otherwise. */
export interface Output {
  readonly json: boolean;
  result(value: unknown, human: () => string): void;
  line(text: string): void;
  /** Diagnostics go to stderr, so stdout stays parseable. */
  note(text: string): void;
}

/**
 * Characters a terminal may act on instead of showing: C0 controls, DEL, C1 controls (ESC[2J
 * clears the screen; U+009B is a one-byte CSI) and the bidirectional overrides and isolates
 * that reorder what is shown. Line feed and tab are layout, kept unless `inline`.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_INLINE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The one escaping function of every printer: control characters become visible `\uXXXX`
 * text, so a stored id or name can never drive the auditor's terminal. `inline` also escapes
 * line feeds and tabs (for a value inside a line, such as a table cell).
 */
export const escapeControl = (text: string, inline = false): string =>
  text.replace(inline ? CONTROL_INLINE : CONTROL, escapeOne);

/** JSON text: bigints as strings; C1 and bidi controls escaped too (JSON escapes only C0). */
export const toJson = (value: unknown, indent = 2): string =>
  escapeControl(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), indent),
  );

const write = (stream: NodeJS.WriteStream, text: string) =>
  stream.write(`${escapeControl(text)}\n`);

export const consoleOutput = (json: boolean): Output => ({
  json,
  result: (value, human) => write(process.stdout, json ? toJson(value) : human()),
  line: (text) => write(process.stdout, text),
  note: (text) => write(process.stderr, text),
});

/** A plain text table with padded columns; each cell is one line, whatever it holds. */
export const table = (
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string => {
  const cells = [headers, ...rows.map((r) => r.map((c) => escapeControl(String(c), true)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells
    .map(
      (r, j) =>
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd() + (j === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : ''),
    )
    .join('\n');
};
