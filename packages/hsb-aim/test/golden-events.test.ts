import { join } from 'node:path';
import { goldenEventsSuite } from '@aimline/kernel/testing';
import { hsbEvents } from '../src/index.js';

goldenEventsSuite('hsb-case events', hsbEvents, join(import.meta.dirname, 'golden'));
