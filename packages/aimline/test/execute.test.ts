/**
 * `execute(principal, command)` answers one flat result: Accepted, Rejected (rule id and field),
 * Invalid (field paths), Forbidden, Conflict or Unavailable; never nested, never thrown.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  encryptingEventStore,
  erasePerson,
  erasureModule,
  localMasterKey,
  openKeyVault,
  parseDirectory,
  personalFieldsByModule,
} from '@aimline/governance';
import { commandHandler, InMemoryEventStore } from '@aimline/kernel';
import { domainRegistry, loadCouncilPolicy } from '../src/index.js';
import { hsbChild, reportConcern, setUp, socialWorker } from './fixtures.js';

describe('execute', () => {
  it('Accepted: the events are typed, the actor is the principal and `at` comes back as given', async () => {
    const { aimline } = setUp();
    const result = await aimline.hsb.execute(socialWorker, reportConcern('case-1'));
    expect(result.kind).toBe('Accepted');
    if (result.kind !== 'Accepted') return;
    expect(result.stream).toBe('hsb-case-case-1');
    const [first] = result.events;
    expect(first?.type).toBe('ConcernReported');
    expect(first?.actor).toEqual({
      id: socialWorker.id,
      role: socialWorker.role,
      agency: socialWorker.agency,
    });
    expect(first?.occurredAt).toBe('2026-06-01T09:00:00Z');
    expect(first?.recordedAt).toBe('2026-06-01T09:05:00Z');
  });

  it('HSB-6: a rule refusal is flat, with the rule id and the field, and appends nothing', async () => {
    const { aimline, store } = setUp();
    await aimline.hsb.execute(socialWorker, reportConcern('case-2'));
    await aimline.hsb.execute(socialWorker, {
      type: 'HoldStrategyDiscussion',
      at: '2026-06-01T15:00:00Z',
      data: {
        caseId: 'case-2',
        discussionId: 'sd-1',
        forChild: 'alleged-child',
        participants: [
          {
            id: 'pc-7',
            name: 'Officer Sky Notreal',
            role: 'investigating officer',
            agency: 'police',
          },
          {
            id: 'sw-7',
            name: 'Morgan Madeup',
            role: 'social worker',
            agency: 'childrens-social-care',
          },
        ],
      },
    });
    const before = await store.streamRevision('hsb-case-case-2');
    const result = await aimline.hsb.execute(socialWorker, {
      type: 'DecideRoute',
      at: '2026-06-01T16:00:00Z',
      data: {
        caseId: 'case-2',
        route: 'criminal-justice',
        temporaryRiskStrategy: 'Invented interim plan.',
      },
    });
    expect(result).toMatchObject({ kind: 'Rejected', ruleId: 'HSB-6' });
    expect(result).not.toHaveProperty('rejection');
    expect(await store.streamRevision('hsb-case-case-2')).toBe(before);
  });

  it('ERASE-1: over the encrypting store, a new case about an erased child is Rejected with the rule id and the field, and appends nothing', async () => {
    const policy = loadCouncilPolicy(undefined);
    if (E.isLeft(policy)) throw new Error(policy.left);
    const modules = [...domainRegistry(policy.right).modules, erasureModule];
    const vault = await openKeyVault(':memory:', localMasterKey(randomBytes(32)), 'create');
    const store = encryptingEventStore(
      new InMemoryEventStore(),
      vault,
      personalFieldsByModule(modules),
    );
    const { aimline } = setUp({ store });
    expect((await aimline.hsb.execute(socialWorker, reportConcern('case-e1'))).kind).toBe(
      'Accepted',
    );
    const handler = commandHandler({ store, clock: () => '2026-07-01T10:00:00Z' });
    const recordsManager = { id: 'rm-1', role: 'records-manager', agency: 'council' };
    const at = '2026-07-01T10:00:00Z';
    await erasePerson({ vault, handler, actor: recordsManager, at }, hsbChild.childId, 'test');

    const result = await aimline.hsb.execute(socialWorker, reportConcern('case-e2'));
    expect(result).toMatchObject({ kind: 'Rejected', ruleId: 'ERASE-1', field: 'data.child' });
    expect(await store.streamRevision('hsb-case-case-e2')).toBeUndefined();
  });

  it('Invalid: every problem names its field path; an actor in the command is refused', async () => {
    const { aimline } = setUp();
    const bad = await aimline.hsb.execute(socialWorker, {
      ...reportConcern('case-3'),
      data: { ...reportConcern('case-3').data, behaviourDate: '30/05/2026' },
    });
    expect(bad.kind).toBe('Invalid');
    if (bad.kind === 'Invalid')
      expect(bad.problems.map((p) => p.path)).toEqual(['data.behaviourDate']);
    const withActor = await aimline.hsb.execute(socialWorker, {
      ...reportConcern('case-3'),
      actor: { id: 'someone-else', role: 'chair', agency: 'police' },
    } as unknown as ReturnType<typeof reportConcern>);
    expect(withActor).toMatchObject({ kind: 'Invalid', problems: [{ path: 'actor' }] });
  });

  it('FORBIDDEN: the command policy refuses a role without the grant, naming the principal and the command; nothing appended', async () => {
    const { aimline, store } = setUp();
    await aimline.hsb.execute(socialWorker, reportConcern('case-4'));
    const police = { ...socialWorker, id: 'pc-1', role: 'police' as const, agency: 'police' };
    const result = await aimline.hsb.execute(police, {
      type: 'DecideRoute',
      at: '2026-06-01T16:00:00Z',
      data: { caseId: 'case-4', route: 'child-protection', temporaryRiskStrategy: 'Invented.' },
    });
    expect(result).toMatchObject({ kind: 'Forbidden', principal: 'pc-1', command: 'DecideRoute' });
    expect(await store.streamRevision('hsb-case-case-4')).toBe(0);
  });

  it('FORBIDDEN: with the council directory, a principal it does not hold may do nothing', async () => {
    const directory = parseDirectory({
      council: 'Testshire',
      principals: [{ ...socialWorker, streams: [...socialWorker.streams] }],
    });
    if (E.isLeft(directory)) throw new Error(directory.left.message);
    const { aimline } = setUp({ principals: directory.right });
    expect((await aimline.hsb.execute(socialWorker, reportConcern('case-4'))).kind).toBe(
      'Accepted',
    );
    const stranger = { ...socialWorker, id: 'sw-unknown' };
    expect(await aimline.hsb.execute(stranger, reportConcern('case-5'))).toMatchObject({
      kind: 'Forbidden',
      principal: 'sw-unknown',
    });
    const notAPrincipal = { id: 'x', role: 'wizard' } as unknown as typeof socialWorker;
    expect(await setUp().aimline.hsb.execute(notAPrincipal, reportConcern('case-5'))).toMatchObject(
      { kind: 'Forbidden', principal: 'x' },
    );
  });

  it('Conflict: a command id reused for another command is an idempotency conflict; a retry is alreadyHandled', async () => {
    const { aimline } = setUp();
    const commandId = '00000000-0000-4000-8000-000000000001';
    const first = await aimline.hsb.execute(socialWorker, {
      ...reportConcern('case-5'),
      commandId,
    });
    const retry = await aimline.hsb.execute(socialWorker, {
      ...reportConcern('case-5'),
      commandId,
    });
    expect(retry).toMatchObject({ kind: 'Accepted', alreadyHandled: true });
    if (first.kind === 'Accepted' && retry.kind === 'Accepted')
      expect(retry.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    const other = await aimline.hsb.execute(socialWorker, {
      ...reportConcern('case-5', '2026-06-01T09:30:00Z'),
      commandId,
    });
    expect(other).toMatchObject({
      kind: 'Conflict',
      cause: 'idempotency',
      stream: 'hsb-case-case-5',
    });
  });

  it('Unavailable: a store that cannot be used is a value, not an exception', async () => {
    const { aimline, store } = setUp();
    await store.dispose();
    const result = await aimline.hsb.execute(socialWorker, reportConcern('case-6'));
    expect(result).toMatchObject({ kind: 'Unavailable', cause: 'store' });
    expect(await aimline.hsb.get(socialWorker, 'case-6')).toMatchObject({ kind: 'Unavailable' });
  });
});
