import * as E from 'fp-ts/lib/Either.js';
import { randomUUID } from 'node:crypto';
import {
  describeCommandFailure,
  type Actor,
  type CommandHandler,
  type EventStore,
  type RecordedEvent,
} from '@aimline/kernel';
import { authorise } from '../principals/authorise.js';
import type { CommandPolicy } from '../principals/command-policy.js';
import type { GovernanceError } from '../principals/errors.js';
import type { Principal } from '../principals/principal.js';
import { erasureModule, erasureStream, type ErasureCommand } from './erasure-module.js';
import { isKeyError } from './key-errors.js';
import type { ErasureRecord, KeyVault } from './key-vault.js';
import { erasuresMissingFromStore } from './reconcile-erasures.js';

export interface ErasureOutcome {
  readonly subjectRef: string;
  /** `destroyed`: the key was destroyed now; `already-destroyed`: by an earlier erasure. */
  readonly key: 'destroyed' | 'already-destroyed';
  /** The `PersonalDataErased` event (recorded now, or the one recorded the first time). */
  readonly event: RecordedEvent | undefined;
}

export interface EraseRequest {
  readonly vault: KeyVault;
  /** A command handler over the event store (the raw or the encrypting one: the event holds no personal data). */
  readonly handler: CommandHandler;
  readonly actor: Actor;
  /** When the key is destroyed (an ISO-8601 instant from the caller's clock). */
  readonly at: string;
}

export class ErasureNotRecorded extends Error {
  constructor(
    readonly subjectRef: string,
    why: string,
  ) {
    super(
      `the key of subject ${subjectRef} is destroyed, but its PersonalDataErased event could not be recorded: ${why}. Run erase again (or "erase --pending") to record it`,
    );
    this.name = 'ErasureNotRecorded';
  }
}

/**
 * Refused before anything is destroyed: the key vault holds neither a key nor a record of erasure
 * for the person, so nothing about them was ever stored (a mistyped id). Erasing them would
 * report a key destroyed while the person meant keeps every field, and would bar the id from any
 * future record.
 */
export class NothingHeldAbout extends Error {
  constructor(
    readonly person: string,
    readonly subjectRef: string,
  ) {
    super(
      `no personal data of that person is held (subject ${subjectRef}: no key and no erasure in the key vault), so there is nothing to erase; nothing was destroyed or recorded. Check the person id`,
    );
    this.name = 'NothingHeldAbout';
  }
}

/** Whether the vault holds a key, or a record of erasure, for the subject. */
const holdsDataOf = async (vault: KeyVault, ref: string): Promise<boolean> => {
  try {
    await vault.readingKey(ref);
    return true;
  } catch (e) {
    if (isKeyError(e) && e.kind === 'SubjectKeyMissing') return false;
    throw e;
  }
};

/**
 * What an erasure is of: one subject (by reference: the erasure's stream), or no one person in
 * particular (pending erasures, a retention schedule's), said by a `label` that a refusal names,
 * e.g. `'erase --pending: recording the erasures a crash left half-finished'`.
 */
export type ErasureOf = { readonly subjectRef: string } | { readonly label: string };

/**
 * Whether `principal` may erase under the command policy: the grant of `RecordErasure` in
 * `personal-data-erasure` (the default policy gives it to the records manager only), checked
 * before any key is destroyed. An erasure of no one person is checked on a stand-in stream,
 * which a refusal never names: it names the erasure's `label`.
 */
export const erasureGrant = (
  policy: CommandPolicy,
  principal: Principal,
  of: ErasureOf,
): E.Either<GovernanceError, unknown> =>
  authorise(
    policy,
    principal,
    erasureModule.name,
    'RecordErasure',
    erasureStream('subjectRef' in of ? of.subjectRef : '(pending erasures)'),
    'label' in of ? of.label : undefined,
  );

/** Records the event for an erasure whose key is already destroyed, and marks it recorded. */
const record = async (
  request: EraseRequest,
  erasure: ErasureRecord,
): Promise<RecordedEvent | undefined> => {
  const command: ErasureCommand = {
    type: 'RecordErasure',
    at: request.at,
    actor: request.actor,
    data: {
      subjectRef: erasure.subjectRef,
      reason: erasure.reason,
      keyDestroyedAt: erasure.keyDestroyedAt,
    },
  };
  const result = await request.handler.handle(erasureModule, { commandId: randomUUID(), command });
  if (E.isLeft(result))
    throw new ErasureNotRecorded(erasure.subjectRef, describeCommandFailure(result.left));
  request.vault.markRecorded(erasure.subjectRef, request.at);
  // No event when it was recorded before (erased twice, or a crash after recording): that one stands.
  return result.right.events[0];
};

/**
 * Erases a person by crypto-shredding: destroys their data key in the vault first, then records
 * `PersonalDataErased`. Idempotent. If the process stops in between, the vault holds the
 * erasure as pending: `pendingErasures` lists it, and `finishPendingErasures` (or erasing the
 * same person again) records it. A person of whom nothing is held is refused before anything is
 * destroyed (`NothingHeldAbout`).
 */
export const erasePerson = async (
  request: EraseRequest,
  person: string,
  reason: string,
): Promise<ErasureOutcome> => {
  const ref = request.vault.subjectRef(person);
  if (!(await holdsDataOf(request.vault, ref))) throw new NothingHeldAbout(person, ref);
  const key = request.vault.destroyKey(ref, reason, request.at);
  const erasure = request.vault.erasure(ref)!;
  const event = await record(request, erasure);
  return { subjectRef: ref, key, event };
};

/**
 * Records every erasure whose key was destroyed but whose event is missing: pending in the vault
 * (a crash in between), and, given the event store, recorded in the vault but missing from the
 * store (an event store restored from a backup taken before them: `erasuresMissingFromStore`),
 * which are recorded again with the reason and instant the vault holds.
 */
export const finishPendingErasures = async (
  request: EraseRequest,
  store?: EventStore,
): Promise<ReadonlyArray<ErasureOutcome>> => {
  const done: ErasureOutcome[] = [];
  const missing = store === undefined ? [] : await erasuresMissingFromStore(store, request.vault);
  for (const erasure of [...request.vault.pendingErasures(), ...missing])
    done.push({
      subjectRef: erasure.subjectRef,
      key: 'already-destroyed',
      event: await record(request, erasure),
    });
  return done;
};
