import * as E from 'fp-ts/lib/Either.js';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isWorkingDay } from '@aimline/calendar';
import { describe, expect, it } from 'vitest';
import { loadCouncilPolicy, schoolCalendarFor } from '../src/council-policy.js';
import { MAX_POLICY_FILE_BYTES, readPolicyFile } from '../src/policy-file.js';

const write = (value: unknown): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'aimline-policy-')), 'council.json');
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

describe("a council's policy file", () => {
  it('overrides data, not code: a closure day, a timescale unit, a venue, a school calendar', () => {
    const file = write({
      region: 'england-and-wales',
      calendarExtension: { closureDays: [{ date: '2026-12-29', name: 'Council closure' }] },
      hsb: { homeSafetyPlanUnit: 'workingDays' },
      panel: { defaultVenue: 'Room 2, Civic Centre' },
      schoolCalendars: {
        'sch-brambleford': {
          id: 'sch-brambleford',
          terms: [{ name: 'Autumn 2026', start: '2026-09-03', end: '2026-12-18' }],
        },
      },
      audit: { lateRecordingHours: 72 },
    });
    const p = loadCouncilPolicy(file);
    expect(E.isRight(p)).toBe(true);
    if (E.isLeft(p)) return;
    expect(isWorkingDay(p.right.calendar, '2026-12-29')).toBe(false);
    expect(isWorkingDay(p.right.calendar, '2026-12-30')).toBe(true);
    expect(p.right.hsb.homeSafetyPlanUnit).toBe('workingDays');
    expect(p.right.panel.defaultVenue).toBe('Room 2, Civic Centre');
    expect(p.right.panel.papersWorkingDaysBefore).toBe(7);
    expect(p.right.audit.lateRecordingHours).toBe(72);
    expect(schoolCalendarFor(p.right, 'sch-brambleford').terms).toHaveLength(1);
    expect(schoolCalendarFor(p.right, 'sch-unknown').terms).toHaveLength(0);
  });

  it('names the field that is wrong, and the file', () => {
    const file = write({ hsb: { homeSafetyPlanUnit: 'fortnights' } });
    const p = loadCouncilPolicy(file);
    expect(E.isLeft(p) && p.left).toContain(file);
    expect(E.isLeft(p) && p.left).toContain('homeSafetyPlanUnit');
    const bad = loadCouncilPolicy(write('{ not json'));
    expect(E.isLeft(bad) && bad.left).toMatch(/cannot read policy file/);
    const region = loadCouncilPolicy(write({ region: 'wessex' }));
    expect(E.isLeft(region) && region.left).toContain('region');
  });

  it('sets the plausibility rules as data over the defaults (0-25 years, 1900-2199, …)', () => {
    const p = loadCouncilPolicy(write({ plausibility: { childAgeYears: { min: 0, max: 21 } } }));
    expect(E.isRight(p) && p.right.plausibility).toEqual({
      years: { min: 1900, max: 2199 },
      childAgeYears: { min: 0, max: 21 },
      maxAmount: 1_000_000,
      maxIdLength: 128,
      maxTextLength: 20_000,
    });
    const bad = loadCouncilPolicy(write({ plausibility: { years: { min: 2100, max: 1900 } } }));
    expect(E.isLeft(bad) && bad.left).toMatch(/plausibility: years/);
  });

  it('refuses a field the policy does not know, naming it (a misspelt setting is never ignored)', () => {
    const top = loadCouncilPolicy(write({ hsbb: {} }));
    expect(E.isLeft(top) && top.left).toMatch(/hsbb: unknown field/);
    const inner = loadCouncilPolicy(write({ hsb: { homeSafetyPlanUnits: 'workingDays' } }));
    expect(E.isLeft(inner) && inner.left).toMatch(/hsb: homeSafetyPlanUnits: unknown field/);
  });

  it('reads dates in a policy file with the one date parser (a day that does not exist is refused)', () => {
    const p = loadCouncilPolicy(
      write({ calendarExtension: { closureDays: [{ date: '2026-02-30', name: 'Closure' }] } }),
    );
    expect(E.isLeft(p) && p.left).toMatch(/closureDays\.0\.date/);
  });
});

