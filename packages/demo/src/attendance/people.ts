/** The invented people of the attendance demo: schools and their staff, the local authority's officers, families. */
import type { ParentCarer } from '@aimline/attendance-aim';
import { addDays, daysBetween } from '@aimline/calendar';
import type { Actor } from '@aimline/kernel';
import {
  AGENCIES,
  FIRST_NAMES,
  inventName,
  LAST_NAMES,
  SCHOOLS,
  staffIds,
} from '../invented-people.js';
import type { Day } from '../london-time.js';
import type { Rng } from '../rng.js';

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly actor: Actor;
}

export interface SchoolInfo {
  readonly schoolId: string;
  readonly name: string;
  readonly primary: boolean;
  readonly lead: Person;
  readonly senior: Person;
  readonly dataManager: Person;
  readonly mentor: Person;
}

export interface LaStaff {
  readonly inclusionOfficers: ReadonlyArray<Person>;
  readonly leadOfficer: Person;
  readonly enforcement: ReadonlyArray<Person>;
  readonly socialWorkers: ReadonlyArray<Person>;
  readonly earlyHelp: ReadonlyArray<Person>;
  readonly camhs: ReadonlyArray<Person>;
  readonly esoOfficer: Person;
}

const LA_INCLUSION = 'local-authority-inclusion';

const LA_LEGAL = 'local-authority-legal-intervention';

const EARLY_HELP = 'early-help';

export class People {
  readonly id: (prefix: string) => string;
  constructor(private readonly rng: Rng) {
    this.id = staffIds(rng);
  }
  person(prefix: string, role: string, agency: string): Person {
    const id = this.id(prefix);
    return { id, name: inventName(this.rng), actor: { id, role, agency } };
  }
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const makeSchools = (people: People): ReadonlyArray<SchoolInfo> =>
  SCHOOLS.map((name) => ({
    schoolId: `sch-${slug(name)}`,
    name,
    primary: /Primary/.test(name),
    lead: people.person('al', 'attendance lead', AGENCIES.education),
    senior: people.person('slt', 'deputy headteacher', AGENCIES.education),
    dataManager: people.person('dm', 'data manager', AGENCIES.education),
    mentor: people.person('lm', 'learning mentor', AGENCIES.education),
  }));

export const makeLaStaff = (people: People): LaStaff => ({
  inclusionOfficers: [1, 2].map(() => people.person('io', 'inclusion officer', LA_INCLUSION)),
  leadOfficer: people.person(
    'llo',
    'lead officer for legal intervention in education (attendance)',
    LA_LEGAL,
  ),
  enforcement: [1, 2].map(() => people.person('aeo', 'attendance enforcement officer', LA_LEGAL)),
  socialWorkers: [1, 2].map(() => people.person('sw', 'social worker', AGENCIES.csc)),
  earlyHelp: [1, 2].map(() => people.person('eh', 'family support worker', EARLY_HELP)),
  camhs: [people.person('mhst', 'mental health practitioner', AGENCIES.health)],
  esoOfficer: people.person('eso', 'education supervision officer', LA_INCLUSION),
});

/** A date of birth in `yearGroup` during the school year starting in September of `s`. */
export const dobFor = (rng: Rng, s: number, yearGroup: number): Day => {
  const from = `${s - yearGroup - 5}-09-01`;
  const to = `${s - yearGroup - 4}-08-31`;
  return addDays(from, rng.int(0, daysBetween(from, to)));
};

export const STREETS = [
  'Larkspur Close',
  'Mossbridge Road',
  'Kettleby Lane',
  'Oakenshaw Way',
  'Thistlewood Court',
];

export const makeParents = (rng: Rng, caseId: string, lastName: string): ParentCarer[] => {
  const phone = () => `07700 900${String(rng.int(100, 999))}`;
  const first: ParentCarer = {
    parentId: `${caseId}-par-1`,
    firstName: rng.pick(FIRST_NAMES),
    lastName,
    relationship: rng.chance(0.8) ? 'mother' : 'father',
    dayToDayResponsibility: true,
    contact: rng.chance(0.6)
      ? { email: `${slug(lastName)}.family@example.org`, phone: phone() }
      : { phone: phone() },
  };
  const r = rng.next();
  if (r < 0.35) return [first];
  const together = r < 0.75;
  return [
    first,
    {
      parentId: `${caseId}-par-2`,
      firstName: rng.pick(FIRST_NAMES),
      lastName: together ? lastName : rng.pick(LAST_NAMES),
      relationship: first.relationship === 'mother' ? 'father' : 'mother',
      dayToDayResponsibility: together,
      contact: together
        ? { phone: phone() }
        : { post: `Flat ${rng.int(1, 30)}, ${rng.pick(STREETS)}, Otterbrook` },
    },
  ];
};
