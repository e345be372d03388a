/**
 * HSB-25 contact, source 000: "Young person to be seen weekly as a minimum – if intensive, to be
 * twice weekly". A rolling obligation from the agreed plan and from each contact, met by the next
 * contact. Custody pauses it (001: "an AIM2 assessment/intervention may not always be able to be
 * completed during the custodial element of a sentence"): an obligation running when custody
 * starts, or starting during custody, is waived ("in custody"); release starts a new one, and
 * "work … started in custody … should be continued on release".
 */
import { compareInstants, type DeadlineSpec } from '@aimline/calendar';
import type { HsbPolicy } from './policy.js';
import type { OpenCase } from './state.js';

interface Point {
  readonly at: string;
  readonly event: string;
  /** The index of the contact this point is, or -1 for the plan and releases. */
  readonly contact: number;
}

export const contactDeadlines = (s: OpenCase, policy: HsbPolicy): DeadlineSpec[] => {
  const iv = s.intervention;
  const plan = iv.planAgreedAt;
  if (plan === undefined) return [];
  const periods = s.criminal.custodyPeriods ?? [];
  const releases = periods.flatMap((p) =>
    p.to !== undefined && compareInstants(p.to, plan) > 0 ? [p.to] : [],
  );
  const points: Point[] = [
    { at: plan, event: 'InitialAimMeetingHeld', contact: -1 },
    ...iv.contacts.map((c, i) => ({ at: c.at, event: 'ContactRecorded', contact: i })),
    ...releases.map((at) => ({ at, event: 'ReleasedFromCustody', contact: -1 })),
  ].sort((a, b) => compareInstants(a.at, b.at));
  return points.flatMap((p): DeadlineSpec[] => {
    const metIndex =
      p.contact >= 0
        ? p.contact + 1
        : iv.contacts.findIndex((c) => compareInstants(c.at, p.at) >= 0);
    const met = metIndex >= 0 ? iv.contacts[metIndex] : undefined;
    if (met === undefined && iv.endedAt !== undefined) return [];
    const custody = periods.find((c) =>
      compareInstants(c.from, p.at) >= 0
        ? met === undefined || compareInstants(c.from, met.at) < 0
        : c.to === undefined || compareInstants(c.to, p.at) > 0,
    );
    const intensive = met?.intensive ?? iv.intensive;
    return [
      {
        ruleId: 'HSB-25',
        label: intensive ? 'Contact (intensive: twice weekly)' : 'Contact (weekly)',
        trigger: { event: p.event, at: p.at },
        unit: 'calendarDays',
        amount: intensive ? policy.intensiveContactIntervalDays : policy.contactIntervalDays,
        metAt: met?.at,
        ...(custody === undefined
          ? {}
          : {
              waived: {
                reason: 'in custody',
                at: compareInstants(custody.from, p.at) >= 0 ? custody.from : p.at,
              },
            }),
      },
    ];
  });
};
