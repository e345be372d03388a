import { phaseModulesSuite } from '@aimline/kernel/testing';
import { meetingCommands } from '../src/index.js';
import * as phases from '../src/decide/phases.js';

phaseModulesSuite('meeting', phases, meetingCommands);
