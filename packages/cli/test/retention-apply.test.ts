/**
 * `aimline retention --apply` (issue 13 item 5): the records manager erases, by crypto-shredding,
 * everyone due under a confirmed rule; a legal hold keeps its case; a half-finished erasure is
 * reported and finished; a second run erases nothing new. Invented people only.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { masterKeyFromFile, openKeyVault, type KeyVault } from '@aimline/governance';
import { caseHistory, caseTeamWorkspace, commandLines, quorinCase } from './case-team.js';

const { line, caseLine } = commandLines('5e7e0c1a');
const due = caseHistory(caseLine, 1, quorinCase);
const held = caseHistory(caseLine, 11, {
  caseId: 'C-8',
  child: {
    childId: 'ch-201',
    name: 'Brisle Tarnoway',
    dateOfBirth: '2011-06-06',
    school: 'Pretend Hill School',
  },
  officer: 'pc-2',
  summary: 'An invented concern.',
});
/** Every rule confirmed by the (invented) records manager. */
const schedule = {
  'hsb-case': {
    closedBy: ['CaseClosed'],
    reopenedBy: ['CaseReopened'],
    keep: [
      { kind: 'until-birthday', age: 25 },
      { kind: 'years-after-closure', years: 6 },
    ],
    source: 'Invented Test Council retention schedule, confirmed for this test',
    confirmed: true,
  },
};

interface Applied {
  finishedPending: string[];
  erased: Array<{ person: string; subjectRef: string; reason: string }>;
}

describe('aimline retention --apply (issue 13 item 5)', () => {
  const {
    dir,
    cli,
    as,
    execAs: exec,
  } = caseTeamWorkspace('aimline-retention-apply-', ['hsb-case-C-8', 'hsb-case-C-9']);
  const execAs = async (who: string, name: string, lines: ReadonlyArray<string>) => {
    const r = await exec(who, name, lines);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  };
  /** `retention` judged on 2040-01-01 under the confirmed schedule, as `principal` (global flags), with `flags`. */
  const retention = (principal: ReadonlyArray<string> = [], ...flags: string[]) =>
    cli(
      ...principal,
      '--json',
      'retention',
      '--as-of',
      '2040-01-01',
      '--retention-policy',
      join(dir, 'schedule.json'),
      ...flags,
    );
  const withVault = <A>(f: (v: KeyVault) => A): Promise<A> =>
    openKeyVault(
      join(dir, 'events.keys.db'),
      masterKeyFromFile(join(dir, 'events.master-key')),
    ).then((v) => {
      try {
        return f(v);
      } finally {
        v.close();
      }
    });

  beforeAll(async () => {
    writeFileSync(join(dir, 'schedule.json'), JSON.stringify(schedule));
    await execAs('sw-1', 'opened.jsonl', [...due.opened, ...held.opened]);
    await execAs('tm-1', 'closed.jsonl', [due.closed, held.closed]);
    await execAs('rm-1', 'hold.jsonl', [
      line(30, 'PlaceLegalHold', '2031-03-03T10:00:00Z', {
        holdId: 'H-8',
        record: 'hsb-case-C-8',
        reason: 'civil claim notified',
      }),
    ]);
  }, 60_000);

  it('ERASE-2: only the records manager may apply it: FORBIDDEN for a social worker, nothing erased', async () => {
    const r = await retention(as('sw-1'), '--apply');
    expect([r.code, r.stderr]).toEqual([1, expect.stringMatching(/FORBIDDEN: principal "sw-1"/)]);
    expect(await withVault((v) => v.erasure(v.subjectRef('ch-101')))).toBeUndefined();
  });

  it('ERASE-2: a principal the command policy does not let erase is refused retention --apply in plain words: what it refuses, never a stand-in stream', async () => {
    const r = await retention(as('tm-1'), '--apply');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'FORBIDDEN: principal "tm-1" (team-manager) may not issue RecordErasure in personal-data-erasure (retention --apply: erasing everyone the retention schedule makes due): the team-manager role has no grant for it',
    );
    expect(r.stderr).not.toContain('(pending erasures)');
    expect(await withVault((v) => v.erasure(v.subjectRef('ch-101')))).toBeUndefined();
  });

  it('ERASE-2: erase --pending is refused to anyone but the records manager in plain words', async () => {
    const r = await cli(...as('tm-1'), 'erase', '--pending');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '(erase --pending: recording the erasures a crash left half-finished): the team-manager role has no grant for it',
    );
    expect(r.stderr).not.toContain('(pending erasures)');
  });

  it('retention reports a half-finished erasure (key destroyed, PersonalDataErased not recorded), exit 1', async () => {
    await withVault((v) =>
      v.destroyKey(v.subjectRef('pc-1'), 'an interrupted erasure', '2039-12-31T10:00:00Z'),
    );
    const r = await retention(as('rm-1'));
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout) as { pendingErasures: number; due: Array<{ person: string }> };
    expect(s.pendingErasures).toBe(1);
    // pc-1 is erased already (its key is gone): not listed as due again.
    expect(s.due.map((d) => d.person)).toEqual(['ch-101']);
  });

  it('given a history and a hold, when the records manager applies retention, then the due are erased under the rule, the pending erasure is finished, and the held case is untouched', async () => {
    const r = await retention(as('rm-1'), '--apply');
    expect(r.code, r.stderr).toBe(0);
    const applied = JSON.parse(r.stdout) as Applied;
    const [pc1, ch101] = await withVault((v) => [v.subjectRef('pc-1'), v.subjectRef('ch-101')]);
    expect(applied.finishedPending).toEqual([pc1]);
    expect(applied.erased).toEqual([
      {
        person: 'ch-101',
        subjectRef: ch101,
        reason:
          'retention schedule on 2040-01-01: due under hsb-case (until the 25th birthday, 6 years after closure)',
      },
    ]);
    // sw-1 appears in the held case too, so is kept with it; so are the held case's own people.
    const erasures = await withVault((v) =>
      ['ch-101', 'pc-1', 'sw-1', 'ch-201', 'pc-2'].map(
        (p) => v.erasure(v.subjectRef(p))?.recordedAt !== undefined,
      ),
    );
    expect(erasures).toEqual([true, true, false, false, false]);
    const after = await retention(as('rm-1'));
    expect(after.code, after.stderr).toBe(0);
    const s = JSON.parse(after.stdout) as {
      pendingErasures: number;
      due: unknown[];
      records: Array<{ record: string; status: string }>;
    };
    expect([s.pendingErasures, s.due]).toEqual([0, []]);
    expect(s.records.find((x) => x.record === 'hsb-case-C-8')?.status).toBe('held');
    expect((await cli('audit', '--verify')).code).toBe(0);
  });

  it('a second run erases nothing new', async () => {
    const r = await retention(as('rm-1'), '--apply');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ finishedPending: [], erased: [] });
  });
});
