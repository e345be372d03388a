/**
 * The record of erasures: one stream per erased subject, `personal-data-erasure-{subjectRef}`,
 * with one `PersonalDataErased` event. It holds no personal data: the subject is named by its
 * reference (an HMAC under the key vault's index key, not the person id), the reason is the
 * rule or request that required it (say why, never who), and the instant the key was destroyed.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  accept,
  commandCatalogue,
  defineEvent,
  domainModule,
  eventCatalogue,
  prefixedStream,
  IsoInstant,
  timelinePhases,
  type Command,
  type Decider,
  type DomainEvent,
  type DomainModule,
  type Rejection,
} from '@aimline/kernel';

export const ERASURE_STREAM_PREFIX = 'personal-data-erasure-';
export const erasureStream = prefixedStream(ERASURE_STREAM_PREFIX);

const SubjectRef = t.refinement(t.string, (s) => /^[0-9a-f]{32}$/.test(s), 'SubjectRef');
const Reason = t.refinement(t.string, (s) => s.trim().length > 0 && s.length <= 500, 'Reason');

const ErasureData = t.strict({
  subjectRef: SubjectRef,
  reason: Reason,
  keyDestroyedAt: IsoInstant,
});

export const erasureEvents = eventCatalogue({ PersonalDataErased: defineEvent(ErasureData) });
export const erasureCommands = commandCatalogue({ RecordErasure: ErasureData });

export type ErasureCommand = Command<'RecordErasure', t.TypeOf<typeof ErasureData>>;
export type ErasureEvent = DomainEvent<'PersonalDataErased', t.TypeOf<typeof ErasureData>>;
export interface ErasureState {
  readonly erased: boolean;
}

export type ErasureModule = DomainModule<ErasureCommand, ErasureEvent, ErasureState, Rejection>;

/** Records an erasure once: recording it again (a retry, a second `erase`) changes nothing. */
const erasureDecider: Decider<ErasureCommand, ErasureEvent, ErasureState> = {
  initialState: { erased: false },
  decide: (command, state) =>
    state.erased ? E.right([]) : accept({ type: 'PersonalDataErased', data: command.data }),
  evolve: () => ({ erased: true }),
};

export const erasureModule: ErasureModule = domainModule('personal-data-erasure', 'subjectRef', {
  decider: erasureDecider,
  commands: erasureCommands,
  events: erasureEvents,
  timeline: timelinePhases<ErasureEvent, 'erasure'>(['erasure'], { PersonalDataErased: 'erasure' }),
});
