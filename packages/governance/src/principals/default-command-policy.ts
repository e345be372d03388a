import type { CommandGrant, CommandPolicy, GrantScope } from './command-policy.js';

const grant = (
  module: string,
  streams: GrantScope,
  commands: ReadonlyArray<string>,
): CommandGrant => ({ module, streams, commands });

/** An assessor's work on a case they are allocated to (001 child-protection route; 000 assessment stage). */
const assessorWork = [
  'HoldStrategyDiscussion', // HSB-2: CSC and police hold it
  'RecordSetting',
  'EndSetting',
  'RecordHomeVisit', // HSB-12
  'SubmitReport', // HSB-18, HSB-19
  'ShareAssessmentWithFamily', // HSB-20
  'RecordConsentRefused', // HSB-24
  'RaiseEmergingRisk', // HSB-23
  'HoldRiskManagementMeeting',
  'RecordContact', // HSB-25
  'AgreeExitPlan', // HSB-27
  'EscalateDisagreement', // HSB-31
];

/**
 * The lead professional agrees the date with the chair and sends the invite list and reports
 * (MTG-1, MTG-2, MTG-5); business support records the booking (see below).
 */
const leadProfessionalMeetings = grant('meeting', 'allocated', [
  'SubmitInviteList',
  'SubmitReportToChair', // MTG-5
]);

/**
 * The default command policy, derived from the sources (000-004) and domain-rules.md. Every
 * grant is a reading of a sentence; a council replaces it with the `commands` section of its
 * directory file. Readings worth confirming locally are marked.
 */
