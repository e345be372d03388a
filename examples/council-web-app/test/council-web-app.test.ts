import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDirectory } from '@aimline/governance';
import { InMemoryEventStore, type RecordedEvent } from '@aimline/kernel';
import { createApp, type App } from '../src/app.js';

// Invented people only.
const CASE = 'case-web-0001';
// The council directory: who the app's users are and what they are allocated to.
const directory = parseDirectory({
  council: 'Testshire',
  principals: [
    {
      id: 'sw-lead-7',
      role: 'social-worker',
      agency: 'childrens-social-care',
      streams: [`hsb-case-${CASE}`],
      panels: [],
    },
    {
      id: 'mgr-csc-7',
      role: 'team-manager',
      agency: 'childrens-social-care',
      streams: [],
      panels: [],
    },
    { id: 'pc-9', role: 'police', agency: 'police', streams: [], panels: [] },
  ],
});
if (E.isLeft(directory)) throw new Error(directory.left.message);
const child = {
  childId: 'child-w1',
  name: 'Riley Inventedname',
  dateOfBirth: '2017-02-14', // 9 at the behaviour (2026-05-30)
  school: 'Maple Lane Primary',
};
const participants = [
  { id: 'pc-7', name: 'Officer Sky Notreal', role: 'investigating officer', agency: 'police' },
  { id: 'sw-7', name: 'Morgan Madeup', role: 'social worker', agency: 'childrens-social-care' },
  {
    id: 'yos-7',
    name: 'Jamie Pretendperson',
    role: 'YOS officer',
    agency: 'youth-offending-service',
  },
];
const assessors = [
  {
    id: 'as-71',
    name: 'Casey Samplename',
    agency: 'childrens-social-care',
    trainedIn: ['under-12s'],
    qualification: 'social-work',
  },
  {
    id: 'as-72',
    name: 'Drew Examplename',
    agency: 'youth-offending-service',
    trainedIn: ['under-12s'],
    qualification: 'none',
  },
];
const safetyPlan = {
  supervisionLevel: 'Invented: line of sight with younger siblings.',
  livingEnvironment: 'Invented: no adult material in the home.',
  sleepingArrangements: 'Invented: own room.',
  privacyRules: 'Invented: bathroom door rules.',
  stateOfDress: 'Invented: dressed in shared rooms.',
  playFighting: 'Invented: no play fighting.',
};
const cscManager = { id: 'mgr-csc-7', agency: 'childrens-social-care' };

let n = 0;
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
/** A command as the app's client sends it, and who sends it (the principal's directory id). */
const wire = (
  type: string,
  at: string,
  data: Record<string, unknown>,
  as = 'sw-lead-7',
  commandId = uuid(++n),
) => ({ as, body: { commandId, type, at, data: { caseId: CASE, ...data } } });

const reportConcern = wire('ReportConcern', '2026-06-01T09:00:00Z', {
  disclosedAt: '2026-06-01T08:00:00Z',
  behaviourDate: '2026-05-30',
  child,
  notifications: { childrensSocialCare: '2026-06-01T08:20:00Z', police: '2026-06-01T08:30:00Z' },
  summary: 'Invented summary of a concern.',
});
const strategy = wire('HoldStrategyDiscussion', '2026-06-01T15:00:00Z', {
  discussionId: 'sd-w1',
  forChild: 'alleged-child',
  participants,
});
const criminalRoute = wire('DecideRoute', '2026-06-01T16:00:00Z', {
  route: 'criminal-justice',
  temporaryRiskStrategy: 'Invented interim plan.',
});
const cpRoute = wire('DecideRoute', '2026-06-01T16:10:00Z', {
  route: 'child-protection',
  temporaryRiskStrategy: 'Invented interim plan.',
});
const s47 = wire('DecideSection47', '2026-06-01T16:30:00Z', {
  section47: true,
  assessmentCommissioned: true,
});
const allocate = wire(
  'AllocateAssessors',
  '2026-06-03T10:00:00Z',
  { model: 'under-12s', assessors },
  'mgr-csc-7',
);
const homeVisit = wire('RecordHomeVisit', '2026-06-04T10:00:00Z', { setting: 'family-home' });
const agreePlan = wire(
  'AgreeHomeSafetyPlan',
  '2026-06-04T15:00:00Z',
  {
    setting: 'family-home',
    plan: safetyPlan,
    typed: true,
    signedBy: ['parent-w1', 'as-71'],
    agreedByManagers: [cscManager],
  },
  'mgr-csc-7',
);
const initialSupervision = wire(
  'HoldSupervision',
  '2026-06-05T10:00:00Z',
  {
    kind: 'initial',
    attendees: ['as-71', 'as-72', 'mgr-csc-7'],
    overseeingManager: cscManager,
    rolesAgreed: 'Invented: roles agreed.',
  },
  'mgr-csc-7',
);

