import { describe, expect, it } from 'vitest';
import { handledType } from '../decide.js';

/** What the phase-module check reads of a command catalogue: whether it has a command type. */
export interface KnownCommandTypes {
  readonly has: (type: string) => boolean;
}

/**
 * The exports of a domain's phase modules that are named after no command of the catalogue
 * (`decideRoute` handles DecideRoute). `handlersNamed` would make each a dispatch key that names
 * no command, so a phase module exports handlers only: none is stray.
 */
export const strayHandlerNames = (
  phases: Readonly<Record<string, unknown>>,
  commands: KnownCommandTypes,
): string[] => Object.keys(phases).filter((name) => !commands.has(handledType(name)));

/**
 * Checks that the phase modules a decider routes through (`handlersNamed(phases)`) export command
 * handlers only: every export is named after a command of the catalogue.
 */
export const phaseModulesSuite = (
  name: string,
  phases: Readonly<Record<string, unknown>>,
  commands: KnownCommandTypes,
): void => {
  describe('decide: the phase modules export command handlers only', () => {
    it(`every export of the ${name} phase modules is named after one of its commands (no dead dispatch keys)`, () => {
      expect(strayHandlerNames(phases, commands)).toEqual([]);
    });
  });
};
