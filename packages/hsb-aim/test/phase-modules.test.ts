import { phaseModulesSuite } from '@aimline/kernel/testing';
import { hsbCommands } from '../src/index.js';
import * as phases from '../src/decide/phases.js';

phaseModulesSuite('HSB', phases, hsbCommands);
