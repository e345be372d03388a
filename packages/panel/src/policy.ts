/**
 * The council's panel policy (PNL-1 … PNL-11, NAT-9): the sitting pattern, times, venue,
 * timescales, age range, traffic-light bands and intervention routes. `defaultPanelPolicy`
 * holds the values of the terms of reference (seed 003); a council loads its overrides from
 * JSON through `PanelPolicyCodec`.
 */
import * as t from 'io-ts';
import { AgeBandCodec } from '@aimline/calendar';

const HhMm = t.refinement(t.string, (s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), 'HhMm');
const PositiveInt = t.refinement(t.number, (n) => Number.isInteger(n) && n > 0, 'PositiveInt');
const NonNegativeInt = t.refinement(
  t.number,
  (n) => Number.isInteger(n) && n >= 0,
  'NonNegativeInt',
);

/** A Brook traffic-light age band (NAT-9): its id and the calendar's age band (inclusive). */
export const BrookBandCodec = t.intersection([t.type({ id: t.string }), AgeBandCodec], 'BrookBand');
export type BrookBand = t.TypeOf<typeof BrookBandCodec>;

/** An intervention route the panel can decide (PNL-6), and whether it opens an HSB AIM case. */
export const RouteDefinitionCodec = t.type(
  { id: t.string, label: t.string, opensHsbAimCase: t.boolean },
  'RouteDefinition',
);
export type RouteDefinition = t.TypeOf<typeof RouteDefinitionCodec>;

/** A seat on the panel (PNL-2). */
export const PanelRoleCodec = t.type({ id: t.string, title: t.string }, 'PanelRole');
export type PanelRole = t.TypeOf<typeof PanelRoleCodec>;

export const PanelPolicyCodec = t.type(
  {
    /** PNL-1: the nth (1-4) ISO weekday (1 = Monday) of each month. */
    sittingWeekday: t.union([t.literal(1), t.literal(2), t.literal(3), t.literal(4), t.literal(5)]),
    sittingOccurrence: t.union([t.literal(1), t.literal(2), t.literal(3), t.literal(4)]),
    /** PNL-1: local Europe/London times. */
    sittingStart: HhMm,
    sittingEnd: HhMm,
    defaultVenue: t.string,
    /** PNL-4: papers reach members this many working days before the sitting. */
    papersWorkingDaysBefore: NonNegativeInt,
    /** PNL-7: minutes distributed within this many working days of the sitting. */
    minutesWorkingDays: PositiveInt,
    /** PNL-10: red and amber cases reviewed at least every this many weeks. */
    reviewWeeks: PositiveInt,
    /** Ratings that need periodic review (PNL-10). */
    reviewedRatings: t.array(t.union([t.literal('red'), t.literal('amber'), t.literal('green')])),
    /** PNL-3: ages (whole years on the day of referral), inclusive. */
    ageRange: AgeBandCodec,
    /** NAT-9: the Brook bands, youngest first. */
    brookBands: t.array(BrookBandCodec),
    /** NAT-9: at an age on the edge of two bands, which one is the default. */
    edgeAgeBand: t.union([t.literal('older'), t.literal('younger')]),
    /** PNL-6 */
    routes: t.array(RouteDefinitionCodec),
    /** PNL-2: the seats, with the chair and co-chair role ids. */
    roles: t.array(PanelRoleCodec),
    chairRole: t.string,
    coChairRole: t.string,
  },
  'PanelPolicy',
);
export type PanelPolicy = t.TypeOf<typeof PanelPolicyCodec>;

export const defaultPanelPolicy: PanelPolicy = {
  sittingWeekday: 1,
  sittingOccurrence: 1,
  sittingStart: '13:00',
  sittingEnd: '17:00',
  defaultVenue: 'Riverside Family Hub, Sorrell Road, Grimsby',
  papersWorkingDaysBefore: 7,
  minutesWorkingDays: 7,
  reviewWeeks: 12,
  reviewedRatings: ['red', 'amber'],
  ageRange: { from: 5, to: 18 },
  brookBands: [
    { id: '0-5', from: 0, to: 5 },
    { id: '5-9', from: 5, to: 9 },
    { id: '9-13', from: 9, to: 13 },
    { id: '13-17', from: 13, to: 25 },
  ],
  edgeAgeBand: 'older',
  routes: [
    {
      id: 'advice-and-signposting',
      label: 'Advice and signposting, no further panel action',
      opensHsbAimCase: false,
    },
    { id: 'early-help', label: 'Early help / team around the child', opensHsbAimCase: false },
    {
      id: 'community-intervention',
      label: 'Early community-based assessment and intervention',
      opensHsbAimCase: true,
    },
    { id: 'aim-assessment', label: 'AIM assessment', opensHsbAimCase: true },
    {
      id: 'treatment-programme',
      label: 'Intensive intervention / treatment programme',
      opensHsbAimCase: true,
    },
  ],
  roles: [
    { id: 'chair', title: 'Specialist Locality Lead (chair)' },
    {
      id: 'co-chair',
      title: "Advanced practitioner social work, CASS children's safeguarding service (co-chair)",
    },
    { id: 'business-support', title: 'Business support' },
    { id: 'youth-offending', title: 'Youth Offending Service' },
    { id: 'early-help', title: 'Supervisor, prevention and early help' },
    { id: 'clinical-psychology', title: 'Clinical psychologist, Young Minds Matter' },
    { id: 'police', title: 'Police officer, Vulnerable Persons Unit' },
    { id: 'safeguarding-nurse', title: "Specialist safeguarding children's nurse" },
    { id: 'alternative-education', title: 'Alternative education' },
    { id: 'access-and-inclusion', title: 'Group manager, access and inclusion' },
    { id: 'sen', title: 'Service manager, SEN' },
    { id: 'safeguarding-team-manager', title: 'Safeguarding team manager, local authority' },
  ],
  chairRole: 'chair',
  coChairRole: 'co-chair',
};

/** The route definition of a route id, if the policy knows it. */
export const routeOf = (policy: PanelPolicy, id: string): RouteDefinition | undefined =>
  policy.routes.find((r) => r.id === id);
