import { join } from 'node:path';
import { goldenEventsSuite } from '@aimline/kernel/testing';
import { attendanceAimEvents, legalInterventionEvents } from '../src/index.js';

goldenEventsSuite(
  'attendance AIM events',
  attendanceAimEvents,
  join(import.meta.dirname, 'golden'),
);
goldenEventsSuite(
  'attendance legal intervention events (ATT-9)',
  legalInterventionEvents,
  join(import.meta.dirname, 'golden-legal'),
);