describe('a policy file keyed by prototype keys, or with a range written backwards, is refused naming the field', () => {
  const refusal = (json: string): string => {
    const p = loadCouncilPolicy(write(json));
    return E.isLeft(p) ? p.left : 'accepted';
  };
  const PROTOTYPE = 'a prototype key (a name every object inherits): refused';

  it('given __proto__ or constructor as a key of any record (school calendars, model age bands, expected reports), then it is refused, not dropped', () => {
    const calendar = '{"id": "sch-1", "terms": []}';
    for (const key of ['__proto__', 'constructor']) {
      expect(refusal(`{"schoolCalendars": {"${key}": ${calendar}}}`)).toContain(
        `schoolCalendars.${key}: ${PROTOTYPE}`,
      );
      expect(refusal(`{"hsb": {"modelAgeBands": {"${key}": {"from": 8, "to": 18}}}}`)).toContain(
        `hsb.modelAgeBands.${key}: ${PROTOTYPE}`,
      );
      expect(refusal(`{"meetings": {"expectedReports": {"${key}": ["aim-report"]}}}`)).toContain(
        `meetings.expectedReports.${key}: ${PROTOTYPE}`,
      );
      expect(refusal(`{"hsb": {"${key}": {"strategyWithinHours": 1}}}`)).toContain(
        `hsb.${key}: ${PROTOTYPE}`,
      );
    }
  });

  it('given a school id that names what every object inherits (constructor, toString), then its calendar is the working days, not an inherited function', () => {
    const p = loadCouncilPolicy(write({ schoolCalendars: {} }));
    expect(E.isRight(p)).toBe(true);
    if (E.isLeft(p)) return;
    for (const schoolId of ['constructor', 'toString', '__proto__'])
      expect(schoolCalendarFor(p.right, schoolId)).toMatchObject({ id: 'working-days', terms: [] });
  });

  it('given a model the age bands do not know, then it is refused naming it (io-ts kept only the known ones)', () => {
    expect(refusal('{"hsb": {"modelAgeBands": {"AIM9": {"from": 8, "to": 18}}}}')).toMatch(
      /hsb: modelAgeBands\.AIM9: unknown key/,
    );
  });

  it('given an age band, a term or an improvement period written backwards, then it is refused naming its upper end', () => {
    expect(refusal('{"hsb": {"modelAgeBands": {"AIM2": {"from": 18, "to": 8}}}}')).toContain(
      'hsb: modelAgeBands.AIM2.to: 8 is below from (18): a range is written lower end first',
    );
    expect(refusal('{"panel": {"ageRange": {"from": 18, "to": 5}}}')).toContain(
      'panel: ageRange.to: 5 is below from (18)',
    );
    expect(refusal('{"panel": {"brookBands": [{"id": "0-5", "from": 5, "to": 0}]}}')).toContain(
      'panel: brookBands.0.to: 0 is below from (5)',
    );
    expect(
      refusal('{"attendance": {"noticeToImprove": {"minWeeks": 6, "maxWeeks": 3}}}'),
    ).toContain('attendance: noticeToImprove.maxWeeks: 3 is below minWeeks (6)');
    expect(
      refusal(
        '{"schoolCalendars": {"sch-1": {"id": "sch-1", "terms": [{"name": "Autumn", "start": "2026-12-18", "end": "2026-09-03"}]}}}',
      ),
    ).toContain(
      'schoolCalendars.sch-1: terms.0.end: 2026-09-03 is before start (2026-12-18): a range is written lower end first',
    );
    expect(refusal('{"plausibility": {"years": {"min": 2100, "max": 1900}}}')).toContain(
      'plausibility: years.max: 1900 is below min (2100)',
    );
  });

  it('given an attendance policy whose ordered pairs are written backwards (NAT-5 rates, NAT-7 penalty amounts and periods), then it is refused naming the upper one', () => {
    expect(
      refusal('{"attendance": {"persistentAbsenceRate": 0.6, "severeAbsenceRate": 0.5}}'),
    ).toContain('attendance: severeAbsenceRate: 0.5 is below persistentAbsenceRate (0.6)');
    expect(refusal('{"attendance": {"penaltyNotice": {"reducedAmount": 200}}}')).toContain(
      'attendance: penaltyNotice.fullAmount: 160 is below reducedAmount (200)',
    );
    expect(refusal('{"attendance": {"penaltyNotice": {"fullWithinDays": 14}}}')).toContain(
      'attendance: penaltyNotice.fullWithinDays: 14 is below reducedWithinDays (21)',
    );
    expect(
      refusal(
        '{"attendance": {"persistentAbsenceRate": 0.5, "severeAbsenceRate": 0.5, "penaltyNotice": {"reducedAmount": 160, "reducedWithinDays": 28}}}',
      ),
    ).toBe('accepted');
  });

  it('given a band of one age (from = to), then it is a band', () => {
    expect(refusal('{"hsb": {"modelAgeBands": {"AIM2": {"from": 9, "to": 9}}}}')).toBe('accepted');
  });
});

describe('a policy file is a small regular file (issue 13: bad input)', () => {
  const NOT_A_FILE = 'not a regular file (a folder, a device or a pipe)';
  const oversize = () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aimline-policy-')), 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, MAX_POLICY_FILE_BYTES + 1);
    return file;
  };

  it('given a device (read for ever) or a folder, then it is refused saying so, before anything is read', () => {
    expect(readPolicyFile('/dev/zero')).toEqual(E.left(NOT_A_FILE));
    expect(readPolicyFile(tmpdir())).toEqual(E.left(NOT_A_FILE));
    expect(loadCouncilPolicy('/dev/zero')).toEqual(
      E.left(`cannot read policy file /dev/zero: ${NOT_A_FILE}`),
    );
  });

  it('given a file over the limit, then it is refused naming its size and the limit, not parsed', () => {
    const file = oversize();
    expect(loadCouncilPolicy(file)).toEqual(
      E.left(
        `cannot read policy file ${file}: it holds ${MAX_POLICY_FILE_BYTES + 1} bytes, more than a policy file may (${MAX_POLICY_FILE_BYTES})`,
      ),
    );
  });

  it('given a file that says a setting twice (JSON.parse kept the last), then it is refused naming the setting', () => {
    const file = write('{"dueSoonHours": 24, "dueSoonHours": 72}');
    expect(loadCouncilPolicy(file)).toEqual(
      E.left(`cannot read policy file ${file}: dueSoonHours: given more than once`),
    );
  });

  it('given a file that is not JSON, then where it stops is named and the text is never quoted', () => {
    const p = loadCouncilPolicy(write('{"region": Wessex Secretname}'));
    expect(p).toEqual(E.left(expect.stringMatching(/: it is not JSON/) as unknown as string));
    expect(E.isLeft(p) && p.left).not.toContain('Secretname');
  });
});
