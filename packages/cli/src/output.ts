/** Writes results: JSON (one document, bigints as strings) with --json, readable text otherwise. */
export interface Output {
  readonly json: boolean;
  result(value: unknown, human: () => string): void;
  line(text: string): void;
  /** Diagnostics go to stderr, so stdout stays parseable. */
  note(text: string): void;
}

export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);

export const consoleOutput = (json: boolean): Output => ({
  json,
  result: (value, human) => process.stdout.write(`${json ? toJson(value) : human()}\n`),
  line: (text) => process.stdout.write(`${text}\n`),
  note: (text) => process.stderr.write(`${text}\n`),
});

/** A plain text table with padded columns. */
export const table = (
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string => {
  const cells = [headers, ...rows.map((r) => r.map(String))];
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
