import { join } from 'node:path';
import { goldenEventsSuite } from '@aimline/kernel/testing';
import { legalHoldEvents } from '../src/index.js';

goldenEventsSuite('legal-hold events', legalHoldEvents, join(import.meta.dirname, 'golden'));
