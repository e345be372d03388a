// Invented people and a meeting of an invented case, for the meeting tests.
import type { Actor } from '@aimline/kernel';
import type {
  AttendanceEntryInput as AttendanceEntry,
  InviteeInput as Invitee,
  MeetingCommand,
  MeetingCommandOf,
  MeetingCommandType,
  MeetingEvent,
  MeetingEventOf,
  MinutesAction,
  ProfessionalInput as Professional,
} from '../src/index.js';

export const MEETING = 'm-1001';

export const chair: Professional = {
  id: 'iro-1',
  name: 'Priya Testchair',
  role: 'independent reviewing officer',
  agency: 'childrens-social-care',
};
export const lead: Professional = {
  id: 'sw-1',
  name: 'Tom Testlead',
  role: 'social worker',
  agency: 'childrens-social-care',
};
export const minuteTaker: Professional = {
  id: 'bs-2',
  name: 'Sam Testminutes',
  role: 'minute taker',
  agency: 'childrens-social-care',
};

export const asChair: Actor = { id: chair.id, role: chair.role, agency: chair.agency };
export const asLead: Actor = { id: lead.id, role: lead.role, agency: lead.agency };
export const asSupport: Actor = {
  id: 'bs-1',
  role: 'business support officer',
  agency: 'childrens-social-care',
};

export const parent: Invitee = {
  id: 'fam-1',
  name: 'Jo Testparent',
  role: 'mother',
  party: 'family-member',
  contact: { post: '1 Invented Row, Testtown TT1 1AA' },
};
export const youngPerson: Invitee = {
  id: 'yp-1',
  name: 'Alex Testchild',
  role: 'young person',
  party: 'young-person',
  contact: { post: '1 Invented Row, Testtown TT1 1AA' },
};
export const teacher: Invitee = {
  id: 'pro-1',
  name: 'Dana Testteacher',
  role: 'designated safeguarding lead',
  agency: 'education',
  party: 'professional',
  contact: { email: 'dana.testteacher@school.example' },
};
export const yjsOfficer: Invitee = {
  id: 'pro-2',
  name: 'Lee Testofficer',
  role: 'youth justice officer',
  agency: 'youth-offending-service',
  party: 'professional',
  contact: { email: 'lee.testofficer@yjs.example' },
};
export const invitees: ReadonlyArray<Invitee> = [parent, youngPerson, teacher, yjsOfficer];

/** Thursday 12 March 2026, 10:00 to 12:00 (GMT). */
export const START = '2026-03-12T10:00:00Z';
export const END = '2026-03-12T12:00:00Z';

export const command = <K extends MeetingCommandType>(
  type: K,
  data: Omit<MeetingCommandOf<K>['data'], 'meetingId'>,
  at: string,
  actor: Actor = asSupport,
): MeetingCommand => ({ type, data: { meetingId: MEETING, ...data }, at, actor }) as MeetingCommand;

export const event = <K extends MeetingEvent['type']>(
  type: K,
  data: Omit<MeetingEventOf<K>['data'], 'meetingId'>,
): MeetingEvent => ({ type, data: { meetingId: MEETING, ...data } }) as unknown as MeetingEvent;

export const scheduleData = {
  kind: 'hsb-initial-aim' as const,
  subjects: [{ kind: 'hsb-case', id: 'case-77' }],
  chair,
  leadProfessional: lead,
  start: START,
  end: END,
  location: { mode: 'venue' as const, venue: 'Room 4, Invented House' },
};

export const scheduled = (at = '2026-02-02T09:00:00Z'): MeetingEvent =>
  event('MeetingScheduled', { at, ...scheduleData });

export const listSubmitted = (
  list: ReadonlyArray<Invitee> = invitees,
  at = '2026-02-03T09:00:00Z',
): MeetingEvent => event('InviteListSubmitted', { at, invitees: [...list] });

export const confirmed = (inviteeId: string, at = '2026-02-04T09:00:00Z'): MeetingEvent =>
  event('ContactDetailsConfirmed', {
    at,
    inviteeId,
    checkedAgainst: 'ICS',
    checkedBy: asSupport.id,
  });

export const present = (who: Invitee | Professional): AttendanceEntry => ({
  personId: who.id,
  name: who.name,
  role: who.role,
  status: 'present',
  detailsReconfirmed: true,
});

export const apologiesFrom = (who: Invitee | Professional): AttendanceEntry => ({
  personId: who.id,
  name: who.name,
  role: who.role,
  status: 'apologies',
  detailsReconfirmed: false,
});

/** The chair, the lead professional, the parent and the teacher attend; the YJS officer and the young person send apologies. */
export const sheet: ReadonlyArray<AttendanceEntry> = [
  present(chair),
  present(lead),
  present(parent),
  present(teacher),
  apologiesFrom(yjsOfficer),
  apologiesFrom(youngPerson),
];

export const attended = (
  attendees: ReadonlyArray<AttendanceEntry> = sheet,
  at = '2026-03-12T12:05:00Z',
): MeetingEvent =>
  event('AttendanceRecorded', { at, attendees: [...attendees], recordedBy: minuteTaker.id });

/** The YJS officer (absent) owns an action, so gets the minutes; the young person does not. */
export const actions: ReadonlyArray<MinutesAction> = [
  {
    actionId: 'a-1',
    ownerId: yjsOfficer.id,
    description: 'Share the intervention plan with the school',
    due: { date: '2026-03-26' },
  },
  {
    actionId: 'a-2',
    ownerId: lead.id,
    description: 'Book the review meeting',
    due: { timescale: 'within 6 weeks' },
  },
];

export const drafted = (
  list: ReadonlyArray<MinutesAction> = actions,
  at = '2026-03-16T10:00:00Z',
  draft = 1,
): MeetingEvent =>
  event('DraftMinutesSubmitted', {
    at,
    draft,
    documentRef: `doc-minutes-${draft}`,
    actions: [...list],
  });

export const approved = (at = '2026-03-17T10:00:00Z', draft = 1): MeetingEvent =>
  event('MinutesApproved', { at, draft, approvedBy: chair.id });

export const uploaded = (at = '2026-03-18T10:00:00Z'): MeetingEvent =>
  event('MinutesUploaded', { at, systems: ['ICS', 'IYSS'], attendanceListIncluded: true });

/** A meeting arranged, invited and held, with minutes approved. */
export const heldAndApproved: ReadonlyArray<MeetingEvent> = [
  scheduled(),
  listSubmitted(),
  attended(),
  drafted(),
  approved(),
];
