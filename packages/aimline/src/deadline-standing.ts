/**
 * The deadline path (issue 13 item 2): where a principal's deadlines stand is worked out from
 * the whole history of the streams they may read any part of (`obligationsOf` the view), and
 * shown only as they are entitled (`entitledDeadlines`): a deadline their own view opens, with
 * the whole history's standing (one met by an event they may not see is met, not open), and
 * nothing of a withheld event but that standing and when. Besides the CLI's `deadlines`, this
 * is the only code that opens it (ESLint's obligations guard, `eslint.config.js`):
 * whatever else it reads of the whole history never leaves it.
 */
import { isDeepStrictEqual } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import type { Deadline, InstantInput } from '@aimline/calendar';
import {
  collect,
  type AnyDomainModule,
  type Command,
  type DomainEvent,
  type DomainModule,
  type EventStore,
  type PersonalDataUse,
  type RecordedEvent,
  type Rejection,
} from '@aimline/kernel';
import { entitledDeadlines, entitledStatus } from '@aimline/governance';
import { obligationsOf, type PrincipalView } from './reads.js';
import {
  caseTimeline,
  damageLocation,
  recordedBy,
  toldTo,
  unreadableEvent,
  type CaseTimeline,
  type ToldDamage,
  type EventDecoder,
  type TimelineEntry,
} from '@aimline/projections';

const toIso = (asOf: InstantInput): string => (typeof asOf === 'string' ? asOf : asOf.iso);

/**
 * What the principal reads of a stream: a principal view (`principalView`, made by the read
 * seam from a need-to-know reader), whose whole history their deadlines stand on
 * (`obligationsOf`). A store is no principal view: the compiler refuses it.
 */
export type StandingView = PrincipalView;

/** One deadline as a timeline entry names it: the same obligation in both workings. */
const idOf = (d: Pick<Deadline, 'ruleId' | 'label' | 'due'>): string =>
  JSON.stringify([d.ruleId, d.label, d.due]);

/**
 * The deadlines of `own` (folded from what the principal may see) as the whole history of the
 * stream says they stand (`whole`), both judged at `asOf` (`entitledDeadlines`).
 */
export const standingOf = (
  stream: string,
  own: ReadonlyArray<Deadline>,
  whole: ReadonlyArray<Deadline>,
): Deadline[] =>
  entitledDeadlines(
    own.map((deadline) => ({ stream, deadline })),
    whole.map((deadline) => ({ stream, deadline })),
  ).map(({ deadline }) => deadline);

/**
 * The principal's timeline (`own`: the entries they may see) with deadlines as the whole history
 * (`whole`, judged at the same instant) says they stand. Its deadlines are `standingOf`; each
 * entry opens the deadlines both workings say it opened, and settles those the whole history
 * says it settled among the deadlines shown (a waiver's reason their own view does not give
 * reads `SETTLED_OUT_OF_VIEW`). A deadline a withheld event settled is settled in the deadlines,
 * by no entry they see.
 */
export const entitledTimeline = (own: CaseTimeline, whole: CaseTimeline): CaseTimeline => {
  const deadlines = standingOf(own.stream, own.deadlines, whole.deadlines);
  const shown = new Set(deadlines.map(idOf));
  const wholeAt = new Map(whole.entries.map((e) => [e.revision, e]));
  const entries: TimelineEntry[] = own.entries.map((e) => {
    const w = wholeAt.get(e.revision);
    const opened = new Set(e.opened.map(idOf));
    const settledInView = new Map(e.settled.map((d) => [idOf(d), d.status]));
    return {
      ...e,
      opened: (w?.opened ?? []).filter((d) => opened.has(idOf(d))),
      settled: (w?.settled ?? [])
        .filter((d) => shown.has(idOf(d)))
        .map((d) => ({ ...d, status: entitledStatus(d.status, settledInView.get(idOf(d))) })),
    };
  });
  const phases: Record<string, TimelineEntry[]> = {};
  for (const e of entries) (phases[e.phase] ??= []).push(e);
  return { ...own, entries, phases, deadlines };
};