/** The clock the app stamps `recordedAt` with: set by the test, a few minutes after each command. */
let now = '2026-06-01T09:05:00Z';
const store = new InMemoryEventStore();
let app: App;
let base: string;

const minutesAfter = (at: string, minutes: number) =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString();

const post = async (command: { as: string; body: unknown } | undefined, raw?: string) => {
  const body = command?.body as { at?: unknown } | undefined;
  if (typeof body?.at === 'string') now = minutesAfter(body.at, 5);
  const res = await fetch(`${base}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-principal': command?.as ?? 'sw-lead-7' },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const get = async (path: string, as = 'sw-lead-7') => {
  const res = await fetch(`${base}${path}`, { headers: { 'x-principal': as } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const storedEvents = async (): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for await (const e of store.readStream(`hsb-case-${CASE}`)) all.push(e);
  return all;
};

beforeAll(async () => {
  app = createApp({ store, directory: directory.right, clock: () => now });
  const port = await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await app.close();
});

describe('council web app: POST /commands', () => {
  it('records a realistic HSB sequence and answers each command with its recorded events', async () => {
    const first = await post(reportConcern);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      stream: `hsb-case-${CASE}`,
      revision: 0,
      alreadyHandled: false,
    });
    expect(first.body['events']).toEqual([
      expect.objectContaining({
        type: 'ConcernReported',
        revision: 0,
        occurredAt: '2026-06-01T09:00:00Z',
        recordedAt: '2026-06-01T09:05:00.000Z', // the test's clock's own string
      }),
    ]);
    // The response carries ids and times, never the child's name.
    expect(JSON.stringify(first.body)).not.toContain('Riley');
    expect((await post(strategy)).status).toBe(200);
  });

  it('HSB-6: the criminal-justice route for a 9-year-old is 409 with the rule id, and nothing is appended', async () => {
    const before = await storedEvents();
    const r = await post(criminalRoute);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ kind: 'Rejected', ruleId: 'HSB-6', field: 'data.route' });
    expect(String(r.body['reason'])).toContain('(was 9)');
    expect(await storedEvents()).toHaveLength(before.length);
  });

  it('continues on the child-protection route to the initial joint supervision', async () => {
    for (const c of [cpRoute, s47, allocate, homeVisit, agreePlan, initialSupervision]) {
      const r = await post(c);
      expect(r.status, `${c.body.type}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const types = (await storedEvents()).map((e) => e.type);
    expect(types).toEqual([
      'ConcernReported',
      'StrategyDiscussionHeld',
      'RouteDecided',
      'Section47Decided',
      'AssessorsAllocated',
      'HomeVisitCompleted',
      'HomeSafetyPlanAgreed',
      'SupervisionHeld',
    ]);
  });

  it('a retried command id is answered with the first events and appends nothing', async () => {
    const before = await storedEvents();
    const r = await post(homeVisit);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ alreadyHandled: true });
    expect((r.body['events'] as Array<{ type: string }>).map((e) => e.type)).toEqual([
      'HomeVisitCompleted',
    ]);
    expect(await storedEvents()).toHaveLength(before.length);
  });

  it('malformed JSON is 400 and appends nothing', async () => {
    const before = await storedEvents();
    const r = await post(
      undefined,
      '{"commandId": "00000000-0000-4000-8000-000000000099", "type": ',
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ kind: 'MalformedJson' });
    expect(await storedEvents()).toHaveLength(before.length);
  });

  it('an undecodable command is 400 naming the field; an actor in the body is refused', async () => {
    const r = await post(
      wire('AllocateAssessors', '2026-06-03T11:00:00Z', { model: 'AIM9', assessors }, 'mgr-csc-7'),
    );
    expect(r.status).toBe(400);
    expect(r.body['kind']).toBe('Invalid');
    expect((r.body['problems'] as Array<{ path: string }>).map((p) => p.path)).toContain(
      'data.model',
    );
    const withActor = { ...homeVisit, body: { ...homeVisit.body, actor: { id: 'mgr-csc-7' } } };
    expect((await post(withActor)).body).toMatchObject({
      kind: 'Invalid',
      problems: [{ path: 'actor' }],
    });
  });

  it('FORBIDDEN: a principal without the grant is 403 naming them; an unknown user is 401', async () => {
    const r = await post(
      wire(
        'DecideSection47',
        '2026-06-06T12:00:00Z',
        { section47: true, assessmentCommissioned: true },
        'pc-9',
      ),
    );
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({
      kind: 'Forbidden',
      principal: 'pc-9',
      command: 'DecideSection47',
    });
    const stranger = wire(
      'RecordHomeVisit',
      '2026-06-06T12:30:00Z',
      { setting: 'family-home' },
      'x',
    );
    expect((await post(stranger)).status).toBe(401);
  });

  it('unknown routes are 404 and wrong methods 405', async () => {
    expect((await get('/nothing-here')).status).toBe(404);
    expect((await get('/commands')).status).toBe(405);
    expect((await get('/cases/no-such-case/timeline')).status).toBe(404);
  });
});

