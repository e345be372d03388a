import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { main } from '../src/run.js';

/** Runs the CLI in-process and captures what it writes. */
export const runCli = async (
  args: ReadonlyArray<string>,
): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
};

let auditorDirectory: string | undefined;
/**
 * `--as` and `--principals` for an invented auditor (reads everything, need to know): every
 * read command runs as a principal; tests of what a read shows read as this auditor.
 */
export const asAuditor = (): string[] => {
  if (auditorDirectory === undefined) {
    auditorDirectory = join(mkdtempSync(join(tmpdir(), 'aimline-auditor-')), 'principals.json');
    writeFileSync(
      auditorDirectory,
      JSON.stringify({
        council: 'Invented Test Council',
        principals: [
          {
            id: 'test-auditor',
            role: 'auditor',
            agency: 'invented-inspectorate',
            streams: [],
            panels: [],
          },
        ],
      }),
      { mode: 0o600 },
    );
  }
  return ['--as', 'test-auditor', '--principals', auditorDirectory];
};

/** The `demo` command line for a small, seeded demo history (the demo's own years and start when not given). */
export const demoCommand = (d: {
  readonly seed: number;
  readonly cases: number;
  readonly years?: number;
  readonly from?: string;
}): string[] => [
  'demo',
  '--seed',
  String(d.seed),
  '--cases',
  String(d.cases),
  ...(d.years === undefined ? [] : ['--years', String(d.years)]),
  ...(d.from === undefined ? [] : ['--from', d.from]),
];
