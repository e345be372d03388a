/**
 * The data of the script's steps: who does what, when, on a panel referral that becomes an HSB
 * AIM case. Invented people only. Facts about other streams (the referral's booking, the
 * sitting's facts for the decision) are left out: Aimline computes them from the store.
 */
import type { Principal } from '@aimline/aimline';

const principal = (id: string, role: Principal['role'], agency: string, streams: string[] = []) =>
  ({ id, role, agency, streams, panels: role === 'panel-chair' ? ['nel-aim-panel'] : [] }) as const;

/** The HSB case the panel-to-hsb process manager opens for referral R-100. */
export const caseId = 'referral-R-100';
const hsbStream = `hsb-case-${caseId}`;
/** The initial AIM meeting's own stream, which the hsb-to-meetings process manager schedules. */
const meetingId = 'aim-R-100';
const meetingStream = `meeting-${meetingId}`;
const businessSupport = principal('bs-3', 'business-support', 'Council business support');
const chair = principal('chair-2', 'panel-chair', 'Council locality team');
const worker = principal('sw-21', 'social-worker', 'childrens-social-care', [
  hsbStream,
  meetingStream,
]);
/** The team manager, who reads the case (need to know: every HSB case). */
export const manager = principal('tm-4', 'team-manager', 'childrens-social-care', [hsbStream]);

const child = { childId: 'CH-9001', name: 'Sam Inventedchild', dateOfBirth: '2016-03-10' };
const seat = (role: string) => ({
  role,
  member: { memberId: `${role}-1`, name: `Alex ${role} Madeup`, role, agency: 'Testshire' },
  status: 'present' as const,
});
const assessors = [
  { id: 'sw-21', name: 'Jo Notreal', agency: 'childrens-social-care' as const },
  { id: 'hv-5', name: 'Lee Pretend', agency: 'health' as const },
].map((a) => ({ ...a, trainedIn: ['under-12s' as const], qualification: 'social-work' as const }));
const professional = (id: string, name: string, role: string) =>
  ({ id, name, role, agency: 'childrens-social-care' }) as const;
const family = { post: 'Invented: 4 Example Row, Testtown' };
const invitees = [
  {
    id: 'par-9',
    name: 'Kim Inventedparent',
    role: 'parent',
    party: 'family-member',
    contact: family,
  },
  { id: 'yp-9', name: child.name, role: 'young person', party: 'young-person', contact: family },
] as const;
const present = (personId: string, name: string, role: string) =>
  ({ personId, name, role, status: 'present', detailsReconfirmed: true }) as const;
/** 001's intervention plan headings (HSB-22), each addressed. */
const plan = Object.fromEntries(
  [
    ...['childProtectionConcerns', 'safetyOfPotentialVictims', 'riskManagement'],
    ...['livingArrangements', 'education', 'health', 'support', 'needs', 'victimIssues'],
    ...['intervention', 'rolesAndTasks', 'furtherAssessment', 'barredListConsideration'],
    'reviewTiming',
  ].map((heading) => [
    heading,
    { status: 'addressed', text: `Invented: the plan for ${heading}.` },
  ]),
);

