import { phaseModulesSuite } from '@aimline/kernel/testing';
import { attendanceAimCommands } from '../src/index.js';
import * as phases from '../src/decide/phases.js';

phaseModulesSuite('attendance', phases, attendanceAimCommands);