describe('council web app: GET /cases/:id/timeline', () => {
  it('groups the events by phase with the deadlines each opened and settled', async () => {
    const r = await get(`/cases/${CASE}/timeline`);
    expect(r.status).toBe(200);
    const phases = r.body['phases'] as Record<
      string,
      Array<{ type: string; opened: Array<{ ruleId: string }>; settled: Array<{ ruleId: string }> }>
    >;
    expect(Object.keys(phases)).toEqual(['strategy', 'assessment']);
    expect(phases['strategy']?.map((e) => e.type)).toEqual([
      'ConcernReported',
      'StrategyDiscussionHeld',
      'RouteDecided',
      'Section47Decided',
    ]);
    expect(phases['assessment']?.map((e) => e.type)).toEqual([
      'AssessorsAllocated',
      'HomeVisitCompleted',
      'HomeSafetyPlanAgreed',
      'SupervisionHeld',
    ]);
    const [concern, held, , section47] = phases['strategy'] ?? [];
    expect(concern?.opened.map((d) => d.ruleId)).toEqual(['HSB-2']);
    expect(held?.settled.map((d) => d.ruleId)).toEqual(['HSB-2']);
    expect(section47?.opened.map((d) => d.ruleId).sort()).toEqual(['HSB-11', 'NAT-3']);
    const allocated = phases['assessment']?.[0];
    expect(allocated?.settled.map((d) => d.ruleId)).toEqual(['HSB-11']);
    expect(allocated?.opened.map((d) => d.ruleId).sort()).toEqual([
      'HSB-12',
      'HSB-14',
      'HSB-16',
      'HSB-17',
    ]);
    expect(JSON.stringify(r.body)).not.toContain('sw-lead-7'); // actor ids are left out
  });
});

describe('council web app: GET /cases/:id/deadlines', () => {
  type Row = {
    ruleId: string;
    state: string;
    due: string;
    dueLocal: string;
    explanation: string;
    late?: string;
  };
  const byRule = (rows: Row[], ruleId: string) => rows.find((d) => d.ruleId === ruleId);

  it('gives every deadline its status at asOf, as the council knew it then', async () => {
    const r = await get(`/cases/${CASE}/deadlines?asOf=2026-06-10T12:00:00Z`);
    expect(r.status).toBe(200);
    const rows = r.body['deadlines'] as Row[];
    expect(byRule(rows, 'HSB-2')?.state).toBe('met');
    expect(byRule(rows, 'HSB-11')?.state).toBe('met');
    expect(byRule(rows, 'HSB-12')?.state).toBe('met');
    expect(byRule(rows, 'HSB-14')?.state).toBe('met');
    // HSB-16: the second supervision 3 weeks after the allocation on Wed 3 Jun 2026 (BST).
    expect(byRule(rows, 'HSB-16')).toMatchObject({
      state: 'open',
      due: '2026-06-24T22:59:59.999Z',
      dueLocal: 'end of Wed 24 Jun 2026',
    });
    expect(byRule(rows, 'HSB-16')?.explanation).toContain('3 weeks after allocation');
    // NAT-3: the child and family assessment, 45 working days after the referral.
    expect(byRule(rows, 'NAT-3')?.state).toBe('open');
    expect(byRule(rows, 'HSB-15')?.state).toBe('open');
  });

  it('the same deadlines later: no second supervision was recorded, so HSB-16 is overdue', async () => {
    const r = await get(`/cases/${CASE}/deadlines?asOf=2026-07-01T12:00:00Z`);
    const rows = r.body['deadlines'] as Row[];
    expect(byRule(rows, 'HSB-16')?.state).toBe('overdue');
    // from the end of Wed 24 Jun (23:00Z) to 12:00Z on Wed 1 Jul: 6 days 13 hours
    expect(byRule(rows, 'HSB-16')?.late).toBe('6 days 13 hours');
    expect(byRule(rows, 'HSB-16')?.explanation).toContain(
      'Overdue by 6 days 13 hours at 13:00 BST Wed 1 Jul 2026',
    );
    expect(byRule(rows, 'NAT-3')?.state).toBe('open');
    expect(byRule(rows, 'HSB-14')?.state).toBe('met');
  });

  it('before the allocation was recorded, allocation deadlines did not yet exist', async () => {
    const r = await get(`/cases/${CASE}/deadlines?asOf=2026-06-02T12:00:00Z`);
    const rows = r.body['deadlines'] as Row[];
    expect(byRule(rows, 'HSB-11')?.state).toBe('open');
    expect(byRule(rows, 'HSB-12')).toBeUndefined();
  });

  it('a bad asOf is 400', async () => {
    const r = await get(`/cases/${CASE}/deadlines?asOf=yesterday`);
    expect(r.status).toBe(400);
  });
});
