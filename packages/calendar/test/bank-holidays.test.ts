/**
 * T-5: the official bank-holiday lists (GOV.UK, "UK bank holidays") as tables, per region.
 */
import { describe, expect, it } from 'vitest';
import { bankHolidays, englandAndWales, northernIreland, scotland } from '../src/index.js';

describe('T-5: England and Wales official lists', () => {
  const official: Record<number, [string, string][]> = {
    1995: [
      ['1995-01-02', "New Year's Day (substitute day)"],
      ['1995-04-14', 'Good Friday'],
      ['1995-04-17', 'Easter Monday'],
      ['1995-05-08', 'Early May bank holiday (VE day)'],
      ['1995-05-29', 'Spring bank holiday'],
      ['1995-08-28', 'Summer bank holiday'],
      ['1995-12-25', 'Christmas Day'],
      ['1995-12-26', 'Boxing Day'],
    ],
    1999: [
      ['1999-01-01', "New Year's Day"],
      ['1999-04-02', 'Good Friday'],
      ['1999-04-05', 'Easter Monday'],
      ['1999-05-03', 'Early May bank holiday'],
      ['1999-05-31', 'Spring bank holiday'],
      ['1999-08-30', 'Summer bank holiday'],
      ['1999-12-27', 'Christmas Day (substitute day)'],
      ['1999-12-28', 'Boxing Day (substitute day)'],
      ['1999-12-31', 'Millennium celebrations'],
    ],
    2002: [
      ['2002-01-01', "New Year's Day"],
      ['2002-03-29', 'Good Friday'],
      ['2002-04-01', 'Easter Monday'],
      ['2002-05-06', 'Early May bank holiday'],
      ['2002-06-03', 'Golden Jubilee bank holiday'],
      ['2002-06-04', 'Spring bank holiday'],
      ['2002-08-26', 'Summer bank holiday'],
      ['2002-12-25', 'Christmas Day'],
      ['2002-12-26', 'Boxing Day'],
    ],
    2011: [
      ['2011-01-03', "New Year's Day (substitute day)"],
      ['2011-04-22', 'Good Friday'],
      ['2011-04-25', 'Easter Monday'],
      ['2011-04-29', 'Royal wedding'],
      ['2011-05-02', 'Early May bank holiday'],
      ['2011-05-30', 'Spring bank holiday'],
      ['2011-08-29', 'Summer bank holiday'],
      ['2011-12-26', 'Boxing Day'],
      ['2011-12-27', 'Christmas Day (substitute day)'],
    ],
    2012: [
      ['2012-01-02', "New Year's Day (substitute day)"],
      ['2012-04-06', 'Good Friday'],
      ['2012-04-09', 'Easter Monday'],
      ['2012-05-07', 'Early May bank holiday'],
      ['2012-06-04', 'Spring bank holiday'],
      ['2012-06-05', "Queen's Diamond Jubilee"],
      ['2012-08-27', 'Summer bank holiday'],
      ['2012-12-25', 'Christmas Day'],
      ['2012-12-26', 'Boxing Day'],
    ],
    2020: [
      ['2020-01-01', "New Year's Day"],
      ['2020-04-10', 'Good Friday'],
      ['2020-04-13', 'Easter Monday'],
      ['2020-05-08', 'Early May bank holiday (VE day)'],
      ['2020-05-25', 'Spring bank holiday'],
      ['2020-08-31', 'Summer bank holiday'],
      ['2020-12-25', 'Christmas Day'],
      ['2020-12-28', 'Boxing Day (substitute day)'],
    ],
    2022: [
      ['2022-01-03', "New Year's Day (substitute day)"],
      ['2022-04-15', 'Good Friday'],
      ['2022-04-18', 'Easter Monday'],
      ['2022-05-02', 'Early May bank holiday'],
      ['2022-06-02', 'Spring bank holiday'],
      ['2022-06-03', 'Platinum Jubilee bank holiday'],
      ['2022-08-29', 'Summer bank holiday'],
      ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
      ['2022-12-26', 'Boxing Day'],
      ['2022-12-27', 'Christmas Day (substitute day)'],
    ],
    2023: [
      ['2023-01-02', "New Year's Day (substitute day)"],
      ['2023-04-07', 'Good Friday'],
      ['2023-04-10', 'Easter Monday'],
      ['2023-05-01', 'Early May bank holiday'],
      ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
      ['2023-05-29', 'Spring bank holiday'],
      ['2023-08-28', 'Summer bank holiday'],
      ['2023-12-25', 'Christmas Day'],
      ['2023-12-26', 'Boxing Day'],
    ],
    2026: [
      ['2026-01-01', "New Year's Day"],
      ['2026-04-03', 'Good Friday'],
      ['2026-04-06', 'Easter Monday'],
      ['2026-05-04', 'Early May bank holiday'],
      ['2026-05-25', 'Spring bank holiday'],
      ['2026-08-31', 'Summer bank holiday'],
      ['2026-12-25', 'Christmas Day'],
      ['2026-12-28', 'Boxing Day (substitute day)'],
    ],
    2027: [
      ['2027-01-01', "New Year's Day"],
      ['2027-03-26', 'Good Friday'],
      ['2027-03-29', 'Easter Monday'],
      ['2027-05-03', 'Early May bank holiday'],
      ['2027-05-31', 'Spring bank holiday'],
      ['2027-08-30', 'Summer bank holiday'],
      ['2027-12-27', 'Christmas Day (substitute day)'],
      ['2027-12-28', 'Boxing Day (substitute day)'],
    ],
  };

  for (const [year, expected] of Object.entries(official)) {
    it(`T-5: ${year}`, () => {
      expect(bankHolidays(englandAndWales, Number(year)).map((h) => [h.date, h.name])).toEqual(
        expected,
      );
    });
  }
});

