import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { attendanceAimModule } from '@aimline/attendance-aim';
import { hsbCaseModule } from '@aimline/hsb-aim';
import { meetingModule } from '@aimline/meetings';
import { panelReferralModule, panelSittingModule } from '@aimline/panel';
import {
  authorise,
  commandPolicyProblems,
  defaultCommandPolicy,
  erasureGrant,
  erasureModule,
  legalHoldModule,
  roles,
  type Role,
} from '../src/index.js';
import { principal } from './access-fixtures.js';

const modules = [
  hsbCaseModule(),
  meetingModule(),
  panelSittingModule(),
  panelReferralModule(),
  attendanceAimModule(),
  legalHoldModule(),
  erasureModule,
];

/** The roles the default policy lets issue `command` of `module` on some stream. */
const whoMay = (module: string, command: string): Role[] =>
  roles.filter((role) =>
    (defaultCommandPolicy[role] ?? []).some(
      (g) => g.module === module && g.commands.includes(command),
    ),
  );

describe('the default command policy', () => {
  it('names only modules and commands that exist', () => {
    expect(commandPolicyProblems(defaultCommandPolicy, modules)).toEqual([]);
  });

  it('gives every command of every module to at least one role (none is unreachable)', () => {
    const orphans = modules.flatMap((m) =>
      m.commands.types.filter((c) => whoMay(m.name, c).length === 0).map((c) => `${m.name}.${c}`),
    );
    expect(orphans).toEqual([]);
  });

  it('HSB-11: only a team manager allocates assessors', () => {
    expect(whoMay('hsb-case', 'AllocateAssessors')).toEqual(['team-manager']);
  });

  it('000 / HSB-15 / MTG-1: only business support books meetings', () => {
    expect(whoMay('hsb-case', 'BookInitialAimMeeting')).toEqual(['business-support']);
    for (const c of ['ScheduleMeeting', 'RescheduleMeeting', 'CancelMeeting'])
      expect(whoMay('meeting', c)).toEqual(['business-support']);
  });

  it('PNL-7 / MTG-7: only the panel chair approves the panel minutes', () => {
    expect(whoMay('panel-sitting', 'ApproveMinutes')).toEqual(['panel-chair']);
  });

  it('ERASE-2: only the records manager erases (RecordErasure), and erasureGrant checks it before any key is destroyed', () => {
    expect(whoMay('personal-data-erasure', 'RecordErasure')).toEqual(['records-manager']);
    const pending = { label: 'erase --pending: recording the erasures a crash left half-finished' };
    expect(
      E.isRight(erasureGrant(defaultCommandPolicy, principal('records-manager'), pending)),
    ).toBe(true);
    const refused = erasureGrant(defaultCommandPolicy, principal('auditor'), {
      subjectRef: 'a'.repeat(32),
    });
    expect(E.isLeft(refused) && refused.left).toMatchObject({
      code: 'FORBIDDEN',
      principal: 'auditor-1',
      command: 'RecordErasure',
      stream: `personal-data-erasure-${'a'.repeat(32)}`,
    });
  });

  it('ERASE-2: an erasure of no one person in particular is refused naming its label, never the stand-in stream it is checked on', () => {
    const label = 'retention --apply: erasing everyone the retention schedule makes due';
    const refused = erasureGrant(defaultCommandPolicy, principal('team-manager'), { label });
    expect(E.isLeft(refused) && refused.left.message).toBe(
      `FORBIDDEN: principal "team-manager-1" (team-manager) may not issue RecordErasure in personal-data-erasure (${label}): the team-manager role has no grant for it`,
    );
    const scoped = erasureGrant(
      {
        'team-manager': [
          { module: 'personal-data-erasure', commands: ['RecordErasure'], streams: 'allocated' },
        ],
      },
      principal('team-manager'),
      { label },
    );
    expect(E.isLeft(scoped) && scoped.left.message).toMatch(
      /\(retention --apply: [^)]*\): they are not allocated to every record it covers$/,
    );
  });

  it('an auditor and a school representative issue no command at all', () => {
    for (const role of ['auditor', 'school-representative'] as const)
      for (const m of modules)
        for (const c of m.commands.types) expect(whoMay(m.name, c)).not.toContain(role);
  });

  it('a policy naming an unknown module or command is refused, naming the field', () => {
    expect(
      commandPolicyProblems(
        {
          police: [
            { module: 'hsb-case', commands: ['ArrestEveryone'], streams: 'any' },
            { module: 'space', commands: [], streams: 'any' },
          ],
        },
        modules,
      ).map((p) => p.path),
    ).toEqual(['commands.police.0.commands.0', 'commands.police.1.module']);
  });
});

describe('authorise: role, module, command and stream, default deny', () => {
  const stream = 'hsb-case-C-1';

  it('a grant on allocated streams covers only the streams the principal is allocated to', () => {
    const allocated = principal('social-worker', { streams: [stream] });
    expect(
      E.isRight(authorise(defaultCommandPolicy, allocated, 'hsb-case', 'DecideRoute', stream)),
    ).toBe(true);
    expect(
      authorise(
        defaultCommandPolicy,
        principal('social-worker'),
        'hsb-case',
        'DecideRoute',
        stream,
      ),
    ).toEqual(
      E.left({
        kind: 'Forbidden',
        code: 'FORBIDDEN',
        principal: 'social-worker-1',
        role: 'social-worker',
        module: 'hsb-case',
        command: 'DecideRoute',
        stream,
        message:
          'FORBIDDEN: principal "social-worker-1" (social-worker) may not issue DecideRoute in hsb-case (hsb-case-C-1): they are not allocated to hsb-case-C-1',
      }),
    );
  });

  it('a panel grant needs a seat on a panel', () => {
    const s = 'panel-sitting-2026-11';
    expect(
      E.isRight(
        authorise(
          defaultCommandPolicy,
          principal('panel-chair', { panels: ['p'] }),
          'panel-sitting',
          'ApproveMinutes',
          s,
        ),
      ),
    ).toBe(true);
    expect(
      authorise(
        defaultCommandPolicy,
        principal('panel-chair'),
        'panel-sitting',
        'ApproveMinutes',
        s,
      ),
    ).toMatchObject(
      E.left({ kind: 'Forbidden', message: expect.stringContaining('sit on no panel') as string }),
    );
  });

  it('a role without a grant is refused whatever it is allocated to', () => {
    const sw = principal('social-worker', { streams: [stream] });
    expect(
      authorise(defaultCommandPolicy, sw, 'hsb-case', 'AllocateAssessors', stream),
    ).toMatchObject(
      E.left({
        kind: 'Forbidden',
        command: 'AllocateAssessors',
        message: expect.stringContaining('the social-worker role has no grant for it') as string,
      }),
    );
    expect(authorise({}, sw, 'hsb-case', 'ReportConcern', stream)).toMatchObject(
      E.left({ kind: 'Forbidden' }),
    );
  });
});
