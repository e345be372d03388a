import { phaseModulesSuite } from '@aimline/kernel/testing';
import { referralCommands, sittingCommands } from '../src/index.js';
import * as decision from '../src/decide/referral-decision.js';
import * as intake from '../src/decide/referral-intake.js';
import * as meeting from '../src/decide/sitting-meeting.js';
import * as records from '../src/decide/sitting-records.js';
import * as schedule from '../src/decide/sitting-schedule.js';

phaseModulesSuite('referral', { ...intake, ...decision }, referralCommands);
phaseModulesSuite('sitting', { ...schedule, ...meeting, ...records }, sittingCommands);
