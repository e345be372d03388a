/** The panel's invented members (a representative and a deputy per seat) and referrers. */
import type { Actor } from '@aimline/kernel';
import type { Member, PanelPolicy, Professional } from '@aimline/panel';
import { inventName, staffIds } from '../invented-people.js';
import type { Rng } from '../rng.js';

/** The actor agency of a panel seat (roles a council adds count as a partner agency). */
const SEAT_AGENCY: Readonly<Record<string, string>> = {
  chair: 'council',
  'co-chair': 'children-social-care',
  'business-support': 'business-support',
  'youth-offending': 'youth-offending-service',
  'early-help': 'early-help',
  'clinical-psychology': 'health',
  police: 'police',
  'safeguarding-nurse': 'health',
  'alternative-education': 'education',
  'access-and-inclusion': 'education',
  sen: 'education',
  'safeguarding-team-manager': 'children-social-care',
};

export interface Person {
  readonly member: Member;
  readonly actor: Actor;
}

export interface Seat {
  readonly role: string;
  readonly rep: Person;
  readonly deputy: Person;
}

export interface People {
  readonly seats: ReadonlyArray<Seat>;
  readonly chair: Seat;
  readonly coChair: Seat;
  readonly businessSupport: Person;
  readonly referrers: ReadonlyArray<Professional>;
}

export const makePeople = (rng: Rng, policy: PanelPolicy): People => {
  const newId = staffIds(rng);
  const person = (role: string): Person => {
    const agency = SEAT_AGENCY[role] ?? 'partner-agency';
    const id = newId(`pnl-${role.toLowerCase().replace(/[^a-z]+/g, '-')}`.replace(/-+$/, ''));
    return {
      member: { memberId: id, name: inventName(rng), role, agency },
      actor: { id, role, agency },
    };
  };
  const seats = policy.roles.map((r) => ({ role: r.id, rep: person(r.id), deputy: person(r.id) }));
  const seat = (role: string): Seat => {
    const s = seats.find((x) => x.role === role);
    if (s === undefined) throw new Error(`panel demo: the policy has no seat ${role}`);
    return s;
  };
  const bs = seats.find((s) => s.role === 'business-support')?.rep ?? {
    member: {
      memberId: 'pnl-business-support-0001',
      name: inventName(rng),
      role: 'business-support',
      agency: 'business-support',
    },
    actor: {
      id: 'pnl-business-support-0001',
      role: 'business-support',
      agency: 'business-support',
    },
  };
  const referrer = (prefix: string, role: string, agency: string): Professional => ({
    id: newId(prefix),
    name: inventName(rng),
    role,
    agency,
  });
  return {
    seats,
    chair: seat(policy.chairRole),
    coChair: seat(policy.coChairRole),
    businessSupport: bs,
    referrers: [
      referrer('sw', 'social worker', 'children-social-care'),
      referrer('sw', 'social worker', 'children-social-care'),
      referrer('dsl', 'designated safeguarding lead', 'education'),
      referrer('dsl', 'designated safeguarding lead', 'education'),
      referrer('pc', 'police officer, vulnerable persons unit', 'police'),
      referrer('sn', 'school nurse', 'health'),
      referrer('yos', 'youth justice officer', 'youth-offending-service'),
      referrer('eh', 'early help practitioner', 'early-help'),
    ],
  };
};
