/**
 * HSB-9: the lead agency, derived, never typed in.
 * - youth offending service where a criminal process is likely (criminal route, police trigger,
 *   court) or the young person is open to the YOS for a sexual offence (001, 002);
 * - children's social care where the child is under 10, has intellectual disabilities, or is on
 *   the child-protection route (001);
 * - joint where the YOS would lead and the young person also has a social worker (002), or both
 *   of the above hold.
 * HSB-30: after proceedings end (no further action, not guilty, withdrawn) and the case moves to
 * the child-protection route, the police or court commission is no longer a reason for the YOS.
 */
import { ageOn } from '@aimline/calendar';
import type { HsbPolicy } from './policy.js';
import type { OpenCase } from './state.js';
import type { LeadAgency } from './values.js';

export interface LeadAgencyDecision {
  readonly leadAgency: LeadAgency;
  readonly reason: string;
}

export const deriveLeadAgency = (
  s: OpenCase,
  at: string,
  policy: HsbPolicy,
): LeadAgencyDecision => {
  const route = s.route?.route;
  const yosReasons: string[] = [];
  // HSB-30: once criminal proceedings have ended, a police or court commission no longer makes
  // a criminal process likely.
  const proceedingsOpen = s.criminal.ended === undefined;
  if (route === 'criminal-justice' || route === 'both') yosReasons.push('criminal-justice route');
  if (proceedingsOpen && s.assessment.commissioned?.by === 'police')
    yosReasons.push('assessment triggered by the police');
  if (proceedingsOpen && s.assessment.commissioned?.by === 'court')
    yosReasons.push('assessment for a pre-sentence report');
  if (s.child.openToYosForSexualOffence)
    yosReasons.push('open to the youth offending service for a sexual offence');
  const cscReasons: string[] = [];
  if (ageOn(s.child.dateOfBirth, at) < policy.cscLeadsUnderAge)
    cscReasons.push(`child under ${policy.cscLeadsUnderAge}`);
  if (s.child.learningDisability) cscReasons.push('intellectual disability');
  if (route === 'child-protection') cscReasons.push('child-protection route');
  if (yosReasons.length > 0 && (s.child.socialWorkerId !== undefined || cscReasons.length > 0)) {
    const why = [
      ...yosReasons,
      ...(s.child.socialWorkerId !== undefined ? ['the young person has a social worker'] : []),
      ...cscReasons,
    ];
    return { leadAgency: 'joint', reason: `joint: ${why.join('; ')}` };
  }
  if (yosReasons.length > 0)
    return { leadAgency: 'youth-offending-service', reason: yosReasons.join('; ') };
  return {
    leadAgency: 'childrens-social-care',
    reason: cscReasons.length > 0 ? cscReasons.join('; ') : 'no criminal process: welfare AIM',
  };
};
