/**
 * One-off changes to the UK bank holidays since 1995 (T-5), as data. Each applied in England
 * and Wales, Scotland and Northern Ireland alike (royal proclamations for the whole UK).
 */
import type { HolidayAddition, HolidayRemoval } from './calendar-codec.js';

export const ukOneOffAdditions: readonly HolidayAddition[] = [
  { date: '1995-05-08', name: 'Early May bank holiday (VE day)' },
  { date: '1999-12-31', name: 'Millennium celebrations' },
  { date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
  { date: '2002-06-04', name: 'Spring bank holiday' },
  { date: '2011-04-29', name: 'Royal wedding' },
  { date: '2012-06-04', name: 'Spring bank holiday' },
  { date: '2012-06-05', name: "Queen's Diamond Jubilee" },
  { date: '2020-05-08', name: 'Early May bank holiday (VE day)' },
  { date: '2022-06-02', name: 'Spring bank holiday' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
];

export const ukOneOffRemovals: readonly HolidayRemoval[] = [
  {
    date: '1995-05-01',
    reason: 'Early May bank holiday moved to 8 May for the 50th anniversary of VE day',
  },
  { date: '2002-05-27', reason: 'Spring bank holiday moved to 4 June for the Golden Jubilee' },
  { date: '2012-05-28', reason: 'Spring bank holiday moved to 4 June for the Diamond Jubilee' },
  {
    date: '2020-05-04',
    reason: 'Early May bank holiday moved to 8 May for the 75th anniversary of VE day',
  },
  { date: '2022-05-30', reason: 'Spring bank holiday moved to 2 June for the Platinum Jubilee' },
];
