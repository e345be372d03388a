import { join } from 'node:path';
import { goldenEventsSuite } from '@aimline/kernel/testing';
import { attendanceAimEvents } from '../src/index.js';

goldenEventsSuite(
  'attendance AIM events',
  attendanceAimEvents,
  join(import.meta.dirname, 'golden'),
);
