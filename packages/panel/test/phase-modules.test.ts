import { describe, expect, it } from 'vitest';
import { referralCommands, sittingCommands } from '../src/index.js';
import * as decision from '../src/decide/referral-decision.js';
import * as intake from '../src/decide/referral-intake.js';
import * as meeting from '../src/decide/sitting-meeting.js';
import * as records from '../src/decide/sitting-records.js';
import * as schedule from '../src/decide/sitting-schedule.js';

/** The command type a handler is named after (`decideRoute` handles DecideRoute). */
const handledType = (name: string): string => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

describe('decide: the phase modules export command handlers only', () => {
  it('every export of the referral phase modules is named after a referral command (no dead dispatch keys)', () => {
    const strays = Object.keys({ ...intake, ...decision }).filter((name) => {
      return !referralCommands.has(handledType(name));
    });
    expect(strays).toEqual([]);
  });

  it('every export of the sitting phase modules is named after a sitting command (no dead dispatch keys)', () => {
    const strays = Object.keys({ ...schedule, ...meeting, ...records }).filter((name) => {
      return !sittingCommands.has(handledType(name));
    });
    expect(strays).toEqual([]);
  });
});
