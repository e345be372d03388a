/** Invented people and command builders for the tests. Every name here is fictional. */
import * as E from 'fp-ts/lib/Either.js';
import type {
  HsbCommand,
  HsbCommandType,
  CommandData,
  HsbEvent,
  HsbState,
  HsbPolicy,
} from '../src/index.js';
import {
  evolve,
  initialState,
  makeHsbDecider,
  defaultHsbPolicy,
  planHeadings,
} from '../src/index.js';

export const CASE = 'case-0001';
export const actor = { id: 'sw-lead-1', role: 'social worker', agency: 'childrens-social-care' };

export const cmd = <K extends HsbCommandType>(
  type: K,
  at: string,
  data: Omit<CommandData<K>, 'caseId'>,
  caseId = CASE,
): HsbCommand => ({ type, at, actor, data: { caseId, ...data } }) as unknown as HsbCommand;

export const alleged = {
  childId: 'child-a',
  name: 'Alex Testchild',
  dateOfBirth: '2012-03-10',
  school: 'Oakfield Academy',
};
export const victim = {
  childId: 'child-v',
  name: 'Sam Examplechild',
  dateOfBirth: '2013-05-01',
  school: 'Birchwood Primary',
  socialWorker: { id: 'sw-victim', name: 'Robin Fictional' },
};

export const report = (at = '2026-06-01T09:00:00Z', overrides: Record<string, unknown> = {}) =>
  cmd('ReportConcern', at, {
    disclosedAt: '2026-06-01T08:00:00Z',
    behaviourDate: '2026-05-30',
    child: alleged,
    victim,
    notifications: { childrensSocialCare: '2026-06-01T08:30:00Z', police: '2026-06-01T08:40:00Z' },
    summary: 'Invented summary of a concern.',
    ...overrides,
  });

export const people = {
  police: {
    id: 'pc-1',
    name: 'Officer Pat Imaginary',
    role: 'investigating officer',
    agency: 'police' as const,
  },
  csc: {
    id: 'sw-1',
    name: 'Jo Madeup',
    role: 'social worker',
    agency: 'childrens-social-care' as const,
  },
  yos: {
    id: 'yos-1',
    name: 'Chris Notreal',
    role: 'YOS officer',
    agency: 'youth-offending-service' as const,
  },
  oakfield: {
    id: 'ed-1',
    name: 'Lee Pretend',
    role: 'DSL',
    agency: 'education' as const,
    school: 'Oakfield Academy',
  },
  birchwood: {
    id: 'ed-2',
    name: 'Kim Invented',
    role: 'DSL',
    agency: 'education' as const,
    school: 'Birchwood Primary',
  },
};

export const strategy = (
  at = '2026-06-01T15:00:00Z',
  participants: unknown[] = [people.police, people.csc, people.yos],
  forChild = 'alleged-child',
  discussionId = 'sd-1',
) => cmd('HoldStrategyDiscussion', at, { discussionId, forChild, participants } as never);

export const route = (
  r: string,
  at = '2026-06-01T16:00:00Z',
  extra: Record<string, unknown> = {},
) =>
  cmd('DecideRoute', at, {
    route: r,
    temporaryRiskStrategy: 'Invented interim plan.',
    ...extra,
  } as never);

export const s47 = (at = '2026-06-01T16:30:00Z', extra: Record<string, unknown> = {}) =>
  cmd('DecideSection47', at, { section47: true, assessmentCommissioned: true, ...extra });

export const assessors = {
  cscAim2: {
    id: 'as-1',
    name: 'Dee Sample',
    agency: 'childrens-social-care' as const,
    trainedIn: ['AIM2' as const],
    qualification: 'social-work' as const,
  },
  yosAim2: {
    id: 'as-2',
    name: 'Max Example',
    agency: 'youth-offending-service' as const,
    trainedIn: ['AIM2' as const],
    qualification: 'none' as const,
  },
  csc2: {
    id: 'as-3',
    name: 'Ali Placeholder',
    agency: 'childrens-social-care' as const,
    trainedIn: [],
    qualification: 'social-work' as const,
  },
  aim3: {
    id: 'as-4',
    name: 'Val Fakename',
    agency: 'youth-offending-service' as const,
    trainedIn: ['AIM3' as const],
    qualification: 'other-suitable' as const,
  },
};

export const allocate = (
  at = '2026-06-03T10:00:00Z',
  list: unknown[] = [assessors.cscAim2, assessors.yosAim2],
  model = 'AIM2',
) => cmd('AllocateAssessors', at, { model, assessors: list } as never);

export const safetyPlan = {
  supervisionLevel: 'Invented: line of sight supervision with siblings.',
  livingEnvironment: 'Invented: no adult material in the home.',
  sleepingArrangements: 'Invented: own room.',
  privacyRules: 'Invented: bathroom door rules.',
  stateOfDress: 'Invented: dressed in shared rooms.',
  playFighting: 'Invented: no play fighting.',
};
export const cscManager = { id: 'mgr-csc', agency: 'childrens-social-care' as const };
export const yosManager = { id: 'mgr-yos', agency: 'youth-offending-service' as const };

export const homeVisit = (at = '2026-06-04T10:00:00Z') =>
  cmd('RecordHomeVisit', at, { setting: 'family-home' });
