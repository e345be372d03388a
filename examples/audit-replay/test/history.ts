/** An HSB case recorded through the command handler, with invented people only. */
import * as E from 'fp-ts/lib/Either.js';
import { hsbCaseModule, hsbCaseStream } from '@aimline/hsb-aim';
import { commandHandler, type EventStore } from '@aimline/kernel';

export const CASE = 'case-audit-0001';
export const STREAM = hsbCaseStream(CASE);

const actor = { id: 'sw-audit-1', role: 'social worker', agency: 'childrens-social-care' };
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/**
 * Each step: what happened (`at`) and when the system recorded it. The allocation comes two
 * days after HSB-11's due date (end of Mon 8 Jun 2026), and the home visit of Thu 11 Jun is
 * only recorded on Mon 15 Jun: four days late.
 */
const steps: ReadonlyArray<{ type: string; at: string; recordedAt: string; data: object }> = [
  {
    type: 'ReportConcern',
    at: '2026-06-01T09:00:00Z',
    recordedAt: '2026-06-01T09:05:00Z',
    data: {
      disclosedAt: '2026-06-01T08:00:00Z',
      behaviourDate: '2026-05-30',
      child: {
        childId: 'child-au1',
        name: 'Quinn Fictionalchild',
        dateOfBirth: '2012-09-03',
        school: 'Hollybank Academy',
      },
      notifications: {
        childrensSocialCare: '2026-06-01T08:20:00Z',
        police: '2026-06-01T08:30:00Z',
      },
      summary: 'Invented summary of a concern.',
    },
  },
  {
    type: 'HoldStrategyDiscussion',
    at: '2026-06-01T15:00:00Z',
    recordedAt: '2026-06-01T15:30:00Z',
    data: {
      discussionId: 'sd-au1',
      forChild: 'alleged-child',
      participants: [
        {
          id: 'pc-a1',
          name: 'Officer Ash Unreal',
          role: 'investigating officer',
          agency: 'police',
        },
        {
          id: 'sw-a1',
          name: 'Rowan Madeup',
          role: 'social worker',
          agency: 'childrens-social-care',
        },
        {
          id: 'yos-a1',
          name: 'Kit Notaperson',
          role: 'YOS officer',
          agency: 'youth-offending-service',
        },
      ],
    },
  },
  {
    type: 'DecideRoute',
    at: '2026-06-01T16:00:00Z',
    recordedAt: '2026-06-01T16:05:00Z',
    data: { route: 'child-protection', temporaryRiskStrategy: 'Invented interim plan.' },
  },
  {
    type: 'DecideSection47',
    at: '2026-06-01T16:30:00Z',
    recordedAt: '2026-06-01T16:35:00Z',
    data: { section47: true, assessmentCommissioned: true },
  },
  {
    type: 'AllocateAssessors',
    at: '2026-06-10T10:00:00Z',
    recordedAt: '2026-06-10T10:05:00Z',
    data: {
      model: 'AIM2',
      assessors: [
        {
          id: 'as-a1',
          name: 'Sage Samplename',
          agency: 'childrens-social-care',
          trainedIn: ['AIM2'],
          qualification: 'social-work',
        },
        {
          id: 'as-a2',
          name: 'Ellis Placeholder',
          agency: 'youth-offending-service',
          trainedIn: ['AIM2'],
          qualification: 'none',
        },
      ],
    },
  },
  {
    type: 'RecordHomeVisit',
    at: '2026-06-11T10:00:00Z',
    recordedAt: '2026-06-15T09:00:00Z',
    data: { setting: 'family-home' },
  },
];

/** Records the case into `store` through the kernel's command handler. */
export const recordCase = async (store: EventStore): Promise<void> => {
  let now = '';
  const handler = commandHandler({ store, clock: () => now });
  const module = hsbCaseModule();
  let n = 0;
  for (const s of steps) {
    now = s.recordedAt;
    const r = await handler.execute(module, {
      commandId: uuid(++n),
      type: s.type,
      at: s.at,
      actor,
      data: { caseId: CASE, ...s.data },
    });
    if (E.isLeft(r)) throw new Error(`${s.type} failed: ${JSON.stringify(r.left)}`);
  }
};
