import { describe, expect, it } from 'vitest';
import { attendanceAimCommands } from '../src/index.js';
import * as phases from '../src/decide/phases.js';

/** The command type a handler is named after (`decideRoute` handles DecideRoute). */
const handledType = (name: string): string => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

describe('decide: the phase modules export command handlers only', () => {
  it('every export of the attendance phase modules is named after an attendance command (no dead dispatch keys)', () => {
    const strays = Object.keys(phases).filter(
      (name) => !attendanceAimCommands.has(handledType(name)),
    );
    expect(strays).toEqual([]);
  });
});
