import type { AccessPolicy, ReadGrant, ReadScope, SubjectScope } from './access-policy.js';
import { PERSONAL_DATA_CATEGORIES } from './access-policy.js';
import type { PersonalDataCategory } from '@aimline/kernel';

const MODULES = [
  'hsb-case',
  'meeting',
  'panel-sitting',
  'panel-referral',
  'panel-locality',
  'attendance-aim',
  'attendance-legal',
];
/** The records Aimline keeps about its own running: legal holds, erasures, process-manager refusals. */
const GOVERNANCE_MODULES = ['legal-hold', 'personal-data-erasure', 'process-log'];
const ALL = PERSONAL_DATA_CATEGORIES;
/** Who a person is, without what is said about them: enough to act on a case. */
const IDENTITY: ReadonlyArray<PersonalDataCategory> = [
  'name',
  'dateOfBirth',
  'identifier',
  'school',
];

const read = (
  module: string,
  streams: ReadScope,
  events: ReadGrant['events'],
  categories: ReadonlyArray<PersonalDataCategory>,
  subjects: SubjectScope = 'all',
): ReadGrant => ({ module, streams, events, categories, subjects });

/** 001: the criminal-justice route (HSB-28 … HSB-30) and what the YOS and police act on in it. */
export const CRIMINAL_JUSTICE_EVENTS = [
  'ConcernReported',
  'StrategyDiscussionHeld',
  'RouteDecided',
  'RouteChanged',
  'AssessorsAllocated',
  'ReportSubmitted',
  'AdmissionRecorded',
  'BailRecorded',
  'AssessmentTriggeredByPolice',
  'PoliceDecisionRecorded',
  'Charged',
  'PleaEntered',
  'FindingRecorded',
  'CourtTimeRequested',
  'ReferredBackToChildProtection',
  'ProceedingsWithdrawn',
  'CustodyStarted',
  'ReleasedFromCustody',
  'CaseClosed',
];

/** 001: what a school representative attends: the strategy discussion about their pupil, and settings. */
const SCHOOL_EVENTS = [
  'ConcernReported',
  'StrategyDiscussionHeld',
  'RouteDecided',
  'SettingRecorded',
  'SettingEnded',
  'HomeSafetyPlanAgreed',
];

/** 003: the panel's referrals and decisions (a referral's papers are for its members). */
const PANEL: ReadGrant[] = [
  read('panel-referral', 'panel', 'all', ALL),
  read('panel-sitting', 'panel', 'all', ALL),
];

/**
 * The default access policy: who reads what, need to know, derived from the sources; a role
 * with no grant reads nothing. A council replaces it with the `reads` section of its directory.
 */
export const defaultAccessPolicy: AccessPolicy = {
  // An auditor or inspector sees everything (and every read is logged).
  auditor: [...MODULES, ...GOVERNANCE_MODULES].map((m) => read(m, 'all', 'all', ALL)),
  // The records manager / DPO answers subject access, retention and erasure over every record
  // (retention needs the legal holds too: a held record is kept).
  'records-manager': [...MODULES, ...GOVERNANCE_MODULES].map((m) => read(m, 'all', 'all', ALL)),
  'social-worker': [
    read('hsb-case', 'allocated', 'all', ALL),
    read('meeting', 'allocated', 'all', ALL),
    read('panel-referral', 'allocated', 'all', ALL),
    // 003, 001: the locality worker a referral the panel sent back is allocated to
    read('panel-locality', 'allocated', 'all', ALL),
    read('attendance-aim', 'allocated', 'all', ALL), // 004: outside agencies working with the family
  ],
  'team-manager': [read('hsb-case', 'all', 'all', ALL), read('meeting', 'all', 'all', ALL)],
  'independent-reviewing-officer': [
    read('hsb-case', 'allocated', 'all', ALL),
    read('meeting', 'allocated', 'all', ALL),
  ],
  // 000: business support books and minutes meetings: who to invite and how to reach them.
  'business-support': [
    read('meeting', 'all', 'all', ['name', 'identifier', 'contact', 'address']),
    read('hsb-case', 'all', ['InitialAimMeetingBooked'], ['identifier']),
    read('panel-referral', 'all', 'all', ['name', 'identifier', 'contact']),
    read('panel-sitting', 'all', 'all', ['name', 'identifier', 'contact']),
  ],
  // 003: panel referrals and decisions, not case notes (no HSB case stream).
  'panel-chair': PANEL,
  'panel-member': PANEL,
  // 001: only their own pupil's case, and never the other child's identity.
  'school-representative': [read('hsb-case', 'allocated', SCHOOL_EVENTS, IDENTITY, 'pupils')],
  // 001: the criminal-justice parts of the cases they work.
  'youth-justice-officer': [
    read('hsb-case', 'allocated', CRIMINAL_JUSTICE_EVENTS, ALL),
    read('meeting', 'allocated', 'all', ALL),
  ],
  police: [read('hsb-case', 'allocated', CRIMINAL_JUSTICE_EVENTS, ALL)],
  health: [
    read(
      'hsb-case',
      'allocated',
      ['ConcernReported', 'StrategyDiscussionHeld', 'ContactRecorded'],
      ALL,
    ),
  ],
  'attendance-lead': [
    read('attendance-aim', 'allocated', 'all', ALL),
    read('meeting', 'allocated', 'all', ALL),
  ],
  // 004: the inclusion officer and the lead officer for legal intervention's record (ATT-9).
  'attendance-officer': [
    read('attendance-aim', 'all', 'all', ALL),
    read('attendance-legal', 'all', 'all', ALL),
  ],
};
