/** The invented professionals of the HSB demo: ids, roles, agencies, the models they are trained in. */
import type { AssessmentModel } from '@aimline/hsb-aim';
import type { Actor, Agency } from '@aimline/kernel';
import { AGENCIES, inventName, SCHOOLS, staffIds } from '../invented-people.js';
import type { Rng } from '../rng.js';

/** The agencies the demo's professionals work for (of the kernel's one `Agency` vocabulary). */
type DomainAgency = Extract<
  Agency,
  'police' | 'childrens-social-care' | 'youth-offending-service' | 'health' | 'education'
>;

export interface Pro {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly agency: DomainAgency;
  readonly actor: Actor;
  readonly trainedIn: AssessmentModel[];
  readonly qualification: 'social-work' | 'other-suitable' | 'none';
  readonly school?: string;
}

export interface Staff {
  readonly socialWorkers: ReadonlyArray<Pro>;
  readonly yosOfficers: ReadonlyArray<Pro>;
  readonly health: ReadonlyArray<Pro>;
  readonly police: ReadonlyArray<Pro>;
  readonly cscManagers: ReadonlyArray<Pro>;
  readonly yosManagers: ReadonlyArray<Pro>;
  readonly iros: ReadonlyArray<Pro>;
  readonly businessSupport: ReadonlyArray<Pro>;
  readonly dsl: ReadonlyMap<string, Pro>;
}

const actorAgency: Record<DomainAgency, string> = {
  police: AGENCIES.police,
  'childrens-social-care': AGENCIES.csc,
  'youth-offending-service': AGENCIES.yos,
  health: AGENCIES.health,
  education: AGENCIES.education,
};

export const makeStaff = (rng: Rng): Staff => {
  const newId = staffIds(rng);
  const pro = (
    prefix: string,
    role: string,
    agency: DomainAgency,
    trainedIn: AssessmentModel[] = [],
    qualification: Pro['qualification'] = 'none',
    actorAgencyName: string = actorAgency[agency],
    school?: string,
  ): Pro => {
    const id = newId(prefix);
    return {
      id,
      name: inventName(rng),
      role,
      agency,
      actor: { id, role, agency: actorAgencyName },
      trainedIn,
      qualification,
      ...(school === undefined ? {} : { school }),
    };
  };
  const times = <A>(n: number, f: (i: number) => A): A[] =>
    Array.from({ length: n }, (_, i) => f(i));
  return {
    socialWorkers: times(6, (i) =>
      pro(
        'sw',
        'social worker',
        'childrens-social-care',
        i % 3 === 0
          ? ['AIM2', 'under-12s', 'AIM3']
          : i % 3 === 1
            ? ['AIM2', 'under-12s']
            : ['AIM2'],
        'social-work',
      ),
    ),
    yosOfficers: times(4, (i) =>
      pro(
        'yos',
        'youth justice officer',
        'youth-offending-service',
        i % 2 === 0 ? ['AIM2', 'AIM3'] : ['AIM2'],
        i % 2 === 0 ? 'other-suitable' : 'none',
      ),
    ),
    health: times(2, () =>
      pro('hp', 'child psychotherapist', 'health', ['under-12s', 'AIM2'], 'other-suitable'),
    ),
    police: times(4, () => pro('pc', 'detective constable', 'police')),
    cscManagers: times(2, () => pro('mgr-csc', 'team manager', 'childrens-social-care')),
    yosManagers: times(2, () =>
      pro('mgr-yos', 'youth justice team manager', 'youth-offending-service'),
    ),
    iros: times(2, () =>
      pro(
        'iro',
        'independent reviewing officer',
        'childrens-social-care',
        [],
        'social-work',
        AGENCIES.iro,
      ),
    ),
    businessSupport: times(2, () =>
      pro(
        'bs',
        'business support officer',
        'childrens-social-care',
        [],
        'none',
        AGENCIES.businessSupport,
      ),
    ),
    dsl: new Map(
      SCHOOLS.map((school) => [
        school,
        pro(
          'dsl',
          'designated safeguarding lead',
          'education',
          [],
          'none',
          AGENCIES.education,
          school,
        ),
      ]),
    ),
  };
};
