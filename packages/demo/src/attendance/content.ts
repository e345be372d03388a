/** Invented content of attendance cases: support steps, quotes, what worked, strategies, meeting settings. */
import type { Rng } from '../rng.js';
import type { Case } from './case.js';

export const SUPPORT_STEPS = [
  'Daily morning check-in with the learning mentor at the school gate',
  'Attendance conversation with the parent and the form tutor',
  'Referral to the school nurse about recurring stomach aches on school mornings',
  'Early Help assessment offered; family support worker allocated',
  'Soft start: first lesson in the library with a named adult',
  'Breakfast club place offered free of charge',
  'Bus pass arranged after transport difficulties were raised',
  'Referral to the Mental Health Support Team in schools',
  'Young carer assessment requested',
  'Home visit by the attendance lead to talk through the barriers to attendance',
  'Reduced timetable for two weeks with a plan to return to full time',
  'Weekly attendance report sent home with praise for full weeks',
] as const;

export const PUPIL_QUOTES = [
  'I get a tummy ache on Sunday night just thinking about Monday.',
  'Mornings are hard because I walk my little brother to his school first.',
  'I don’t like PE, people laugh at me in the changing rooms.',
  'If I miss one day it’s harder to go back the next day, because I don’t know what they did.',
  'I’d come in more if I could start in the library and not in form time.',
  'I’m tired because I’m up late on my phone, I know.',
  'The bus is always full so I just go home.',
  'I like it when Miss checks in with me at the gate.',
] as const;

export const PARENT_QUOTES = [
  'I can’t physically get her out of bed, I’ve tried everything.',
  'It’s been a really hard winter and I’m on my own with three of them.',
  'I didn’t realise it was this many days until I saw the letter.',
  'He says he’s poorly and I don’t want to send him in if he’s ill.',
  'I work early shifts so I’m gone before they get up.',
  'We want to work with the school, we just need some help with the mornings.',
  'Nobody listens to us, so why should we come in?',
  'The walk to the new school is too far without a bus pass.',
] as const;

export const WHAT_WORKED = [
  'Walking to school with a friend from the same street',
  'The soft start in the library on Mondays',
  'Breakfast club on the days it was used',
  'Knowing a named adult meets the pupil at the gate',
  'Praise postcards home for full weeks',
  'The family support worker’s morning visits',
] as const;

export const STRATEGIES = [
  'Morning phone call from the attendance lead on the days after a weekend',
  'Time-out card for lessons that cause anxiety',
  'Alarm clock and a visual morning routine at home',
  'Lift-share with a neighbour on Tuesdays and Thursdays',
  'Weekly check-in with the school nurse',
  'Phased return to full timetable over three weeks',
  'Referral to the young carers’ group',
] as const;

export const pickSome = <T>(rng: Rng, items: ReadonlyArray<T>, n: number): T[] => {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0)
    out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
};

export const SETTING_TEXT = {
  school: (c: Case) => `${c.school.name}, attendance meeting room`,
  home: (c: Case) => c.address,
  neutral: () => 'Brambleford Family Hub, Room 2',
} as const;

/** What happens when nobody says otherwise and the AIM may not proceed (ATT-5). */
export const DEFAULT_NEXT = {
  action: 'rearrange',
  note: 'A new date will be offered to the family.',
} as const;
