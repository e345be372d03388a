import { describe, expect, it } from 'vitest';
import { phaseModulesSuite, strayHandlerNames } from '../src/testing/index.js';

// An invented domain, a library loan: its commands, and phase modules as a domain exports them.
const loanCommands = new Set(['Borrow', 'Return']);
const loans = { borrow: () => undefined };
const returns = { return: () => undefined };

describe('strayHandlerNames: the exports of phase modules named after no command', () => {
  it('none when every export handles a command (decideRoute handles DecideRoute)', () => {
    expect(strayHandlerNames({ ...loans, ...returns }, loanCommands)).toEqual([]);
  });

  it('each export named after no command, in order: a shared guard, a handler of a command the catalogue lacks', () => {
    const withStrays = { ...loans, onLoan: () => undefined, renew: () => undefined };
    expect(strayHandlerNames(withStrays, loanCommands)).toEqual(['onLoan', 'renew']);
  });
});

phaseModulesSuite('loan', { ...loans, ...returns }, loanCommands);