export const agreePlan = (at = '2026-06-04T15:00:00Z', extra: Record<string, unknown> = {}) =>
  cmd('AgreeHomeSafetyPlan', at, {
    setting: 'family-home',
    plan: safetyPlan,
    typed: true,
    signedBy: ['parent-1', 'as-1'],
    agreedByManagers: [cscManager],
    ...extra,
  });

export const aim2Scores = (level: 'low' | 'medium' | 'high' = 'medium') => ({
  model: 'AIM2' as const,
  staticConcerns: level,
  dynamicConcerns: level,
  dynamicStrengths: 'medium' as const,
  recommendedSupervision: level,
  evidence: 'Invented evidence notes.',
});

export const supervision = (
  kind: 'initial' | 'second' | 'final',
  at: string,
  extra: Record<string, unknown> = {},
) =>
  cmd('HoldSupervision', at, {
    kind,
    attendees: ['as-1', 'as-2', 'mgr-csc', 'mgr-yos'],
    overseeingManager: cscManager,
    ...(kind === 'initial' ? { rolesAgreed: 'Invented: roles agreed.' } : {}),
    ...(kind === 'final' ? { scores: aim2Scores() } : {}),
    ...extra,
  });

/** MTG-1: the meeting's arrangements, so that the booking has its own meeting stream. */
export const arrangements = (start: string) =>
  ({
    end: new Date(Date.parse(start) + 2 * 3_600_000).toISOString(),
    chair: { id: 'iro-1', name: 'Priya Testchair', role: 'IRO', agency: 'childrens-social-care' },
    leadProfessional: {
      id: 'as-1',
      name: 'Tom Testlead',
      role: 'social worker',
      agency: 'childrens-social-care',
    },
    location: { mode: 'venue', venue: 'Room 4, Invented House' },
  }) as const;

export const book = (at: string, start: string, meetingId = 'mtg-1') =>
  cmd('BookInitialAimMeeting', at, { meetingId, start, arrangements: arrangements(start) });

/** MTG-6 from the meeting stream: everyone invited and the IRO present (a process manager sends it). */
export const noteAttendance = (at: string, extra: Record<string, unknown> = {}) =>
  cmd('NoteInitialAimMeetingAttendance', at, {
    meetingId: 'mtg-1',
    parentsCarersInvited: true,
    youngPersonInvited: true,
    iroPresent: true,
    ...extra,
  });

/** Every heading of the intervention plan (HSB-22) addressed. */
export const fullPlan = Object.fromEntries(
  planHeadings.map((h) => [h, { status: 'addressed', text: `Invented plan text for ${h}.` }]),
);

export const holdMeeting = (at: string, extra: Record<string, unknown> = {}) =>
  cmd('HoldInitialAimMeeting', at, {
    meetingId: 'mtg-1',
    parentsCarers: { invited: true },
    youngPerson: { invited: true },
    iroPresent: true,
    scores: aim2Scores(),
    plan: fullPlan,
    intensive: false,
    ...extra,
  });

export const review = (at: string, extra: Record<string, unknown> = {}) =>
  cmd('HoldReview', at, {
    meetingId: `rev-${at.slice(0, 10)}`,
    rescored: aim2Scores('low'),
    workDone: 'Invented work done.',
    remainingConcerns: [],
    nextPlan: 'Invented next plan.',
    signedOffBy: [cscManager, yosManager],
    interventionEnds: false,
    ...extra,
  });

/** Runs commands through the decider; every one must be accepted. Returns the events and the state. */
export const run = (
  commands: ReadonlyArray<HsbCommand>,
  policy: HsbPolicy = defaultHsbPolicy,
  from: HsbState = initialState,
) => {
  const decider = makeHsbDecider(policy);
  let state = from;
  const events: HsbEvent[] = [];
  for (const c of commands) {
    const r = decider.decide(c, state);
    if (E.isLeft(r))
      throw new Error(
        `${c.type} rejected: ${r.left.ruleId} ${r.left.reason} ${r.left.field ?? ''}`,
      );
    for (const e of r.right) {
      events.push(e);
      state = evolve(state, e);
    }
  }
  return { events, state };
};

/** The events of an accepted child-protection case up to the end of assessment allocation. */
export const upToAllocation = () => [
  report(),
  strategy(),
  route('child-protection'),
  s47(),
  allocate(),
];

/** HSB-20: the assessment read through with the young person and parents before the meeting. */
export const share = (at = '2026-07-14T16:00:00Z') =>
  cmd('ShareAssessmentWithFamily', at, {
    sharedWith: ['young-person', 'parents-carers'],
    disagreements: [],
    copyRetained: true,
    childFriendlyVersion: true,
  });

export const upToMeeting = () => [
  ...upToAllocation(),
  homeVisit(),
  agreePlan(),
  supervision('initial', '2026-06-05T10:00:00Z'),
  book('2026-06-05T10:30:00Z', '2026-07-17T10:00:00Z'),
  supervision('second', '2026-06-24T10:00:00Z'),
  supervision('final', '2026-07-08T10:00:00Z'),
  share(),
  noteAttendance('2026-07-17T11:50:00Z'),
];

export const upToIntervention = () => [...upToMeeting(), holdMeeting('2026-07-17T12:00:00Z')];
