import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  commandHandler,
  InMemoryEventStore,
  validatingDecider,
  type Command,
  type CommandCatalogue,
} from '../src/index.js';
import {
  actor,
  child,
  commands,
  referralLog,
  referralLogModule,
  type LogCommand,
} from './fixtures/referral-log.js';

const at = '2026-11-23T10:00:00Z';
const decider = validatingDecider(referralLog, commands);
/** A command built in code with data its codec refuses, as a council app might send by mistake. */
const bad = (data: unknown): LogCommand => ({ type: 'OpenLog', data, at, actor }) as LogCommand;

describe('a domain decider validates at its boundary: bad data is a typed INPUT rejection, never an exception', () => {
  it('without the check, the decider crashes deep inside a guard on a missing child', () => {
    expect(() => referralLog.decide(bad({ logId: 'l1' }), referralLog.initialState)).toThrow();
  });

  it('with it, decide answers INPUT naming the first field at fault and listing every problem', () => {
    const decision = decider.decide(
      bad({ logId: 7, child: { name: 'Ada Example' } }),
      decider.initialState,
    );
    expect(E.isLeft(decision) && decision.left).toMatchObject({
      kind: 'Rejected',
      ruleId: 'INPUT',
      field: 'data.logId',
    });
    const reason = E.isLeft(decision) ? decision.left.reason : '';
    expect(reason).toContain('data.logId');
    expect(reason).toContain('data.child.dateOfBirth');
  });

  it('an unknown field, a bad instant or a bad actor is refused the same way', () => {
    const stray = decider.decide(bad({ logId: 'l1', child, nickname: 'x' }), decider.initialState);
    expect(E.isLeft(stray) && stray.left.field).toBe('data.nickname');
    const lateAt = decider.decide(
      { type: 'OpenLog', data: { logId: 'l1', child }, at: 'yesterday', actor },
      decider.initialState,
    );
    expect(E.isLeft(lateAt) && lateAt.left.field).toBe('at');
  });

  it('a valid command is decided as before', () => {
    const open: LogCommand = { type: 'OpenLog', data: { logId: 'l1', child }, at, actor };
    expect(decider.decide(open, decider.initialState)).toEqual(
      referralLog.decide(open, referralLog.initialState),
    );
  });

  it('the command handler validates each command once: it decides with the check skipped', async () => {
    let validations = 0;
    const counted: CommandCatalogue<LogCommand> = {
      ...commands,
      validate: (c: Command) => {
        validations++;
        return commands.validate(c);
      },
    };
    const module = {
      ...referralLogModule,
      commands: counted,
      decider: validatingDecider(referralLog, counted),
    };
    const handler = commandHandler({ store: new InMemoryEventStore(), clock: () => at });
    const r = await handler.handle(module, {
      commandId: '00000000-0000-4000-8000-000000000001',
      command: { type: 'OpenLog', data: { logId: 'l1', child }, at, actor },
    });
    expect(E.isRight(r)).toBe(true);
    expect(validations).toBe(1);
  });
});
