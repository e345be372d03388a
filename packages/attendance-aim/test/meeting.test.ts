import { describe, expect, it } from 'vitest';
import { erasedPersonalData } from '@aimline/kernel';
import {
  cmd,
  evidence,
  held,
  letterSent,
  MEETING,
  mumAttends,
  opened,
  primaryPupil,
  pupilAttends,
  scheduled,
  secondaryPupil,
  spec,
  staff,
  START,
} from './fixtures.js';
import { mayProceed, schoolPhase, yearGroupOn, endOfCompulsorySchoolAge } from '../src/index.js';

const attend = (
  attendees: ReadonlyArray<Record<string, unknown>>,
  ifNotProceeding?: Record<string, unknown>,
) =>
  cmd(
    'RecordAimAttendance',
    {
      meetingId: MEETING,
      attendees,
      ...(ifNotProceeding === undefined ? {} : { ifNotProceeding }),
    } as never,
    '2024-10-15T10:30:00Z',
  );
const rearrange = { action: 'rearrange', note: 'Offer a home visit date' };
const secondary = [opened(), evidence, scheduled, letterSent];
const primary = [opened(primaryPupil), evidence, scheduled, letterSent];

describe("ATT-4: who is expected at the AIM is judged from the pupil's date of birth", () => {
  it("ATT-4: given the pupil's date of birth is erased, when the attendance is recorded, then ATT-4 refuses it, naming data.attendees", () => {
    const erased = { ...secondaryPupil, dateOfBirth: erasedPersonalData('dateOfBirth') };
    spec
      .given([opened(erased), evidence, scheduled, letterSent])
      .when(attend([...staff, pupilAttends, mumAttends]))
      .thenRejects('ATT-4', { field: 'data.attendees', reason: /date of birth has been erased/ });
  });
});

describe('ATT-5: whether the AIM may proceed', () => {
  it('ATT-5: pupil and parents present: proceed', () => {
    spec
      .given(secondary)
      .when(attend([...staff, pupilAttends, mumAttends]))
      .then([held()]);
  });

  it('ATT-5: a secondary-age pupil present without parents: proceed', () => {
    const [e] = spec
      .given(secondary)
      .when(attend([...staff, pupilAttends]))
      .events();
    expect(e).toMatchObject({
      type: 'AimHeld',
      data: { phase: 'secondary', yearGroup: 9, pupilPresent: true, parentsPresent: false },
    });
  });

  it('ATT-5: parents present without a secondary-age pupil: do not proceed; recorded as not held with what happens next', () => {
    spec
      .given(secondary)
      .when(attend([...staff, mumAttends]))
      .thenRejects('ATT-5', { field: 'data.ifNotProceeding' });
    const [e] = spec
      .given(secondary)
      .when(attend([...staff, mumAttends], rearrange))
      .events();
    expect(e).toMatchObject({
      type: 'AimNotHeld',
      data: { reason: 'parents-without-pupil', nextStep: rearrange },
    });
  });

  it('ATT-5: neither pupil nor parents present: do not proceed', () => {
    const [e] = spec.given(secondary).when(attend(staff, rearrange)).events();
    expect(e).toMatchObject({ type: 'AimNotHeld', data: { reason: 'neither-present' } });
  });

  it('ATT-5: a pupil too young to attend (primary, by policy): parents alone may proceed', () => {
    const [e] = spec
      .given(primary)
      .when(attend([...staff, mumAttends]))
      .events();
    expect(e).toMatchObject({
      type: 'AimHeld',
      data: { phase: 'primary', yearGroup: 4, pupilExpected: false },
    });
  });

  it('ATT-5: a primary-age pupil alone does not proceed', () => {
    const [e] = spec
      .given(primary)
      .when(attend([...staff, pupilAttends], rearrange))
      .events();
    expect(e).toMatchObject({ type: 'AimNotHeld', data: { reason: 'pupil-without-parents' } });
  });

  it('ATT-5: the table as a function', () => {
    expect(
      mayProceed({
        pupilPresent: false,
        parentsPresent: true,
        pupilExpected: true,
        phase: 'secondary',
      }).proceed,
    ).toBe(false);
    expect(
      mayProceed({
        pupilPresent: false,
        parentsPresent: true,
        pupilExpected: false,
        phase: 'primary',
      }).proceed,
    ).toBe(true);
  });
});

describe('ATT-4: who is present', () => {
  it('ATT-4: a carer without day-to-day responsibility does not count as the parents', () => {
    const uncleAttends = { role: 'parent-carer', parentId: 'parent-2' };
    const [e] = spec
      .given(secondary)
      .when(attend([...staff, uncleAttends], rearrange))
      .events();
    expect(e).toMatchObject({
      type: 'AimNotHeld',
      data: { parentsPresent: false, reason: 'neither-present' },
    });
  });

  it('ATT-4: the attendance lead and a senior leader are expected; a missing one is recorded', () => {
    const [e] = spec
      .given(secondary)
      .when(
        attend([
          staff[0]!,
          pupilAttends,
          mumAttends,
          { role: 'outside-agency', agency: 'Children’s social care' },
        ]),
      )
      .events();
    expect(e).toMatchObject({ type: 'AimHeld', data: { missingRoles: ['senior-leader'] } });
  });

  it('ATT-4: every parent with day-to-day responsibility was written to first', () => {
    spec
      .given([opened(), evidence, scheduled])
      .when(attend([...staff, pupilAttends, mumAttends]))
      .thenRejects('ATT-2', { field: 'data.meetingId' });
  });

  it('ATT-4: a meeting cannot be recorded twice, nor before it starts', () => {
    spec
      .given([...secondary, held()])
      .when(attend([...staff, pupilAttends]))
      .thenRejects('STATE', { field: 'data.meetingId' });
    spec
      .given(secondary)
      .when(
        cmd(
          'RecordAimAttendance',
          { meetingId: MEETING, attendees: staff },
          '2024-10-14T10:00:00Z',
        ),
      )
      .thenRejects('INPUT');
  });
});

describe('England school year: year group, phase, compulsory school age', () => {
  it('ATT-5: a pupil born 31 August is the youngest in the year; born 1 September the oldest', () => {
    expect(yearGroupOn('2013-08-31', '2024-10-15')).toBe(7);
    expect(yearGroupOn('2013-09-01', '2024-10-15')).toBe(6);
    expect(schoolPhase(yearGroupOn('2013-08-31', '2024-10-15'))).toBe('secondary');
    expect(schoolPhase(yearGroupOn('2013-09-01', '2024-10-15'))).toBe('primary');
    expect(yearGroupOn('2020-08-31', '2024-10-15')).toBe(0); // Reception
  });

  it('NAT-8: compulsory school age ends on the last Friday in June of Year 11', () => {
    expect(endOfCompulsorySchoolAge('2009-08-31')).toBe('2025-06-27');
    expect(endOfCompulsorySchoolAge('2008-09-01')).toBe('2025-06-27');
    expect(endOfCompulsorySchoolAge('2009-09-01')).toBe('2026-06-26');
  });

  it('ATT-5: the meeting date sets the year group, not the day it is recorded', () => {
    expect(START.startsWith('2024-10-15')).toBe(true);
    const [e] = spec
      .given(secondary)
      .when(attend([...staff, pupilAttends]))
      .events();
    expect(e?.data).toMatchObject({ yearGroup: yearGroupOn('2011-03-15', '2024-10-15') });
  });
});
