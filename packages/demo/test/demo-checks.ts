import { expect } from 'vitest';
import type { DemoResult } from '../src/run-scenarios.js';

/** Every generated command was accepted, except the ones generated on purpose to be refused. */
export const expectNoUnplannedOutcomes = (result: DemoResult): void => {
  expect(
    result.rejected,
    `unexpected rejections: ${JSON.stringify(result.rejected, null, 2)}`,
  ).toEqual([]);
  expect(result.failed, `failures: ${JSON.stringify(result.failed, null, 2)}`).toEqual([]);
};
