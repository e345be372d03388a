/**
 * The locality's record of a referral the panel sent back to it (stream
 * `panel-locality-{referralId}`): the panel decided a route that opens no HSB AIM case (PNL-6),
 * so the case stays with the locality services on "a continuum of responses … ranging from
 * early community based assessment and intervention with low risk cases" (003, Key Aims),
 * e.g. "early help / team around the child" (001, HSB-5), under the panel chaired by the
 * "Specialist Locality Lead" (003). What it receives is the decision and what the referral knew:
 * the child, the referrer, the concern, the route and rating, the sitting, and the case-note
 * heading the decision goes on the child's file under (PNL-8, "HSB AIM"). The `panel-to-locality`
 * process manager of `@aimline/processes` sends it. The sources say nothing of what the
 * locality records after that, so nothing more is modelled; no deadline opens here (PNL-10's
 * reviews of red and amber cases stay on the referral).
 */
import * as t from 'io-ts';
import {
  accept,
  commandCatalogue,
  defineEvent,
  domainModule,
  eventCatalogue,
  IsoInstant,
  personal,
  prefixedStream,
  primarySubject,
  refuse,
  timelinePhases,
  type CommandOf,
  type Decider,
  type DomainModule,
  type EventOf,
} from '@aimline/kernel';
import { CASE_NOTE_HEADING } from '../derive.js';
import { defaultPanelPolicy, routeOf, type PanelPolicy } from '../policy.js';
import { Child, NonEmptyString, Professional, Rating, ReferralId, SittingId } from '../values.js';

export const LOCALITY_STREAM_PREFIX = 'panel-locality-';
export const localityStream = prefixedStream(LOCALITY_STREAM_PREFIX);

const referral = {
  referralId: ReferralId,
  child: primarySubject(Child),
  referrer: Professional,
  concernSummary: personal(NonEmptyString, 'freeText'),
  route: NonEmptyString,
  rating: Rating,
  sittingId: SittingId,
};
const events = {
  ReferralReceivedFromPanel: defineEvent(
    t.type({ ...referral, at: IsoInstant, caseNoteHeading: t.literal(CASE_NOTE_HEADING) }),
  ),
};
const commands = { ReceiveReferralFromPanel: t.type(referral) };
export const localityEvents = eventCatalogue(events);
export const localityCommands = commandCatalogue(commands);
export type LocalityEvent = EventOf<typeof events>;
export type LocalityCommand = CommandOf<typeof commands>;

export type LocalityState =
  | { readonly status: 'none' }
  | { readonly status: 'received'; readonly referral: LocalityEvent['data'] };

/** A route the locality receives: one of the panel's routes, opening no HSB AIM case (PNL-6). */
export const isLocalityRoute = (policy: PanelPolicy, route: string): boolean =>
  routeOf(policy, route)?.opensHsbAimCase === false;

const localityDecider = (
  policy: PanelPolicy,
): Decider<LocalityCommand, LocalityEvent, LocalityState> => ({
  initialState: { status: 'none' },
  decide: (c, s) =>
    s.status !== 'none'
      ? refuse('STATE', `referral ${c.data.referralId} is already received`)
      : !isLocalityRoute(policy, c.data.route)
        ? refuse('PNL-6', `route ${c.data.route} does not return to the locality`, 'data.route')
        : accept<LocalityEvent>({
            type: 'ReferralReceivedFromPanel',
            data: { ...c.data, at: c.at, caseNoteHeading: CASE_NOTE_HEADING },
          }),
  evolve: (_s, e) => ({ status: 'received', referral: e.data }),
});

export const panelLocalityModule = (policy: PanelPolicy = defaultPanelPolicy) => {
  const module: DomainModule<LocalityCommand, LocalityEvent, LocalityState> = domainModule(
    'panel-locality',
    'referralId',
    {
      decider: localityDecider(policy),
      commands: localityCommands,
      events: localityEvents,
      timeline: timelinePhases(['decision'], { ReferralReceivedFromPanel: 'decision' }),
    },
  );
  /** Whether a decision for `route` is sent back to the locality under this policy. */
  return { ...module, receivesRoute: (route: string) => isLocalityRoute(policy, route) };
};
export type PanelLocalityModule = ReturnType<typeof panelLocalityModule>;
