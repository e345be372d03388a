import * as E from 'fp-ts/lib/Either.js';
import {
  actorOf,
  erasePerson,
  erasureGrant,
  finishPendingErasures,
  NothingHeldAbout,
  ErasureNotRecorded,
} from '@aimline/governance';
import type { EraseRequest, ErasureOutcome } from '@aimline/governance';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';

export interface EraseOptions {
  readonly person?: string;
  readonly reason?: string;
  readonly pending?: boolean;
}

/**
 * The erasure request of the principal `--as` names, once the command policy grants them erasure
 * (of `subjectRef`, or of anyone); FORBIDDEN (exit 1) otherwise, before any key is destroyed. The
 * principal is recorded as the actor. An erasure of no one person in particular is refused in
 * plain words: what `command` erases (its label), never the stand-in stream it is checked on.
 */
export const grantedErasure = (rt: Runtime, command: string, subjectRef?: string): EraseRequest => {
  const { directory, principal } = rt.governance(command);
  const granted = erasureGrant(
    directory.commands,
    principal,
    subjectRef === undefined ? { label: erasingMany[command] ?? command } : { subjectRef },
  );
  if (E.isLeft(granted)) throw new CliError(granted.left.message, ExitCode.Failed);
  return { vault: rt.vault, handler: rt.handler(), actor: actorOf(principal), at: rt.clock() };
};

/** What an erasure of no one person in particular erases, in plain words, by the command that asks for it. */
const erasingMany: Readonly<Record<string, string>> = {
  'retention --apply': 'retention --apply: erasing everyone the retention schedule makes due',
  erase: 'erase --pending: recording the erasures a crash left half-finished',
};

const describe = (o: ErasureOutcome): string =>
  `subject ${o.subjectRef}: key ${o.key === 'destroyed' ? 'destroyed now' : 'already destroyed'}; PersonalDataErased ${
    o.event === undefined ? 'was already recorded' : `recorded at position ${o.event.position}`
  }`;

/**
 * `aimline erase --person ID --reason TEXT`: erasure by crypto-shredding (destroy the subject's
 * key, then record `PersonalDataErased`); `--pending` records the erasures a crash left
 * unrecorded. Idempotent. Runs as a principal the command policy lets erase (`--as`; by default
 * the records manager only), who is recorded as the actor; anyone else is FORBIDDEN (exit 1)
 * before any key is destroyed. A person nothing is held about is refused (exit 1 naming `--person`; governance's
 * `NothingHeldAbout`).
 */
export const erase = async (rt: Runtime, o: EraseOptions): Promise<number> => {
  if (o.pending !== true) {
    // A blank --person is refused by its flag's parser (personFlag).
    if (o.person === undefined)
      throw new CliError('erase needs --person ID (or --pending)', ExitCode.Usage);
    if (o.reason === undefined || o.reason.trim() === '')
      throw new CliError(
        'erase needs --reason TEXT: the rule or request that requires it (say why, never who)',
        ExitCode.Usage,
      );
  }
  const subjectRef = o.pending === true ? undefined : rt.vault.subjectRef(o.person!);
  const request = grantedErasure(rt, 'erase', subjectRef);
  try {
    if (o.pending === true) {
      // eslint-disable-next-line no-restricted-syntax -- erasure streams hold no personal data: only whether each exists
      const done = await finishPendingErasures(request, rt.storedEvents);
      rt.output.result(
        done.map((d) => ({ subjectRef: d.subjectRef, recorded: true })),
        () =>
          done.length === 0
            ? 'no pending erasures'
            : done.map((d) => `recorded the erasure of subject ${d.subjectRef}`).join('\n'),
      );
      return ExitCode.Ok;
    }
    const outcome = await erasePerson(request, o.person!, o.reason!);
    rt.output.result(
      {
        erasedBy: request.actor.id,
        subjectRef: outcome.subjectRef,
        key: outcome.key,
        recorded: true,
        position: outcome.event?.position.toString() ?? null,
      },
      () => describe(outcome),
    );
    return ExitCode.Ok;
  } catch (e) {
    if (e instanceof ErasureNotRecorded) throw new CliError(e.message, ExitCode.Failed);
    if (e instanceof NothingHeldAbout)
      throw new CliError(`--person: ${e.message}`, ExitCode.Failed);
    throw e;
  }
};
