import { userInfo } from 'node:os';
import {
  erasePerson,
  finishPendingErasures,
  ErasureNotRecorded,
  type ErasureOutcome,
} from '@aimline/governance';
import type { Actor } from '@aimline/kernel';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';

export interface EraseOptions {
  readonly person?: string;
  readonly reason?: string;
  readonly pending?: boolean;
}

/** Who erases, as recorded on the event: the operating-system account running the CLI. */
const cliActor = (): Actor => ({
  id: `cli:${userInfo().username}`,
  role: 'information-governance',
  agency: 'council',
});

const describe = (o: ErasureOutcome): string =>
  `subject ${o.subjectRef}: key ${o.key === 'destroyed' ? 'destroyed now' : 'already destroyed'}; PersonalDataErased ${
    o.event === undefined ? 'was already recorded' : `recorded at position ${o.event.position}`
  }`;

/**
 * `aimline erase --person ID --reason TEXT`: erasure by crypto-shredding (destroy the subject's
 * key, then record `PersonalDataErased`); `--pending` records the erasures a crash left
 * unrecorded. Idempotent.
 */
export const erase = async (rt: Runtime, o: EraseOptions): Promise<number> => {
  const request = { vault: rt.vault, handler: rt.handler(), actor: cliActor(), at: rt.clock() };
  try {
    if (o.pending === true) {
      const done = await finishPendingErasures(request);
      rt.output.result(
        done.map((d) => ({ subjectRef: d.subjectRef, recorded: true })),
        () =>
          done.length === 0
            ? 'no pending erasures'
            : done.map((d) => `recorded the erasure of subject ${d.subjectRef}`).join('\n'),
      );
      return ExitCode.Ok;
    }
    if (o.person === undefined || o.person.trim() === '')
      throw new CliError('erase needs --person ID (or --pending)', ExitCode.Usage);
    if (o.reason === undefined || o.reason.trim() === '')
      throw new CliError(
        'erase needs --reason TEXT: the rule or request that requires it (say why, never who)',
        ExitCode.Usage,
      );
    const outcome = await erasePerson(request, o.person, o.reason);
    rt.output.result(
      {
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
    throw e;
  }
};
