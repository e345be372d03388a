import { join } from 'node:path';
import { goldenEventsSuite } from '@aimline/kernel/testing';
import { localityEvents, referralEvents, sittingEvents } from '../src/index.js';

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
goldenEventsSuite(
  'panel locality events',
  localityEvents,
  join(import.meta.dirname, 'golden/locality'),
);
