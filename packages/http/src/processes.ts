/** The processes the API serves, each with its streams' services and path segments. */
import type { Aimline } from '@aimline/aimline';
import type { ProcessResources } from './routes/route-table.js';

/**
 * `/v1/hsb/cases`, `/v1/meetings/meetings`, `/v1/panel/sittings`, `/v1/panel/referrals`,
 * `/v1/attendance/cases`: one resource per stream kind, served by Aimline's own services.
 */
export const apiProcesses = (aimline: Aimline): ProcessResources[] => [
  { process: 'hsb', resources: [{ service: aimline.hsb, path: 'cases' }] },
  { process: 'meetings', resources: [{ service: aimline.meetings, path: 'meetings' }] },
  {
    process: 'panel',
    resources: [
      { service: aimline.panel.sittings, path: 'sittings' },
      { service: aimline.panel.referrals, path: 'referrals' },
    ],
  },
  { process: 'attendance', resources: [{ service: aimline.attendance, path: 'cases' }] },
];
