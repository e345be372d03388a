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

/** How wide a table may be: it fits a terminal of 120 columns. */
export const TABLE_WIDTH = 120;

/**
 * Where a line of `text` may break within `width`: at the last space, else after the last
 * slash or hyphen or between a lower-case letter and a capital (`CamelCase`); -1 when
 * there is none past a third of the width (then the text is cut at the width).
 */
const breakAt = (text: string, width: number): number => {
  const space = text.lastIndexOf(' ', width);
  if (space > width / 3) return space;
  for (let i = width; i > width / 3; i--) {
    const before = text[i - 1]!;
    const at = text[i] ?? '';
    if (before === '/' || before === '-' || (/[a-z]/.test(before) && /[A-Z]/.test(at))) return i;
  }
  return -1;
};

/** A cell's text in lines of at most `width` characters, broken where it reads best. */
const wrap = (text: string, width: number): string[] => {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const at = breakAt(rest, width);
    const cut = at < 0 ? width : at;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  return [...lines, rest];
};

/**
 * Column widths that fit `maxWidth` with two spaces between columns: while the table is too
 * wide, the widest column gives up one character, so the wide columns share the room. Columns
 * of up to 26 characters (an instant in London time, an event type) keep their width while a
 * wider one can give; no column goes below 12, and the `keep` columns never narrow. Cells of a
 * narrowed column wrap.
 */
const fitWidths = (
  natural: ReadonlyArray<number>,
  maxWidth: number,
  keep: ReadonlyArray<number>,
): number[] => {
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  for (const floor of [26, 12])
    while (total() > maxWidth) {
      const shrinkable = widths.map((w, i) => (keep.includes(i) ? 0 : w));
      const widest = shrinkable.indexOf(Math.max(...shrinkable));
      if (shrinkable[widest]! <= floor) break;
      widths[widest]! -= 1;
    }
  return widths;
};

/**
 * A plain text table with padded columns, at most `maxWidth` (default 120) characters wide: a
 * cell too long for its column wraps onto the next lines, the other cells left blank; the
 * columns `keep` (indices, e.g. London times) are never narrowed. Control characters in cells
 * are shown escaped.
 */
export const table = (
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  options: { readonly maxWidth?: number; readonly keep?: ReadonlyArray<number> } = {},
): string => {
  const cells = [headers, ...rows.map((r) => r.map((c) => escapeControl(String(c), true)))];
  const natural = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const widths = fitWidths(natural, options.maxWidth ?? TABLE_WIDTH, options.keep ?? []);
  const line = (r: ReadonlyArray<string>) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const rowLines = (r: ReadonlyArray<string>): string[] => {
    const wrapped = headers.map((_, i) => wrap(r[i] ?? '', widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, k) => line(wrapped.map((w) => w[k] ?? '')));
  };
  const [head, ...body] = cells;
  return [
    ...rowLines(head!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.flatMap(rowLines),
  ].join('\n');
};