/**
 * One stream's timeline as the principal may see it (`view`), with deadlines standing as the
 * whole history says (`entitledTimeline`), both judged at `asOf` or, without it, when the
 * stream's last entry was recorded (the whole history's: a deadline met after the principal's
 * last visible entry is met). A stream whose whole history cannot be read through keeps the
 * principal's own working for its entries and deadlines, and its damage is in `damage`, as the
 * principal is told of it (`toldTo`: located where their view shows the event, else the stream
 * alone): a read that reports it reports the same corrupt history as `standingDeadlines`.
 * `damage` is every event of either working that did not decode or fold, told so (empty: none).
 * `judgedAt` is the instant the deadlines stand at (undefined: an empty stream); `seen`, how many
 * events of the stream the principal's view gave (0: they may see nothing of it). Both reads open
 * only what the module's deadlines are worked out from (`DomainModule.deadlinePersonalData`): a
 * timeline shows no personal value (entries by type, when, who by role and agency; deadlines),
 * so every other personal field stays closed (`[withheld:…]`, not decrypted). The principal's
 * read is in the access log whatever it opened (a read of the case). Each fold works every deadline out again after each event (to say
 * which entry opened and settled which); when the principal's view gives the whole stream as it
 * is, their working is the whole history's, so it is folded once.
 */
export const standingTimeline = async (
  view: StandingView,
  decode: EventDecoder,
  module: AnyDomainModule,
  stream: string,
  asOf?: InstantInput,
): Promise<{
  readonly timeline: CaseTimeline;
  readonly judgedAt: string | undefined;
  readonly seen: number;
  readonly damage: ReadonlyArray<ToldDamage>;
}> => {
  const ownEvents = await eventsOf(view, stream, module.deadlinePersonalData);
  const wholeEvents = await eventsOf(obligationsOf(view), stream, module.deadlinePersonalData);
  const seen = ownEvents.length;
  const whole = await caseTimeline(replaying(wholeEvents), decode, module, stream, asOf);
  const at = (t: CaseTimeline) => (asOf === undefined ? t.entries.at(-1)?.recordedAt : toIso(asOf));
  const told = (...timelines: CaseTimeline[]) =>
    toldOnce(timelines.flatMap((t) => t.unreadable.map((u) => toldTo(view, u))));
  // The principal's view gives the whole history as it is (e.g. an auditor, or a worker
  // allocated the case): their own working would be the same fold, so it is folded once.
  if (sameEvents(ownEvents, wholeEvents))
    return { timeline: whole, judgedAt: at(whole), seen, damage: told(whole) };
  if (whole.unreadable.length > 0) {
    const own = await caseTimeline(replaying(ownEvents), decode, module, stream, asOf);
    return { timeline: own, judgedAt: at(own), seen, damage: told(own, whole) };
  }
  const judgedAt = at(whole);
  const own = await caseTimeline(replaying(ownEvents), decode, module, stream, judgedAt);
  return { timeline: entitledTimeline(own, whole), judgedAt, seen, damage: told(own) };
};

/** Each damaged event told once (both workings may meet it; out of view, once per stream). */
const toldOnce = (damage: ReadonlyArray<ToldDamage>): ToldDamage[] => [
  ...new Map(damage.map((d) => [`${damageLocation(d)}\u0000${d.why}`, d])).values(),
];

/** A stream's events as `source` gives them, opening only `personalData`. */
const eventsOf = (
  source: Pick<EventStore, 'readStream'>,
  stream: string,
  personalData: PersonalDataUse,
): Promise<RecordedEvent[]> => collect(source.readStream(stream, { personalData }));

/** Events already read, read again (by `caseTimeline`). */
const replaying = (events: ReadonlyArray<RecordedEvent>): Pick<EventStore, 'readStream'> => ({
  readStream: async function* () {
    yield* events;
  },
});

/** The same events, member for member (the principal's view withholds nothing of them). */
const sameEvents = (a: ReadonlyArray<RecordedEvent>, b: ReadonlyArray<RecordedEvent>): boolean =>
  a.length === b.length && a.every((e, i) => isDeepStrictEqual(e, b[i]));

/**
 * The deadlines of a case whose state the principal's own view folds to `own`, standing as the
 * stream's whole history, recorded by `asOf`, says (`standingOf`). Left: an event of the whole
 * history that the module cannot decode, as the principal is told of it (`toldTo`): located
 * when their view shows it, else the stream alone (its type and place are not theirs to learn).
 */
export const standingDeadlines = async <C extends Command, Ev extends DomainEvent, S>(
  view: StandingView,
  module: DomainModule<C, Ev, S, Rejection>,
  stream: string,
  own: S,
  asOf: string,
): Promise<E.Either<ToldDamage, Deadline[]>> => {
  const known = recordedBy(asOf);
  let whole = module.decider.initialState;
  for await (const recorded of obligationsOf(view).readStream(stream)) {
    if (!known(recorded)) continue;
    const event = module.events.decode(recorded);
    if (E.isLeft(event)) return E.left(toldTo(view, unreadableEvent(recorded, event.left.message)));
    whole = module.decider.evolve(whole, event.right);
  }
  return E.right(standingOf(stream, module.deadlines(own, asOf), module.deadlines(whole, asOf)));
};
