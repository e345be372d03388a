/**
 * The initial AIM meeting of an HSB case in its own meeting stream (`@aimline/meetings`,
 * MTG-1 … MTG-9): the booking names its arrangements; a process manager schedules the
 * meeting stream from it; business support sends the invitations; the AIM report reaches the
 * chair there (MTG-5: one record, the case is told); the attendance sheet is recorded there
 * (MTG-6: the case is told, and holding the meeting on the case is checked against it); the
 * minutes are drafted, approved by the chair, distributed, uploaded and the hard copies destroyed.
 */
import type { MeetingArrangements } from '@aimline/hsb-aim';
import type { Agency } from '@aimline/kernel';
import type { MeetingCommand } from '@aimline/meetings';
import type { CommandWriter } from '../case-writer.js';
import { inventName } from '../invented-people.js';
import { type Day, H, instant, plusMinutes, wd } from '../london-time.js';
import type { CaseFacts } from './plan.js';
import type { Pro } from './staff.js';

/** Who the meeting brings together: its chair, the lead professional, and the IRO if one attends. */
export interface MeetingPeople {
  readonly chair: Pro;
  readonly lead: Pro;
  /** The IRO present (the chair, for a looked-after child), or undefined. */
  readonly iro: Pro | undefined;
}

const professional = (p: Pro) => ({ id: p.id, name: p.name, role: p.role, agency: p.agency });

/** MTG-1: the arrangements the booking names (a two-hour meeting at an invented venue). */
export const meetingArrangements = (start: string, people: MeetingPeople): MeetingArrangements => ({
  end: plusMinutes(start, 120),
  chair: professional(people.chair),
  leadProfessional: professional(people.lead),
  location: { mode: 'venue', venue: 'Meeting room 2, Invented Family Centre' },
});

/** The meeting stream of a case: its writer, id and people. */
export type MeetingOf = {
  readonly m: CommandWriter<MeetingCommand>;
  readonly meetingId: string;
  readonly people: MeetingPeople;
};

/** MTG-2 … MTG-6: invitations, the AIM report to the chair, and the attendance sheet. */
export const arrangeMeeting = (
  f: CaseFacts,
  { m, meetingId, people }: MeetingOf,
  days: { readonly booked: Day; readonly report: Day; readonly start: string },
): void => {
  const { rng, clock, plan, child } = f;
  const bs = rng.pick(f.staff.businessSupport).actor;
  const parent = { id: `par-${plan.caseId}`, name: inventName(rng) };
  const invitees = [
    {
      id: parent.id,
      name: parent.name,
      role: 'parent',
      party: 'family-member' as const,
      contact: { post: '12 Invented Close, Testtown' },
    },
    {
      id: `yp-${plan.caseId}`,
      name: child.name,
      role: 'young person',
      party: 'young-person' as const,
      contact: { post: '12 Invented Close, Testtown' },
    },
    ...(people.iro !== undefined && people.iro !== people.chair
      ? [
          {
            id: people.iro.id,
            name: people.iro.name,
            role: people.iro.role,
            party: 'professional' as const,
            agency: people.iro.agency,
            contact: { email: `${people.iro.id}@invented.example` },
          },
        ]
      : []),
  ];
  const day = wd(clock, days.booked, 1);
  m.write('SubmitInviteList', instant(day, H(10)), people.lead.actor, { meetingId, invitees });
  for (const i of invitees) {
    m.write('ConfirmContactDetails', instant(day, H(11)), bs, {
      meetingId,
      inviteeId: i.id,
      checkedAgainst: 'ICS',
    });
    m.write('SendInvitation', instant(day, H(14)), bs, {
      meetingId,
      inviteeId: i.id,
      channel: i.contact.email === undefined ? 'post' : 'email',
    });
  }
  m.write('SubmitReportToChair', instant(days.report, H(11, 30)), people.lead.actor, {
    meetingId,
    reportKind: 'aim-report',
    author: { id: people.lead.id, role: people.lead.role, agency: people.lead.agency },
  });
  const present = (p: { id: string; name: string; role: string }, agency?: Agency) => ({
    personId: p.id,
    name: p.name,
    role: p.role,
    status: 'present' as const,
    detailsReconfirmed: true,
    ...(agency === undefined ? {} : { agency }),
  });
  const pros = [people.chair, people.lead, people.iro].filter(
    (p, i, all): p is Pro => p !== undefined && all.indexOf(p) === i,
  );
  m.write('RecordAttendance', plusMinutes(days.start, 5), bs, {
    meetingId,
    attendees: [
      ...pros.map((p) => present(p, p.agency)),
      present({ ...parent, role: 'parent' }),
      present({ id: `yp-${plan.caseId}`, name: child.name, role: 'young person' }),
    ],
  });
};

/** MTG-7 … MTG-9: the minutes after the meeting, approved by its chair, and the hard copies destroyed. */
export const minutesOfMeeting = (f: CaseFacts, { m, meetingId, people }: MeetingOf, held: Day) => {
  const { rng, clock } = f;
  const bs = rng.pick(f.staff.businessSupport).actor;
  const drafted = wd(clock, held, 1);
  m.write('SubmitDraftMinutes', instant(drafted, H(10)), bs, {
    meetingId,
    documentRef: `doc-minutes-${meetingId}`,
    actions: [
      {
        actionId: `${meetingId}-a1`,
        ownerId: people.lead.id,
        description: 'Start the agreed sessions with the young person (synthetic action).',
        due: { date: wd(clock, held, 10) },
      },
    ],
  });
  m.write('ApproveMinutes', instant(wd(clock, held, 2), H(11)), people.chair.actor, { meetingId });
  m.write('DistributeMinutes', instant(wd(clock, held, 2), H(15)), bs, { meetingId });
  m.write('UploadMinutes', instant(wd(clock, held, 3), H(10)), bs, {
    meetingId,
    systems: ['ICS'],
    attendanceListIncluded: true,
  });
  m.write('DestroyHardCopies', instant(wd(clock, held, 4), H(16)), bs, { meetingId });
};
