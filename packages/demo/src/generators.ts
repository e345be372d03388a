import type { ScenarioGenerator } from './scenario.js';
import { hsbScenarios } from './hsb/generator.js';
import { panelScenarios } from './panel/generator.js';
import { attendanceScenarios } from './attendance/generator.js';

/** Every process's demo generator, by name. */
export const generators: ReadonlyArray<readonly [string, ScenarioGenerator]> = [
  ['hsb-aim', hsbScenarios],
  ['panel', panelScenarios],
  ['attendance-aim', attendanceScenarios],
];
