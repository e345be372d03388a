import * as t from 'io-ts';
import type { Actor } from '@aimline/kernel';
import { Role } from './roles.js';

/** What a directory id looks like: ASCII letters, digits and `. _ @ -`, 1-128 characters. */
export const PRINCIPAL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

export const PrincipalId = t.refinement(
  t.string,
  (s) => PRINCIPAL_ID_PATTERN.test(s),
  'PrincipalId',
);

const NonEmpty = t.refinement(t.string, (s) => s.trim() !== '' && s.trim() === s, 'NonEmptyString');

/** The allocations every principal has (empty lists where none). */
const Allocations = {
  /**
   * The streams the principal is allocated to, by exact name: their cases (`hsb-case-C-1`,
   * `attendance-aim-A-7`), the meetings of those cases (`meeting-M-3`), panel referrals they
   * made or present (`panel-referral-R-2`).
   */
  streams: t.readonlyArray(NonEmpty),
  /**
   * The panels the principal sits on (e.g. `nel-aim-panel`). Membership of any panel gives the
   * panel's streams (`panel-sitting-*`, `panel-referral-*`) where a policy grants `panel`.
   */
  panels: t.readonlyArray(NonEmpty),
};

/** For a school representative (and an attendance lead): their school and their pupils. */
const SchoolFields = {
  school: NonEmpty,
  /** Person ids of the pupils at their school whose cases they are involved in. */
  pupils: t.readonlyArray(NonEmpty),
};

/**
 * A person the library acts for: who they are in the council directory, their role and
 * agency, and what they are allocated to. The embedding application authenticates its users;
 * the library checks the principal against the directory (`resolvePrincipal`) and never takes
 * an actor from the wire.
 */
export const Principal = t.intersection(
  [
    t.type({ id: PrincipalId, role: Role, agency: NonEmpty, ...Allocations }),
    t.partial(SchoolFields),
  ],
  'Principal',
);
export type Principal = t.TypeOf<typeof Principal>;

/**
 * An entry of the directory file: a principal whose role may be missing (someone known to the
 * council but given no role yet, or whose role was withdrawn). They resolve to `NoRole`.
 */
export const DirectoryEntry = t.intersection(
  [
    t.type({ id: PrincipalId, agency: NonEmpty, ...Allocations }),
    t.partial({ role: Role, ...SchoolFields }),
  ],
  'DirectoryEntry',
);
export type DirectoryEntry = t.TypeOf<typeof DirectoryEntry>;

/** The actor recorded in event metadata: always taken from the principal, never from the wire. */
export const actorOf = (principal: Principal): Actor => ({
  id: principal.id,
  role: principal.role,
  agency: principal.agency,
});
