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
  decideWhen,
  defineEvent,
  IsoInstant,
  personal,
  primarySubject,
  guard,
  smallModule,
  type CommandOf,
  type EventOf,
} from '@aimline/kernel';
import { CASE_NOTE_HEADING } from '../derive.js';
import { defaultPanelPolicy, routeOf, type PanelPolicy } from '../policy.js';
import { Child, NonEmptyString, Professional, Rating, ReferralId, SittingId } from '../values.js';

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
export type LocalityEvent = EventOf<typeof events>;
export type LocalityCommand = CommandOf<typeof commands>;

export type LocalityState =
  | { readonly status: 'none' }
  | { readonly status: 'received'; readonly referral: LocalityEvent['data'] };

/** A route the locality receives: one of the panel's routes, opening no HSB AIM case (PNL-6). */
export const isLocalityRoute = (policy: PanelPolicy, route: string): boolean =>
  routeOf(policy, route)?.opensHsbAimCase === false;

/** The module under `policy`, with `receivesRoute(route)`: whether a decision for it comes here. */
export const panelLocalityModule = (policy: PanelPolicy = defaultPanelPolicy) => ({
  ...smallModule('panel-locality', 'referralId', {
    commands,
    events,
    initialState: { status: 'none' },
    decide: (c, s: LocalityState) =>
      decideWhen(
        [
          guard(
            'STATE',
            `referral ${c.data.referralId} is already received`,
            'data.referralId',
            () => {
              return s.status !== 'none';
            },
          ),
          guard(
            'PNL-6',
            `route ${c.data.route} does not return to the locality`,
            'data.route',
            () => {
              return !isLocalityRoute(policy, c.data.route);
            },
          ),
        ],
        () =>
          accept<LocalityEvent>({
            type: 'ReferralReceivedFromPanel',
            data: { ...c.data, at: c.at, caseNoteHeading: CASE_NOTE_HEADING },
          }),
      ),
    evolve: (_s, e): LocalityState => ({ status: 'received', referral: e.data }),
    phases: { ReferralReceivedFromPanel: 'decision' },
  }),
  /** Whether a decision for `route` is sent back to the locality under this policy. */
  receivesRoute: (route: string) => isLocalityRoute(policy, route),
});
export type PanelLocalityModule = ReturnType<typeof panelLocalityModule>;

const underDefaultPolicy = panelLocalityModule();
export const { events: localityEvents, commands: localityCommands } = underDefaultPolicy;
export const { prefix: LOCALITY_STREAM_PREFIX, of: localityStream } = underDefaultPolicy.streams;
