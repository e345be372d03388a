import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { meetingModule } from '@aimline/meetings';
import {
  defaultAccessPolicy,
  filterEvent,
  parseDirectory,
  type Directory,
  type GovernanceError,
} from '../src/index.js';
import { concern, concernEvent, hsb, principal } from './access-fixtures.js';
import { directoryFile } from './fixtures.js';

const modules = [hsb, meetingModule()];
const parsed = (reads: unknown): E.Either<GovernanceError, Directory> =>
  parseDirectory({ ...directoryFile, reads }, modules);
const policyOf = (reads: unknown): Directory['reads'] => {
  const d = parsed(reads);
  if (E.isLeft(d)) throw new Error(d.left.message);
  return d.right.reads;
};
const problems = (reads: unknown) => {
  const d = parsed(reads);
  if (E.isRight(d) || d.left.kind !== 'InvalidDirectory') throw new Error('expected a refusal');
  return d.left.problems;
};
const grant = (extra: Record<string, unknown> = {}) => ({
  module: 'hsb-case',
  streams: 'allocated',
  events: ['ConcernReported'],
  categories: ['name'],
  subjects: 'all',
  ...extra,
});
const event = concernEvent(concern('C-9'));
const healthOnCase = principal('health', { streams: ['hsb-case-C-9'] });

describe('the policy file can override and extend the read rules (issue 13 item 2: rules are policy data)', () => {
  it('without a reads section the default access policy applies', () => {
    expect(policyOf(undefined)).toEqual(defaultAccessPolicy);
  });

  it('given reads.replace for a role, then that role has exactly those grants; an empty list reads nothing', () => {
    const policy = policyOf({ replace: { health: [grant()], 'team-manager': [] } });
    expect(policy.health).toEqual([grant()]);
    expect(policy['team-manager']).toBeUndefined();
    expect(filterEvent(policy, principal('team-manager'), hsb, event)).toBeUndefined();
    const seen = filterEvent(policy, healthOnCase, hsb, event)?.event.data as {
      child: { name: string; school: string };
      summary: string;
    };
    expect(seen.child.name).toBe(concern('C-9').child.name);
    expect(seen.child.school).toBe('[withheld:school]');
    expect(seen.summary).toBe('[withheld:freeText]');
    expect(policy.auditor).toEqual(defaultAccessPolicy.auditor);
  });

  it('given reads.extend for a role, then its default grants stay and the new ones are added', () => {
    const extra = grant({ module: 'meeting', events: 'all', categories: ['contact'] });
    const policy = policyOf({ extend: { health: [extra] } });
    expect(policy.health).toEqual([...(defaultAccessPolicy.health ?? []), extra]);
  });

  it('given reads.base "none", a role the file does not name reads nothing (safe default for a council that lists every rule)', () => {
    const policy = policyOf({
      base: 'none',
      replace: { auditor: [grant({ streams: 'all', events: 'all' })] },
    });
    expect(Object.keys(policy)).toEqual(['auditor']);
    expect(
      filterEvent(policy, principal('social-worker', { streams: [event.stream] }), hsb, event),
    ).toBeUndefined();
  });

  it('an unknown role, field, scope or category is refused, naming the field', () => {
    expect(problems({ replace: { janitor: [] } })).toMatchObject([
      { path: 'reads.replace.janitor' },
    ]);
    expect(problems({ extend: { health: [grant({ clearance: 'top' })] } })).toMatchObject([
      { path: 'reads.extend.health.0.clearance' },
    ]);
    expect(problems({ extend: { health: [grant({ streams: 'everything' })] } })).toMatchObject([
      { path: 'reads.extend.health.0.streams' },
    ]);
    expect(problems({ extend: { health: [grant({ categories: ['shoeSize'] })] } })).toMatchObject([
      { path: 'reads.extend.health.0.categories.0' },
    ]);
    expect(problems({ base: 'all' })).toMatchObject([{ path: 'reads.base' }]);
  });

  it('a grant naming a module or event that does not exist, pupils for a role without pupils, and a role both replaced and extended are refused, naming the field', () => {
    expect(problems({ replace: { health: [grant({ module: 'hsb' })] } })).toMatchObject([
      {
        path: 'reads.replace.health.0.module',
        message: expect.stringContaining('unknown module') as string,
      },
    ]);
    expect(
      problems({ extend: { police: [grant({ events: ['ConcernReported', 'CaseExploded'] })] } }),
    ).toEqual([
      {
        path: 'reads.extend.police.0.events.1',
        message: 'module hsb-case has no event "CaseExploded"',
      },
    ]);
    expect(problems({ extend: { health: [grant({ subjects: 'pupils' })] } })).toMatchObject([
      { path: 'reads.extend.health.0.subjects' },
    ]);
    expect(problems({ replace: { health: [] }, extend: { health: [grant()] } })).toMatchObject([
      { path: 'reads.extend.health' },
    ]);
  });
});
