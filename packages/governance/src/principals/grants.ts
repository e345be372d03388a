/** What command grants and read grants share: one list of grants per role, and stream scopes. */
import * as t from 'io-ts';
import type { Principal } from './principal.js';
import { roles, type Role } from './roles.js';

/** A policy: for each role, its grants. A role without grants has none (safe default). */
export const grantsPerRole = <G extends t.Mixed>(grant: G, name: string) =>
  t.partial(
    Object.fromEntries(roles.map((r) => [r, t.readonlyArray(grant)])) as {
      [K in Role]: t.ReadonlyArrayC<G>;
    },
    name,
  );

/**
 * Whether a grant with this stream scope reaches `stream` for `principal`: every stream of the
 * module (`all` for reads, `any` for commands), any of them if the principal sits on a panel,
 * or only those the principal is allocated to.
 */
export const scopeCovers = (
  scope: 'all' | 'any' | 'panel' | 'allocated',
  principal: Principal,
  stream: string,
): boolean => {
  switch (scope) {
    case 'all':
    case 'any':
      return true;
    case 'panel':
      return principal.panels.length > 0;
    case 'allocated':
      return principal.streams.includes(stream);
  }
};
