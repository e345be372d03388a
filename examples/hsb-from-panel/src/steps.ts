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
const businessSupport = principal('bs-3', 'business-support', 'Council business support');
const chair = principal('chair-2', 'panel-chair', 'Council locality team');
const worker = principal('sw-21', 'social-worker', 'childrens-social-care', [hsbStream]);
const manager = principal('tm-4', 'team-manager', 'childrens-social-care', [hsbStream]);

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
        meetingId: 'aim-R-100',
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
] as const;

/** When the script asks where the case stands: after the booked initial AIM meeting. */
export const asOf = '2026-07-13T09:00:00+01:00';
