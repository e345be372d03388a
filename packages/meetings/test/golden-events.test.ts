import { join } from 'node:path';
import { goldenEventsSuite } from '@aimline/kernel/testing';
import { meetingEvents } from '../src/index.js';

goldenEventsSuite('meeting events', meetingEvents, join(import.meta.dirname, 'golden'));
