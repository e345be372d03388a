/** The commands of an invented child-protection HSB case, at the times given. */
import { formatInstant, instantMs } from '@aimline/calendar';
import type { HsbCommand } from '@aimline/hsb-aim';

export interface CaseTimes {
  /** When the concern was reported (the disclosure an hour before). */
  readonly reportAt: string;
  readonly strategyAt: string;
  readonly allocatedAt: string;
  /** The initial joint supervision, if it has happened. */
  readonly supervisedAt?: string;
  /** The initial AIM meeting's start, booked 30 minutes after the initial supervision. */
  readonly meetingStart?: string;
}

const plus = (iso: string, minutes: number): string =>
  formatInstant(instantMs(iso) + minutes * 60_000);

// Invented people only.
const actor = { id: 'sw-prop-1', role: 'social worker', agency: 'childrens-social-care' };
const cmd = (type: string, at: string, data: Record<string, unknown>): HsbCommand =>
  ({ type, at, actor, data: { caseId: 'case-prop', ...data } }) as unknown as HsbCommand;

export const exampleCase = (t: CaseTimes): HsbCommand[] => {
  const year = Number(t.reportAt.slice(0, 4));
  const commands: HsbCommand[] = [
    cmd('ReportConcern', t.reportAt, {
      disclosedAt: plus(t.reportAt, -60),
      behaviourDate: plus(t.reportAt, -2 * 24 * 60).slice(0, 10),
      child: { childId: 'child-p', name: 'Avery Inventedchild', dateOfBirth: `${year - 13}-06-15` },
      notifications: {
        childrensSocialCare: plus(t.reportAt, -50),
        police: plus(t.reportAt, -40),
      },
      summary: 'Invented summary.',
    }),
    cmd('HoldStrategyDiscussion', t.strategyAt, {
      discussionId: 'sd-p',
      forChild: 'alleged-child',
      participants: [
        { id: 'pc-p', name: 'Officer Lane Unreal', role: 'officer', agency: 'police' },
        { id: 'sw-p', name: 'Bo Madeup', role: 'social worker', agency: 'childrens-social-care' },
        {
          id: 'yos-p',
          name: 'Cam Notreal',
          role: 'YOS officer',
          agency: 'youth-offending-service',
        },
      ],
    }),
    cmd('DecideRoute', plus(t.strategyAt, 30), {
      route: 'child-protection',
      temporaryRiskStrategy: 'Invented interim plan.',
    }),
    cmd('DecideSection47', plus(t.strategyAt, 60), {
      section47: true,
      assessmentCommissioned: true,
    }),
    cmd('AllocateAssessors', t.allocatedAt, {
      model: 'AIM2',
      assessors: [
        {
          id: 'as-p1',
          name: 'Dale Samplename',
          agency: 'childrens-social-care',
          trainedIn: ['AIM2'],
          qualification: 'social-work',
        },
        {
          id: 'as-p2',
          name: 'Fran Placeholder',
          agency: 'youth-offending-service',
          trainedIn: ['AIM2'],
          qualification: 'none',
        },
      ],
    }),
  ];
  if (t.supervisedAt !== undefined) {
    commands.push(
      cmd('HoldSupervision', t.supervisedAt, {
        kind: 'initial',
        attendees: ['as-p1', 'as-p2', 'mgr-p'],
        overseeingManager: { id: 'mgr-p', agency: 'childrens-social-care' },
        rolesAgreed: 'Invented: roles agreed.',
      }),
    );
    if (t.meetingStart !== undefined)
      commands.push(
        cmd('BookInitialAimMeeting', plus(t.supervisedAt, 30), {
          meetingId: 'mtg-p',
          start: t.meetingStart,
          // MTG-1: the meeting's own stream is scheduled with these
          arrangements: {
            end: plus(t.meetingStart, 120),
            chair: {
              id: 'iro-p',
              name: 'Jo Inventedchair',
              role: 'IRO',
              agency: 'childrens-social-care',
            },
            leadProfessional: { ...actor, name: 'Sam Inventedlead' },
            location: { mode: 'venue', venue: 'Room 1, Invented House' },
          },
        }),
      );
  }
  return commands;
};
