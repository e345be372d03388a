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
  defineEvent,
  smallModule,
  IsoInstant,
  type CommandOf,
  type EventOf,
} from '@aimline/kernel';

const SubjectRef = t.refinement(t.string, (s) => /^[0-9a-f]{32}$/.test(s), 'SubjectRef');
const Reason = t.refinement(t.string, (s) => s.trim().length > 0 && s.length <= 500, 'Reason');

const ErasureData = t.strict({
  subjectRef: SubjectRef,
  reason: Reason,
  keyDestroyedAt: IsoInstant,
});

const events = { PersonalDataErased: defineEvent(ErasureData) };
const commands = { RecordErasure: ErasureData };

export type ErasureCommand = CommandOf<typeof commands>;
export type ErasureEvent = EventOf<typeof events>;
export interface ErasureState {
  readonly erased: boolean;
}

/** Records an erasure once: recording it again (a retry, a second `erase`) changes nothing. */
export const erasureModule = smallModule('personal-data-erasure', 'subjectRef', {
  commands,
  events,
  initialState: { erased: false },
  decide: (command, state) =>
    state.erased ? E.right([]) : accept({ type: 'PersonalDataErased', data: command.data }),
  evolve: (): ErasureState => ({ erased: true }),
  phases: { PersonalDataErased: 'erasure' },
});
export type ErasureModule = typeof erasureModule;
export const erasureEvents = erasureModule.events;
export const erasureCommands = erasureModule.commands;

export const { prefix: ERASURE_STREAM_PREFIX, of: erasureStream } = erasureModule.streams;
