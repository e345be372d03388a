import { describe, expect, it } from 'vitest';
import {
  domainModule,
  jointPersonalDataUse,
  timelinePhases,
  undeclaredPersonalFields,
} from '../src/index.js';
import { commands, events, referralLog } from './fixtures/referral-log.js';

describe('PersonalDataUse: the personal data a read names, by category or field by field', () => {
  it('the use of a read serving several readers names each category and each field once, in the order first named', () => {
    expect(
      jointPersonalDataUse(
        ['name', { eventType: 'LogOpened', path: 'child.dateOfBirth' }],
        [],
        [{ eventType: 'LogOpened', path: 'child.dateOfBirth' }, 'name', 'freeText'],
      ),
    ).toEqual(['name', { eventType: 'LogOpened', path: 'child.dateOfBirth' }, 'freeText']);
  });

  it('a field is the same only for the same event type and path', () => {
    expect(
      jointPersonalDataUse([
        { eventType: 'LogOpened', path: 'child.name' },
        { eventType: 'EntryAdded', path: 'child.name' },
        { eventType: 'LogOpened', path: 'child.dateOfBirth' },
      ]),
    ).toHaveLength(3);
  });

  it("names every field its events do not declare personal: a misspelt path, a field that is not personal, another type's field", () => {
    expect(
      undeclaredPersonalFields(events, [
        'dateOfBirth',
        { eventType: 'LogOpened', path: 'child.dateOfBirth' },
        { eventType: 'LogOpened', path: 'child.dateofbirth' },
        { eventType: 'LogClosed', path: 'reason' },
        { eventType: 'LogClosed', path: 'text' },
      ]),
    ).toEqual(['LogOpened.child.dateofbirth', 'LogClosed.reason', 'LogClosed.text']);
  });
});

describe("a module's deadlinePersonalData", () => {
  const parts = {
    decider: referralLog,
    commands,
    events,
    timeline: timelinePhases({ LogOpened: 'log', EntryAdded: 'log', LogClosed: 'log' }),
  };

  it('is none when the module declares none', () => {
    expect(domainModule('referral-log', 'logId', parts).deadlinePersonalData).toEqual([]);
  });

  it('is what the module declares, when each field is one its events declare personal', () => {
    const use = [{ eventType: 'LogOpened', path: 'child.dateOfBirth' }] as const;
    expect(
      domainModule('referral-log', 'logId', { ...parts, deadlinePersonalData: use })
        .deadlinePersonalData,
    ).toEqual(use);
  });

  it('a module naming a field its events do not declare personal is not built: its deadlines would be worked out from a withheld value', () => {
    expect(() =>
      domainModule('referral-log', 'logId', {
        ...parts,
        deadlinePersonalData: [{ eventType: 'LogOpened', path: 'child.birthDate' }],
      }),
    ).toThrow(
      "module referral-log: its deadlines' personal data names fields its events do not declare personal: LogOpened.child.birthDate",
    );
  });
});
