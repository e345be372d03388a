import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { commandHandler, InMemoryEventStore } from '@aimline/kernel';
import { attendanceAimModule } from '../src/index.js';
import { actor, mum, secondaryPupil, school } from './fixtures.js';

const wire = (commandId: string, type: string, data: unknown, at: string) => ({
  commandId,
  type,
  at,
  actor,
  data,
});

describe('the module: stream, codecs, nothing appended on rejection', () => {
  it('NAT-4: an unknown code is rejected and nothing is appended to attendance-aim-{caseId}', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock: () => '2024-09-03T09:00:00Z' });
    const module = attendanceAimModule();
    expect(module.streamPrefix).toBe('attendance-aim-');
    const opened = await handler.execute(
      module,
      wire(
        '00000000-0000-4000-8000-000000000001',
        'OpenAttendanceCase',
        { caseId: 'c-9', pupil: secondaryPupil, school, parents: [mum] },
        '2024-09-02T08:00:00Z',
      ),
    );
    expect(E.isRight(opened) && opened.right.stream).toBe('attendance-aim-c-9');
    const bad = await handler.execute(
      module,
      wire(
        '00000000-0000-4000-8000-000000000002',
        'ImportAttendance',
        {
          caseId: 'c-9',
          period: { from: '2024-09-02', to: '2024-09-02' },
          sessions: [{ date: '2024-09-02', session: 'AM', code: 'A' }],
        },
        '2024-09-03T08:00:00Z',
      ),
    );
    expect(bad).toMatchObject({
      _tag: 'Left',
      left: { kind: 'Rejected', rejection: { ruleId: 'NAT-4', field: 'data.sessions.0.code' } },
    });
    const stored = [];
    for await (const e of store.readStream('attendance-aim-c-9')) stored.push(e.type);
    expect(stored).toEqual(['AttendanceCaseOpened']);
  });

  it('an unknown field anywhere in a command is refused with its path, and nothing is appended', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock: () => '2024-09-03T09:00:00Z' });
    const r = await handler.execute(
      attendanceAimModule(),
      wire(
        '00000000-0000-4000-8000-000000000004',
        'OpenAttendanceCase',
        {
          caseId: 'c-10',
          pupil: { ...secondaryPupil, favouriteColour: 'green' },
          school,
          parents: [mum],
          comment: 'not part of the command',
        },
        '2024-09-02T08:00:00Z',
      ),
    );
    expect(E.isLeft(r) && r.left.kind === 'InvalidCommand' && r.left.problems).toEqual([
      { path: 'data.pupil.favouriteColour', message: 'unknown field' },
      { path: 'data.comment', message: 'unknown field' },
    ]);
    const stored = [];
    for await (const e of store.readStream('attendance-aim-c-10')) stored.push(e.type);
    expect(stored).toEqual([]);
  });

  it('a pupil born in 1900 or in year 0, and a payment of 1e308, are refused as INPUT naming the field', async () => {
    const handler = commandHandler({
      store: new InMemoryEventStore(),
      clock: () => '2024-09-03T09:00:00Z',
    });
    const openWith = (dateOfBirth: string, id: string) =>
      handler.execute(
        attendanceAimModule(),
        wire(
          id,
          'OpenAttendanceCase',
          { caseId: 'c-11', pupil: { ...secondaryPupil, dateOfBirth }, school, parents: [mum] },
          '2024-09-02T08:00:00Z',
        ),
      );
    expect(await openWith('1900-01-01', '00000000-0000-4000-8000-000000000005')).toMatchObject({
      left: {
        kind: 'Rejected',
        rejection: { ruleId: 'INPUT', field: 'data.pupil.dateOfBirth' },
      },
    });
    expect(await openWith('0000-01-01', '00000000-0000-4000-8000-000000000006')).toMatchObject({
      left: { kind: 'InvalidCommand', problems: [{ path: 'data.pupil.dateOfBirth' }] },
    });
    const paid = await handler.execute(
      attendanceAimModule(),
      wire(
        '00000000-0000-4000-8000-000000000007',
        'RecordPenaltyPayment',
        { caseId: 'c-11', stepId: 'step-1', paidOn: '2024-09-02', amount: 1e308 },
        '2024-09-03T08:00:00Z',
      ),
    );
    expect(paid).toMatchObject({
      left: { kind: 'Rejected', rejection: { ruleId: 'INPUT', field: 'data.amount' } },
    });
  });

  it('ATT-2: a letter with no date decodes (so the decider names the rule), a malformed command does not', () => {
    const ok = attendanceAimModule().commands.decode(
      wire(
        '00000000-0000-4000-8000-000000000003',
        'SendAimLetter',
        {
          caseId: 'c',
          meetingId: 'm',
          parentId: 'p',
          channel: 'post',
          documentRef: 'd',
          letter: {},
        },
        '2024-10-02T09:00:00Z',
      ),
    );
    expect(E.isRight(ok)).toBe(true);
    const bad = attendanceAimModule().commands.decode(
      wire(
        '00000000-0000-4000-8000-000000000004',
        'ScheduleAim',
        { caseId: 'c' },
        '2024-10-02T09:00:00Z',
      ),
    );
    expect(bad).toMatchObject({ _tag: 'Left', left: { kind: 'InvalidCommand' } });
  });

  it('ATT-3: names, dates of birth and quotes are declared personal data', () => {
    const paths = attendanceAimModule()
      .events.personalData('AttendanceCaseOpened')
      .map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'pupil.firstName',
        'pupil.dateOfBirth',
        'parents.[].lastName',
        'school.name',
      ]),
    );
    expect(
      attendanceAimModule()
        .events.personalData('VoiceCaptured')
        .map((p) => p.path),
    ).toContain('quote');
  });
});
