/**
 * `aimline retention --apply --as RECORDS_MANAGER`: erases, by crypto-shredding (`erasePerson`),
 * everyone due on the date under a rule the records manager has confirmed; first it finishes any
 * half-finished erasure (a key destroyed whose `PersonalDataErased` was never recorded). Nobody
 * is erased under a placeholder rule, a legal hold keeps every person of its record, and people
 * already erased are not listed again, so a second run erases nothing new.
 */
import {
  ErasureNotRecorded,
  erasePerson,
  finishPendingErasures,
  NothingHeldAbout,
  type PersonDue,
  type RetentionRule,
} from '@aimline/governance';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';
import { grantedErasure } from './erase.js';
import { loadRetentionSchedule, type RetentionOptions } from './retention.js';

const ruleText = (r: RetentionRule): string =>
  r.kind === 'until-birthday'
    ? `until the ${r.age}th birthday`
    : r.kind === 'years-after-closure'
      ? `${r.years} years after closure`
      : `${r.years} years after the last entry`;

/**
 * Why a person is erased, as recorded on `PersonalDataErased`: the date judged on and the rules
 * of each process that made them due — never who, and no date derived from their data.
 */
export const retentionReason = (asOf: string, d: PersonDue): string =>
  `retention schedule on ${asOf}: due under ${[
    ...new Set(
      d.records.map((r) => `${r.process} (${r.rules.map((j) => ruleText(j.rule)).join(', ')})`),
    ),
  ].join('; ')}`;

export const applyRetention = async (rt: Runtime, options: RetentionOptions): Promise<number> => {
  // Applying the schedule erases: the same grant as `erase` (by default the records manager's).
  const request = grantedErasure(rt, 'retention --apply');
  try {
    // eslint-disable-next-line no-restricted-syntax -- erasure streams hold no personal data: only whether each exists
    const finished = await finishPendingErasures(request, rt.storedEvents);
    const schedule = await loadRetentionSchedule(rt, options);
    const confirmed = schedule.due.filter((d) => d.confirmed);
    const skipped = schedule.due.filter((d) => !d.confirmed);
    const erased: Array<{ person: string; subjectRef: string; reason: string }> = [];
    // A person named in history whose personal fields were all absent has no key: nothing to erase.
    const nothingHeld: string[] = [];
    for (const d of confirmed) {
      const reason = retentionReason(schedule.asOf, d);
      try {
        const outcome = await erasePerson(request, d.person, reason);
        erased.push({ person: d.person, subjectRef: outcome.subjectRef, reason });
      } catch (e) {
        if (!(e instanceof NothingHeldAbout)) throw e;
        nothingHeld.push(d.person);
      }
    }
    rt.output.result(
      {
        asOf: schedule.asOf,
        finishedPending: finished.map((f) => f.subjectRef),
        erased,
        skippedUnconfirmed: skipped.map((d) => d.person),
        nothingHeld,
      },
      () =>
        [
          `Retention applied on ${schedule.asOf}: ${erased.length} person(s) erased (key destroyed, PersonalDataErased recorded)${finished.length ? `; ${finished.length} half-finished erasure(s) finished first` : ''}.`,
          ...(erased.length === 0
            ? []
            : [
                table(
                  ['person', 'reason'],
                  erased.map((e) => [e.person, e.reason]),
                ),
              ]),
          ...(nothingHeld.length === 0
            ? []
            : [
                `${nothingHeld.length} person(s) due hold no personal data in the key vault (no key, no erasure): nothing was destroyed or recorded for them.`,
              ]),
          ...(skipped.length === 0
            ? []
            : [
                `${skipped.length} person(s) due only under unconfirmed (placeholder) rules were NOT erased: the records manager confirms the schedule first (--retention-policy FILE with "confirmed": true).`,
              ]),
        ].join('\n'),
    );
    return skipped.length === 0 ? ExitCode.Ok : ExitCode.Failed;
  } catch (e) {
    if (e instanceof ErasureNotRecorded) throw new CliError(e.message, ExitCode.Failed);
    throw e;
  }
};
