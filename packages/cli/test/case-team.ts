/**
 * An invented council's case team and the HSB case histories it records through `exec`, for
 * the CLI's governance tests (retention, legal holds, subject access, erasure). Invented people only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

/**
 * The directory: `sw-1`, the social worker on `streams`; `tm-1`, a team manager (closes cases);
 * `rm-1`, the records manager (holds, erasure, subject access).
 */
export const caseTeamDirectory = (streams: ReadonlyArray<string>) => ({
  council: 'Invented Test Council',
  principals: [
    { id: 'sw-1', role: 'social-worker', agency: 'childrens-social-care', streams, panels: [] },
    { id: 'tm-1', role: 'team-manager', agency: 'childrens-social-care', streams: [], panels: [] },
    {
      id: 'rm-1',
      role: 'records-manager',
      agency: 'childrens-social-care',
      streams: [],
      panels: [],
    },
  ],
});

/**
 * A fresh directory holding the case team's `principals.json` and an SQLite store: `cli` runs the
 * CLI on that store, `as(who)` is the flags that run a command as a member of the team, and
 * `execAs(who, name, lines)` records JSONL command lines (written to `name`) through `exec`.
 */
export const caseTeamWorkspace = (prefix: string, streams: ReadonlyArray<string>) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'principals.json'), JSON.stringify(caseTeamDirectory(streams)));
  const cli = (...args: string[]) =>
    runCli(['--store', `sqlite:${join(dir, 'events.db')}`, ...args]);
  const as = (who: string) => ['--as', who, '--principals', join(dir, 'principals.json')];
  const execAs = (who: string, name: string, lines: ReadonlyArray<string>) => {
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    return cli(...as(who), 'exec', join(dir, name));
  };
  return { dir, cli, as, execAs };
};

/** Wire command lines whose command ids are `{idPrefix}-0000-4000-8000-{n}`. */
export const commandLines = (idPrefix: string) => {
  const id = (n: number) => `${idPrefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  /** A command line for the module that routes it by type. */
  const line = (n: number, type: string, at: string, data: Record<string, unknown>) =>
    JSON.stringify({ commandId: id(n), type, at, data });
  /** A command line for an HSB case. */
  const caseLine = (n: number, type: string, at: string, data: Record<string, unknown>) =>
    JSON.stringify({ commandId: id(n), module: 'hsb-case', type, at, data });
  return { line, caseLine };
};

/** The invented child whose case both the retention and the subject access tests record (C-9). */
export const quorin = {
  childId: 'ch-101',
  name: 'Quorin Vantreed',
  dateOfBirth: '2011-04-02',
  school: 'Invented Ridge Academy',
};

/** One invented HSB case: the child, a victim if one is named, the police officer at the discussion. */
export interface InventedCase {
  readonly caseId: string;
  readonly child: object;
  readonly victim?: object;
  readonly officer: string;
  readonly summary: string;
}

/** Quorin's case C-9, reported by `pc-1`: the one case most CLI tests need (with `caseHistory`). */
export const quorinCase: InventedCase = {
  caseId: 'C-9',
  child: quorin,
  officer: 'pc-1',
  summary: 'An invented concern.',
};

/**
 * A case reported, discussed (the officer and `sw-1`) and routed to no AIM intervention (by
 * `sw-1`), then closed (by `tm-1`): command ids `n` to `n + 3`.
 */
export const caseHistory = (
  caseLine: ReturnType<typeof commandLines>['caseLine'],
  n: number,
  c: InventedCase,
) => ({
  opened: [
    caseLine(n, 'ReportConcern', '2026-01-05T09:00:00Z', {
      caseId: c.caseId,
      disclosedAt: '2026-01-05T08:00:00Z',
      behaviourDate: '2026-01-04',
      child: c.child,
      ...(c.victim === undefined ? {} : { victim: c.victim }),
      notifications: {
        childrensSocialCare: '2026-01-05T08:30:00Z',
        police: '2026-01-05T08:40:00Z',
      },
      summary: c.summary,
    }),
    caseLine(n + 1, 'HoldStrategyDiscussion', '2026-01-05T15:00:00Z', {
      caseId: c.caseId,
      discussionId: `sd-${c.caseId}`,
      forChild: 'joint',
      participants: [
        { id: c.officer, name: 'Invented Officer', role: 'officer', agency: 'police' },
        {
          id: 'sw-1',
          name: 'Pretend Worker',
          role: 'social worker',
          agency: 'childrens-social-care',
        },
      ],
    }),
    caseLine(n + 2, 'DecideRoute', '2026-01-05T16:00:00Z', {
      caseId: c.caseId,
      route: 'no-aim-intervention',
      temporaryRiskStrategy: 'Invented interim plan.',
      noInterventionReason: { kind: 'early-help', detail: 'Invented early help offer.' },
    }),
  ],
  closed: caseLine(n + 3, 'CloseCase', '2026-02-02T10:00:00Z', {
    caseId: c.caseId,
    reason: 'no further action',
  }),
});