export const steps = [
  {
    as: businessSupport,
    process: 'panel-sitting',
    command: {
      type: 'ScheduleSitting',
      at: '2026-05-01T09:00:00Z',
      data: { sittingId: '2026-06', meetingId: 'panel-2026-06' },
    },
  },
  {
    as: businessSupport,
    process: 'panel-referral',
    command: {
      type: 'ReceiveReferral',
      at: '2026-05-11T10:00:00+01:00',
      data: {
        referralId: 'R-100',
        child: { ...child, gender: 'female' },
        referrer: {
          id: 'sw-21',
          name: 'Jo Notreal',
          role: 'social worker',
          agency: 'Testshire CSC',
        },
        concernSummary: 'Invented: sexualised behaviour towards a younger child at a club.',
        behaviourTypes: ['contact'],
        concern: {
          disclosedAt: '2026-05-08T15:20:00+01:00',
          behaviourDate: '2026-05-07',
          notifications: {
            childrensSocialCare: '2026-05-08T16:00:00+01:00',
            police: '2026-05-09T09:00:00+01:00',
          },
        },
      },
    },
  },
  {
    as: businessSupport,
    process: 'panel-sitting',
    command: {
      type: 'RecordAttendance',
      at: '2026-06-01T13:05:00+01:00',
      data: {
        sittingId: '2026-06',
        attendees: ['chair', 'co-chair', 'police', 'youth-offending'].map(seat),
      },
    },
  },
  {
    as: chair,
    process: 'panel-sitting',
    command: {
      type: 'HoldSitting',
      at: '2026-06-01T13:10:00+01:00',
      data: { sittingId: '2026-06' },
    },
  },
  {
    as: chair,
    process: 'panel-referral',
    command: {
      type: 'RecordDecision',
      at: '2026-06-01T14:00:00+01:00',
      data: {
        referralId: 'R-100',
        route: 'aim-assessment',
        rating: 'amber',
        rationale: 'Invented: an AIM assessment is needed.',
        informationKnown: 'Invented: the referral and the club’s account.',
      },
    },
  },
  // The panel-to-hsb process manager has now started the case with ReportConcern.
  {
    as: worker,
    process: 'hsb-case',
    command: {
      type: 'HoldStrategyDiscussion',
      at: '2026-06-02T10:00:00+01:00',
      data: {
        caseId,
        discussionId: 'sd-100',
        forChild: 'alleged-child',
        participants: [
          {
            id: 'pc-8',
            name: 'Officer Kit Fictional',
            role: 'investigating officer',
            agency: 'police',
          },
          {
            id: 'sw-21',
            name: 'Jo Notreal',
            role: 'social worker',
            agency: 'childrens-social-care',
          },
        ],
      },
    },
  },
  {
    as: worker,
    process: 'hsb-case',
    command: {
      type: 'DecideRoute',
      at: '2026-06-02T11:00:00+01:00',
      data: {
        caseId,
        route: 'child-protection',
        temporaryRiskStrategy: 'Invented: supervised contact with younger children.',
      },
    },
  },
  {
    as: worker,
    process: 'hsb-case',
    command: {
      type: 'DecideSection47',
      at: '2026-06-02T11:30:00+01:00',
      data: { caseId, section47: true, assessmentCommissioned: true },
    },
  },
  {
    as: worker,
    process: 'hsb-case',
    command: {
      type: 'RecordSetting',
      at: '2026-06-03T09:00:00+01:00',
      data: { caseId, setting: 'family-home', kind: 'family-home' },
    },
  },
  {
    as: manager,
    process: 'hsb-case',
    command: {
      type: 'AllocateAssessors',
      at: '2026-06-03T10:00:00+01:00',
      data: { caseId, model: 'under-12s', assessors },
    },
  },
  {
    as: manager,
    process: 'hsb-case',
    command: {
      type: 'HoldSupervision',
      at: '2026-06-05T10:00:00+01:00',
      data: {
        caseId,
        kind: 'initial',
        attendees: ['sw-21', 'hv-5', 'tm-4'],
        overseeingManager: { id: 'tm-4', agency: 'childrens-social-care' },
        rolesAgreed: 'Invented: sw-21 leads; hv-5 co-works.',
      },
    },
  },
  {
    as: businessSupport,
    process: 'hsb-case',
    command: {
      type: 'BookInitialAimMeeting',
      at: '2026-06-05T10:30:00+01:00',
      data: {
        caseId,
        meetingId,
        start: '2026-07-10T10:00:00+01:00',
        arrangements: {
          end: '2026-07-10T12:00:00+01:00',
          chair: professional('tm-4', 'Robin Fakename', 'team manager'),
          leadProfessional: professional('sw-21', 'Jo Notreal', 'social worker'),
          location: { mode: 'venue', venue: 'Invented: Room 3, Civic Centre' },
        },
      },
    },
  },
  // The hsb-to-meetings process manager has now scheduled the meeting's own stream (MTG-1).
  {
    as: worker,
    process: 'meeting',
    command: {
      type: 'SubmitInviteList', // MTG-2
      at: '2026-06-08T09:00:00+01:00',
      data: { meetingId, invitees },
    },
  },
  ...invitees.flatMap(({ id: inviteeId }) => [
    {
      as: businessSupport,
      process: 'meeting',
      command: {
        type: 'ConfirmContactDetails', // MTG-3
        at: '2026-06-08T11:00:00+01:00',
        data: { meetingId, inviteeId, checkedAgainst: 'ICS' },
      },
    },
    {
      as: businessSupport,
      process: 'meeting',
      command: {
        type: 'SendInvitation', // MTG-4
        at: '2026-06-08T14:00:00+01:00',
        data: { meetingId, inviteeId, channel: 'post' },
      },
    },
  ]),
  {
    as: worker,
    process: 'hsb-case',
    command: {
      type: 'ShareAssessmentWithFamily', // HSB-20
      at: '2026-07-06T16:00:00+01:00',
      data: {
        caseId,
        sharedWith: ['young-person', 'parents-carers'],
        disagreements: [],
        copyRetained: true,
        childFriendlyVersion: true,
      },
    },
  },
  {
    as: worker,
    process: 'meeting',
    command: {
      type: 'SubmitReportToChair', // MTG-5: the one record; the case is told
      at: '2026-07-07T11:00:00+01:00',
      data: {
        meetingId,
        reportKind: 'aim-report',
        author: { id: 'sw-21', role: 'social worker', agency: 'childrens-social-care' },
      },
    },
  },
  {
    as: businessSupport,
    process: 'meeting',
    command: {
      type: 'RecordAttendance', // MTG-6: the case is told who was invited and present
      at: '2026-07-10T10:05:00+01:00',
      data: {
        meetingId,
        attendees: [
          present('tm-4', 'Robin Fakename', 'team manager'),
          present('sw-21', 'Jo Notreal', 'social worker'),
          present('par-9', 'Kim Inventedparent', 'parent'),
          present('yp-9', child.name, 'young person'),
        ],
      },
    },
  },
  {
    as: manager,
    process: 'hsb-case',
    command: {
      type: 'HoldInitialAimMeeting', // HSB-21 checked against the meeting's attendance, HSB-22
      at: '2026-07-10T11:45:00+01:00',
      data: {
        caseId,
        meetingId,
        parentsCarers: { invited: true },
        youngPerson: { invited: true },
        iroPresent: false,
        scores: {
          model: 'under-12s',
          summary: 'Invented: behaviour understood in the context of the home.',
          recommendedSupervision: 'medium',
          evidence: 'Invented: the assessors’ evidence notes.',
        },
        plan,
        intensive: false,
      },
    },
  },
] as const;

/** When the script asks where the case stands: ten days after its initial AIM meeting. */
export const asOf = '2026-07-20T09:00:00+01:00';
