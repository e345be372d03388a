/**
 * The retention schedule (issue 13 item 5) as policy data the council's records manager sets:
 * per process (module name), what closes and reopens a record and how long it is kept. A record
 * is kept until the latest date any of its rules gives; a rule that cannot be judged yet (an
 * open record, no date of birth recorded) keeps it.
 *
 * Every rule carries its `source` and whether the council has `confirmed` it. The defaults
 * below are PLACEHOLDERS (`confirmed: false`): the source documents leave retention to each
 * agency ("Copies will be retained in line with individual agencies file destruction
 * policies", source 001), so no default here is the council's decision. `retention --apply`
 * erases nobody under an unconfirmed rule.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  describeProblems,
  fieldProblems,
  NonEmptyString,
  unknownFields,
  type AnyDomainModule,
} from '@aimline/kernel';

const Whole = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0 && n <= 150, 'Years');

/** One way to say how long a record is kept. */
export const RetentionRule = t.union([
  /** N years after the record was closed (its last closing event not followed by a reopening). */
  t.strict({ kind: t.literal('years-after-closure'), years: Whole }),
  /** N years after the record's last event (for records that never close: sittings, meetings). */
  t.strict({ kind: t.literal('years-after-last-event'), years: Whole }),
  /** Until the Nth birthday of every person in the record whose date of birth is recorded. */
  t.strict({ kind: t.literal('until-birthday'), age: Whole }),
]);
export type RetentionRule = t.TypeOf<typeof RetentionRule>;

export const ProcessRetention = t.intersection([
  t.strict({
    /** Kept until the latest of these. */
    keep: t.array(RetentionRule),
    /** Where the periods come from (a schedule, a statute), or why they are placeholders. */
    source: NonEmptyString,
    /** Whether the council's records manager has confirmed these rules; `--apply` needs it. */
    confirmed: t.boolean,
  }),
  t.exact(
    t.partial({
      /** Event types that close a record of this process. */
      closedBy: t.array(NonEmptyString),
      /** Event types that reopen it. */
      reopenedBy: t.array(NonEmptyString),
    }),
  ),
]);
export type ProcessRetention = t.TypeOf<typeof ProcessRetention>;

/** Per process (module name, e.g. `hsb-case`): its rules. A process not listed is kept. */
export const RetentionPolicyCodec = t.record(t.string, ProcessRetention);
export type RetentionPolicy = t.TypeOf<typeof RetentionPolicyCodec>;

const placeholder = (what: string): string =>
  `PLACEHOLDER for the council's records manager to confirm: ${what}. The sources leave retention to each agency's file destruction policy (source 001); council schedules differ (e.g. children in need kept to 18 plus 3 years of inactivity, looked-after children to the 75th anniversary of birth under the Care Planning, Placement and Case Review (England) Regulations 2010, reg. 50).`;

const UNTIL_25: RetentionRule = { kind: 'until-birthday', age: 25 };
const SIX_YEARS_AFTER_CLOSURE: RetentionRule = { kind: 'years-after-closure', years: 6 };
const SIX_YEARS_AFTER_LAST_EVENT: RetentionRule = { kind: 'years-after-last-event', years: 6 };

/** A process's retention as the default schedule proposes it: unconfirmed, its source a placeholder saying `what`. */
const proposed = (
  keep: ReadonlyArray<RetentionRule>,
  what: string,
  closing: Pick<ProcessRetention, 'closedBy' | 'reopenedBy'> = {},
): ProcessRetention => ({
  ...closing,
  keep: [...keep],
  source: placeholder(what),
  confirmed: false,
});

/**
 * The default schedule: placeholders only (`confirmed: false`). Six years follows the
 * Limitation Act 1980 period that council schedules cite for closed case work; the 25th
 * birthday keeps a child's record into early adulthood, when care leavers and victims most
 * often ask for it. Neither is a source's rule.
 */
export const defaultRetentionPolicy: RetentionPolicy = {
  'hsb-case': proposed(
    [UNTIL_25, SIX_YEARS_AFTER_CLOSURE],
    'an HSB case is kept until every child in it is 25 and 6 years after it closed, whichever is later',
    { closedBy: ['CaseClosed'], reopenedBy: ['CaseReopened'] },
  ),
  'attendance-aim': proposed(
    [SIX_YEARS_AFTER_CLOSURE],
    'an attendance AIM case is kept 6 years after it closed',
    { closedBy: ['CaseClosed'] },
  ),
  'panel-referral': proposed(
    [UNTIL_25, SIX_YEARS_AFTER_CLOSURE],
    'a panel referral is kept until the child is 25 and 6 years after it closed, whichever is later',
    { closedBy: ['ReferralClosed'] },
  ),
  'panel-sitting': proposed(
    [SIX_YEARS_AFTER_LAST_EVENT],
    "a panel sitting's record is kept 6 years after its last entry",
  ),
  meeting: proposed(
    [SIX_YEARS_AFTER_LAST_EVENT],
    "a meeting's record is kept 6 years after its last entry",
  ),
};

/**
 * Parses a retention schedule strictly: every field known, every process a module's name,
 * every closing or reopening event type one of that module's events. Errors name the field.
 */
export const parseRetentionPolicy = (
  raw: unknown,
  modules: ReadonlyArray<AnyDomainModule>,
  where = 'retention',
): E.Either<string, RetentionPolicy> => {
  const r = RetentionPolicyCodec.decode(raw);
  const problems = [
    ...(E.isLeft(r) ? fieldProblems(r.left) : []),
    ...unknownFields(RetentionPolicyCodec, raw),
  ];
  if (E.isLeft(r) || problems.length > 0) return E.left(`${where}: ${describeProblems(problems)}`);
  const unknown = Object.keys(r.right).find((k) => !modules.some((m) => m.name === k));
  if (unknown !== undefined)
    return E.left(
      `${where}.${unknown}: no process of that name (one of ${modules.map((m) => m.name).join(', ')})`,
    );
  for (const [process, rules] of Object.entries(r.right)) {
    const module = modules.find((m) => m.name === process)!;
    for (const field of ['closedBy', 'reopenedBy'] as const)
      for (const [i, type] of (rules[field] ?? []).entries())
        if (!module.events.has(type))
          return E.left(
            `${where}.${process}.${field}.${i}: "${type}" is not an event of ${process}`,
          );
    if (rules.keep.length === 0)
      return E.left(`${where}.${process}.keep: at least one rule (a process not listed is kept)`);
    if (rules.keep.some((k) => k.kind === 'years-after-closure') && !rules.closedBy?.length)
      return E.left(`${where}.${process}.closedBy: years-after-closure needs the closing events`);
  }
  return E.right(r.right);
};