export const defaultCommandPolicy: CommandPolicy = {
  'social-worker': [
    // HSB-1: every concern is reported to children's social care (a new case has no allocation yet).
    grant('hsb-case', 'any', ['ReportConcern']),
    grant('hsb-case', 'allocated', [
      ...assessorWork,
      'LinkCase', // HSB-4
      'DecideRoute', // HSB-5
      'DecideSection47', // HSB-7
      'RecordConference', // NAT-1
      'RecordChildAndFamilyAssessment', // NAT-3
      'ReferBackToChildProtection', // HSB-30
      'AgreeHomeSafetyPlan', // HSB-12: recorded by the worker, with the managers' agreement in it
      'CorrectChildDetails', // issue 13 item 7: the allocated worker records a correction
    ]),
    leadProfessionalMeetings,
    // PNL-3, PNL-5: the referrer refers and attends to present.
    grant('panel-referral', 'allocated', ['RecordReferrerAttendance']),
  ],
  'team-manager': [
    // MTG-7: a manager who chairs the case's meeting approves its minutes (the meeting domain
    // checks that they chaired it).
    grant('meeting', 'any', ['ApproveMinutes']),
    // 000: allocation within 5 working days at both YJS and CSC — only a manager allocates.
    // "CSC Manager will oversee Welfare AIM, YJS Manager will oversee Criminal AIM": a manager
    // of either service convenes the strategy discussion, decides route and Section 47, and
    // chairs the case's meetings (001: "chaired … by the lead agency").
    grant('hsb-case', 'any', [
      'HoldStrategyDiscussion', // HSB-2
      'DecideRoute', // HSB-5
      'DecideSection47', // HSB-7
      'RecordSetting',
      'EndSetting',
      'HoldRiskManagementMeeting', // HSB-23
      'HoldInitialAimMeeting', // HSB-22
      'HoldReview', // HSB-26
      'ReferBackToChildProtection', // HSB-30
      'EscalateDisagreement', // HSB-31
      'AllocateAssessors', // HSB-11
      'AgreeHomeSafetyPlan', // HSB-12: agreed by managers
      'HoldSupervision', // HSB-14, 16, 17
      'RecordPractitionerSupervision', // HSB-25
      'ChangeIntensity', // HSB-25 (reading: a management decision)
      'ResolveDisagreement', // HSB-31: the assessors' line managers
      'CloseCase', // HSB-27 (reading: the manager signs off closure)
      'ReopenCase',
    ]),
  ],
  'business-support': [
    // 000: "email to be sent … to typists to book initial AIM meeting" — business support books.
    // The meeting's facts noted on the case (the report reached the chair, who attended): the
    // business-support side of the meeting, also written by the meeting → case process manager.
    grant('hsb-case', 'any', [
      'BookInitialAimMeeting',
      'NoteReportToChair',
      'NoteInitialAimMeetingAttendance',
    ]),
    // 000: business support coordinate the minute taker, cross-check contacts, send invites,
    // send draft minutes, distribute and upload, destroy hard copies (MTG-2 … MTG-9).
    // "Only business support books meetings": the booking, rearranging and cancelling.
    grant('meeting', 'any', [
      'ScheduleMeeting',
      'RescheduleMeeting',
      'CancelMeeting',
      'AllocateMinuteTaker',
      'ConfirmContactDetails',
      'QueryContactDetails',
      'AmendContactDetails',
      'SendInvitation',
      'RecordAttendance', // MTG-6: the minute taker completes the attendance sheet
      'SubmitDraftMinutes',
      'DistributeMinutes',
      'UploadMinutes',
      'DestroyHardCopies',
    ]),
    // 003: the NELC takes the referral and books a slot; papers sent 7 working days before.
    // The minute taker records what the panel decided and who attended (003: business support
    // "will minute key actions"; PNL-8: the decision goes on the child's file).
    grant('panel-referral', 'any', [
      'ReceiveReferral',
      'RebookReferral',
      'SendPapers',
      'RecordReferrerAttendance',
      'RecordDecision',
      'CloseReferral',
    ]),
    grant('panel-sitting', 'any', [
      'ScheduleSitting',
      'ChangeSittingVenue',
      'MoveSitting',
      'CancelSitting',
      'NotifyMembers',
      'RecordAttendance',
      'RecordInvitedAttendance',
      'HoldSitting',
      'AgreeAction', // 003: business support minute key actions
      'DistributeMinutes', // PNL-7
      'UploadMinutes', // PNL-8
      'DestroyHardCopies',
    ]),
  ],
  'independent-reviewing-officer': [
    // 001: the AIM review meeting may be chaired by an IRO; 000: report to the IRO.
    grant('hsb-case', 'allocated', ['HoldInitialAimMeeting', 'HoldReview', 'RecordConference']),
    // MTG-7: the chair approves the minutes (the meeting domain checks it is this meeting's chair).
    grant('meeting', 'allocated', ['ApproveMinutes']),
  ],
  'panel-chair': [
    // 003: the panel decides route and RAG rating; red and amber reviewed every 12 weeks.
    grant('panel-referral', 'panel', [
      'RecordDecision',
      'RecordReview',
      'CloseReferral',
      'RecordReferrerAttendance',
    ]),
    // "only the panel chair approves minutes" (PNL-7; MTG-7 for the panel's sitting).
    grant('panel-sitting', 'panel', [
      'HoldSitting',
      'ApproveMinutes',
      'RecordActionUpdate',
      'MoveSitting', // PNL-1: the chair moves or cancels a sitting
      'CancelSitting',
    ]),
  ],
  'panel-member': [
    // 003: members research referrals and share previous contacts; they send action updates.
    grant('panel-referral', 'panel', ['SharePreviousContacts']),
    grant('panel-sitting', 'panel', ['RecordActionUpdate']),
  ],
  'school-representative': [
    // 001: a school attends its own pupil's discussion; it records nothing in the HSB case.
  ],
  'youth-justice-officer': [
    grant('hsb-case', 'any', ['ReportConcern']),
    // 001: YOS co-assesses; leads on the criminal route; proposes disposal to the court.
    grant('hsb-case', 'allocated', [
      ...assessorWork,
      'EnterPlea', // HSB-29: YOS is the court's officer for the young person
      'RequestCourtTime', // HSB-29
      'StartCustody', // HSB-30
      'RecordRelease',
    ]),
    leadProfessionalMeetings,
  ],
  police: [
    // HSB-1: every concern is reported to the police too.
    grant('hsb-case', 'any', ['ReportConcern']),
    // HSB-28 … HSB-30: the criminal-justice route.
    grant('hsb-case', 'allocated', [
      'HoldStrategyDiscussion',
      'RecordAdmission',
      'RecordBail',
      'PoliceTriggerAssessment',
      'RecordPoliceDecision',
      'RecordCharge',
      'EnterPlea',
      'RecordFinding',
      'RecordWithdrawal',
    ]),
  ],
  health: [
    // 001: health brings information to the strategy discussion (reading: it reports concerns);
    // CAMHS may co-work the case (contacts with the young person).
    grant('hsb-case', 'any', ['ReportConcern']),
    grant('hsb-case', 'allocated', ['RecordContact', 'EscalateDisagreement']), // HSB-31: as co-assessor
  ],
  'attendance-lead': [
    // 004: the school runs the attendance AIM for its pupils.
    grant('attendance-aim', 'any', ['OpenAttendanceCase']),
    grant('attendance-aim', 'allocated', [
      'AddParentCarer',
      'ImportAttendance',
      'CorrectAttendanceMark',
      'AttachSupportEvidence', // ATT-1
      'ScheduleAim',
      'RearrangeAim',
      'SendAimLetter', // ATT-2
      'RecordInteraction', // ATT-3
      'CaptureVoice',
      'FileDocument',
      'RecordAimAttendance', // ATT-4, ATT-5
      'RecordAimOutcome', // ATT-6
      'ReviewTargets', // ATT-7
      'RecordNoEngagement', // ATT-9
      'ConsultInclusionOfficer', // ATT-9
      'RequestLegalProceedings', // ATT-9: the school completes the request form
      'RecordLegalStep', // NAT-7: the school's own step (an attendance contract)
      'CloseCase',
    ]),
  ],
  'attendance-officer': [
    // 004: the inclusion officer and the lead officer for legal intervention (ATT-9, ATT-10, NAT-7).
    grant('attendance-aim', 'any', [
      'HoldLegalInterventionMeeting',
      'RecordProsecutionConsiderations',
      'RecordLegalStep',
      'RecordPenaltyPayment',
    ]),
  ],
  // An auditor reads and never writes.
  auditor: [],
  // UK GDPR Art. 16: the records manager / DPO handles rectification requests.
  'records-manager': [
    grant('hsb-case', 'any', ['CorrectChildDetails']),
    // UK GDPR Art. 17 and 5(1)(e): the records manager erases (`aimline erase`, `retention
    // --apply`). The grant is checked before the key is destroyed; the command is recorded only
    // by `erasePerson` after it destroys the key, never sent on the wire (see `erasureGrant`).
    grant('personal-data-erasure', 'any', ['RecordErasure']),
    // Legal holds keep a record from retention's erasure (UK GDPR 17(3)(e)): the records
    // manager places and lifts them, on any record (reading: the council's DPO function).
    grant('legal-hold', 'any', ['PlaceLegalHold', 'LiftLegalHold']),
  ],
};
