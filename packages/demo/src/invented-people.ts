/**
 * Invented people and places for demo data. Every name is made up for Aimline's demo: none
 * refers to a real child, parent, professional or school.
 */
import { addDays } from '@aimline/calendar';
import { plusYears, type Day } from './london-time.js';
import type { Rng } from './rng.js';
export const FIRST_NAMES = [
  'Ashlyn',
  'Brennan',
  'Calder',
  'Darcey',
  'Elowen',
  'Fenwick',
  'Gwendel',
  'Harlan',
  'Isolde',
  'Jory',
  'Kestrel',
  'Lorcan',
  'Marlowe',
  'Nerys',
  'Orrin',
  'Peregrine',
  'Quillon',
  'Rowenna',
  'Sorrel',
  'Tamsin',
  'Ulric',
  'Verity',
  'Wystan',
  'Xanthe',
  'Yarrow',
  'Zephyrine',
] as const;

export const LAST_NAMES = [
  'Applethwaite',
  'Brackenbury',
  'Cobblestone',
  'Dunnock',
  'Eddleston',
  'Fennimore',
  'Gorsedale',
  'Hollowmere',
  'Inglenook',
  'Juniperwood',
  'Kettleby',
  'Larkspur',
  'Mossbridge',
  'Nettlefold',
  'Oakenshaw',
  'Pennywhistle',
  'Quarrington',
  'Rookwood',
  'Sallowfield',
  'Thistlewood',
] as const;

export const SCHOOLS = [
  'Brambleford Primary School',
  'Kestrel Hill Academy',
  'Millpond Church of England Primary',
  'Harrowgate Lane High School',
  'Otterbrook Community College',
  'St Wendreda of Nowhere Primary',
  'Foxglove Park Academy',
  'Larkmead Secondary School',
] as const;

/** Professionals are named by invented ids, roles and agencies (actors never carry names). */
export const AGENCIES = {
  csc: 'childrens-social-care',
  police: 'police',
  yos: 'youth-offending-service',
  health: 'health',
  education: 'education',
  businessSupport: 'business-support',
  iro: 'independent-reviewing-officer',
} as const;

/** An invented full name: a first name and a last name from the lists above. */
export const inventName = (rng: Rng): string => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;

/** An invented date of birth giving exactly `age` whole years on `on`. */
export const dateOfBirthFor = (rng: Rng, on: Day, age: number): Day =>
  addDays(plusYears(on, -age), -rng.int(1, 360));

/**
 * A source of invented staff ids (`sw-0412`): a prefix and four digits drawn from the seed,
 * never the same id twice.
 */
export const staffIds = (rng: Rng): ((prefix: string) => string) => {
  const used = new Set<string>();
  return (prefix) => {
    for (;;) {
      const id = `${prefix}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
};
