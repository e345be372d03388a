/**
 * A case holding an event a school representative may not see, for the tests of what a
 * principal is told of damaged history (`damage-out-of-view.test.ts` here and in
 * `@aimline/http`): `case-1` of the invented child `hsbChild` — concern (0), strategy discussion
 * (1), route (2) and a section 47 decision (3), which a school representative never sees.
 */
import { expect } from 'vitest';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { createAimline, type Principal } from '../src/index.js';
import { hsbChild, reportConcern, socialWorker } from './fixtures.js';

export const STREAM = 'hsb-case-case-1';
/** The revision of the section 47 decision, which the school representative may not see. */
export const HIDDEN = 3;
/** When the case was recorded: every command's instant is before it. */
export const RECORDED = '2026-06-01T17:05:00Z';

/** The school representative of the child in `case-1`: the strategy discussion and settings only. */
export const schoolRep: Principal = {
  id: 'sr-1',
  role: 'school-representative',
  agency: 'education',
  streams: [STREAM],
  panels: [],
  school: hsbChild.school,
  pupils: [hsbChild.childId],
};

/** The commands of `case-1`, in order: the last records the section 47 decision (revision 3). */
export const hiddenDecisionCommands = [
  reportConcern('case-1'),
  {
    type: 'HoldStrategyDiscussion' as const,
    at: '2026-06-01T15:00:00Z',
    data: {
      caseId: 'case-1',
      discussionId: 'sd-1',
      forChild: 'alleged-child' as const,
      participants: [
        {
          id: 'sw-7',
          name: 'Morgan Madeup',
          role: 'social worker',
          agency: 'childrens-social-care' as const,
        },
      ],
    },
  },
  {
    type: 'DecideRoute' as const,
    at: '2026-06-01T16:00:00Z',
    data: {
      caseId: 'case-1',
      route: 'child-protection' as const,
      temporaryRiskStrategy: 'Invented.',
    },
  },
  {
    type: 'DecideSection47' as const,
    at: '2026-06-01T16:30:00Z',
    data: { caseId: 'case-1', section47: false, assessmentCommissioned: false },
  },
];

/**
 * Records `case-1` (every command, by the allocated social worker) in a new SQLite store at
 * `path`, closed again: ready for damage done behind Aimline's back (`@aimline/store-sqlite/testing`).
 */
export const sqliteStoreWithHiddenDecision = async (path: string): Promise<void> => {
  const store = openSqliteEventStore(path);
  try {
    const aimline = createAimline({ store, clock: () => RECORDED, processes: 'manual' });
    for (const command of hiddenDecisionCommands) {
      const result = await aimline.hsb.execute(socialWorker, command);
      expect(result.kind, JSON.stringify(result)).toBe('Accepted');
    }
    await aimline.close();
  } finally {
    await store.dispose();
  }
};