// Scotland and Northern Ireland: compared by date. (GOV.UK's names for a displaced 2 January
// are not consistent with its Christmas names; the dates are what working days depend on.)
describe('T-5: Scotland official lists', () => {
  const official: Record<number, string[]> = {
    2012: [
      '2012-01-02',
      '2012-01-03',
      '2012-04-06',
      '2012-05-07',
      '2012-06-04',
      '2012-06-05',
      '2012-08-06',
      '2012-11-30',
      '2012-12-25',
      '2012-12-26',
    ],
    2019: [
      '2019-01-01',
      '2019-01-02',
      '2019-04-19',
      '2019-05-06',
      '2019-05-27',
      '2019-08-05',
      '2019-12-02',
      '2019-12-25',
      '2019-12-26',
    ],
    2022: [
      '2022-01-03',
      '2022-01-04',
      '2022-04-15',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-01',
      '2022-09-19',
      '2022-11-30',
      '2022-12-26',
      '2022-12-27',
    ],
    2023: [
      '2023-01-02',
      '2023-01-03',
      '2023-04-07',
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
      '2023-08-07',
      '2023-11-30',
      '2023-12-25',
      '2023-12-26',
    ],
  };
  for (const [year, expected] of Object.entries(official)) {
    it(`T-5: ${year}`, () => {
      expect(bankHolidays(scotland, Number(year)).map((h) => h.date)).toEqual(expected);
    });
  }

  it("T-5: St Andrew's Day on a Sunday gives a Monday substitute (2025)", () => {
    expect(bankHolidays(scotland, 2025)).toContainEqual({
      date: '2025-12-01',
      name: "St Andrew's Day (substitute day)",
    });
  });

  it('T-5: no Easter Monday in Scotland', () => {
    expect(bankHolidays(scotland, 2026).map((h) => h.name)).not.toContain('Easter Monday');
  });
});

describe('T-5: Northern Ireland official lists', () => {
  const official: Record<number, string[]> = {
    2014: [
      '2014-01-01',
      '2014-03-17',
      '2014-04-18',
      '2014-04-21',
      '2014-05-05',
      '2014-05-26',
      '2014-07-14',
      '2014-08-25',
      '2014-12-25',
      '2014-12-26',
    ],
    2023: [
      '2023-01-02',
      '2023-03-17',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
      '2023-07-12',
      '2023-08-28',
      '2023-12-25',
      '2023-12-26',
    ],
    2026: [
      '2026-01-01',
      '2026-03-17',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-07-13',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ],
  };
  for (const [year, expected] of Object.entries(official)) {
    it(`T-5: ${year}`, () => {
      expect(bankHolidays(northernIreland, Number(year)).map((h) => h.date)).toEqual(expected);
    });
  }

  it('T-5: the Battle of the Boyne on a Saturday gives a Monday substitute (2014)', () => {
    expect(bankHolidays(northernIreland, 2014)).toContainEqual({
      date: '2014-07-14',
      name: "Battle of the Boyne (Orangemen's Day) (substitute day)",
    });
  });
});

describe('T-5: bankHolidays arguments', () => {
  it('rejects a non-integer year with a RangeError naming it', () => {
    expect(() => bankHolidays(englandAndWales, 2026.5)).toThrow(RangeError);
    expect(() => bankHolidays(englandAndWales, 2026.5)).toThrow(/bankHolidays: year/);
  });

  it('rejects a year outside 1000-9999', () => {
    expect(() => bankHolidays(englandAndWales, 999)).toThrow(RangeError);
  });

  it('rejects something that is not a calendar', () => {
    expect(() => bankHolidays({ id: 'x' } as never, 2026)).toThrow(TypeError);
  });
});
