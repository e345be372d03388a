import { join } from 'node:path';
import { goldenEventsSuite } from '@aimline/kernel/testing';
import { referralEvents, sittingEvents } from '../src/index.js';

goldenEventsSuite(
  'panel sitting events',
  sittingEvents,
  join(import.meta.dirname, 'golden/sitting'),
);
goldenEventsSuite(
  'panel referral events',
  referralEvents,
  join(import.meta.dirname, 'golden/referral'),
);
