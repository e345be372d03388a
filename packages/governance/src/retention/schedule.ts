/**
 * Who is due for erasure, and under which rule (issue 13 item 5), folded from the store: for
 * each record (a stream) its process, when it closed (and reopened), its last event, the dates
 * of birth recorded in it (every field declared `personal(…, 'dateOfBirth')`), the people in
 * it (person ids, from the data-subject mapping) and the legal holds on it. A record is kept until the latest date its rules
 * give; a person is due only when every record they appear in is due and none is held, because
 * erasing a person (crypto-shredding their key) erases them from every record at once.
 */
import { addMonthsToDate, localDate } from '@aimline/calendar';
import { eventSubjects, type ScheduledEvent } from '../subject-access/event-subjects.js';
import { LEGAL_HOLD_STREAM_PREFIX, type LegalHoldEvent } from './legal-hold.js';
import type { RetentionPolicy, RetentionRule } from './policy.js';

export interface LegalHoldInForce {
  readonly holdId: string;
  readonly reason: string;
  /** The id, role and agency of the principal who placed it. */
  readonly placedBy: string;
  readonly placedAt: string;
}

export interface RuleJudgement {
  readonly rule: RetentionRule;
  /** Kept until this London date (due on it), or undefined when it cannot be judged yet. */
  readonly until: string | undefined;
  readonly why: string;
}

export interface RecordRetention {
  readonly record: string;
  readonly process: string;
  /** due: every rule has passed and no hold; kept: a rule keeps it; held: a hold keeps it; no-rule: no schedule for its process. */
  readonly status: 'due' | 'kept' | 'held' | 'no-rule';
  readonly keptUntil: string | undefined;
  readonly rules: ReadonlyArray<RuleJudgement>;
  readonly holds: ReadonlyArray<LegalHoldInForce>;
  readonly persons: ReadonlyArray<string>;
  /** Whether the records manager confirmed the rules that judged it. */
  readonly confirmed: boolean;
}

export interface PersonDue {
  readonly person: string;
  /** Every record the person is in, each due. */
  readonly records: ReadonlyArray<RecordRetention>;
  /** Whether every rule that made them due is confirmed (`--apply` erases only these). */
  readonly confirmed: boolean;
}

export interface RetentionSchedule {
  readonly asOf: string;
  readonly records: ReadonlyArray<RecordRetention>;
  readonly due: ReadonlyArray<PersonDue>;
  /** People kept, with the records that keep them (held or kept). */
  readonly kept: ReadonlyArray<{ readonly person: string; readonly keptBy: ReadonlyArray<string> }>;
}

interface RecordFacts {
  process: string;
  closedAt: string | undefined;
  lastEventAt: string;
  readonly datesOfBirth: Set<string>;
  readonly persons: Set<string>;
}

const valuesAt = (node: unknown, keys: ReadonlyArray<string>): unknown[] => {
  if (keys.length === 0) return [node];
  if (node === null || typeof node !== 'object') return [];
  const [key, ...rest] = keys;
  if (key === '[]' || key === '*')
    return Object.values(node as Record<string, unknown>).flatMap((v) => valuesAt(v, rest));
  const record = node as Record<string, unknown>;
  return Object.hasOwn(record, key!) ? valuesAt(record[key!], rest) : [];
};

/** Every date of birth an event records (erased or withheld values are not dates and are skipped). */
const datesOfBirth = (e: ScheduledEvent): string[] =>
  e.module.events
    .personalData(e.event.type)
    .filter((p) => p.category === 'dateOfBirth')
    .flatMap((p) => valuesAt(e.event.data, p.path.split('.')))
    .filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));

const addYears = (date: string, years: number): string => addMonthsToDate(date, years * 12);

const judgeRule = (rule: RetentionRule, facts: RecordFacts): RuleJudgement => {
  switch (rule.kind) {
    case 'years-after-closure': {
      if (facts.closedAt === undefined)
        return { rule, until: undefined, why: 'the record is open' };
      const closed = localDate(facts.closedAt);
      const until = addYears(closed, rule.years);
      return { rule, until, why: `closed ${closed}, kept ${rule.years} years: until ${until}` };
    }
    case 'years-after-last-event': {
      const last = localDate(facts.lastEventAt);
      const until = addYears(last, rule.years);
      return { rule, until, why: `last entry ${last}, kept ${rule.years} years: until ${until}` };
    }
    case 'until-birthday': {
      if (facts.datesOfBirth.size === 0)
        return { rule, until: undefined, why: 'no date of birth is recorded' };
      const until = [...facts.datesOfBirth]
        .map((d) => addYears(d, rule.age))
        .sort()
        .at(-1)!;
      return { rule, until, why: `every child's ${rule.age}th birthday: until ${until}` };
    }
  }
};

/** Folds events (every stream, in global order) into what the schedule needs; judge at any date. */
export interface RetentionFolder {
  add(e: ScheduledEvent): void;
  /** The schedule on `asOf` (a London date, `YYYY-MM-DD`); people in `erased` are not listed again. */
  schedule(asOf: string, erased?: ReadonlySet<string>): RetentionSchedule;
}

export const retentionFolder = (policy: RetentionPolicy): RetentionFolder => {
  const facts = new Map<string, RecordFacts>();
  const subjectsOf = eventSubjects();
  const holds = new Map<string, LegalHoldInForce & { readonly record: string }>();
  const add = (e: ScheduledEvent): void => {
    const stream = e.recorded.stream;
    if (stream.startsWith(LEGAL_HOLD_STREAM_PREFIX)) {
      const hold = e.event as LegalHoldEvent;
      const actor = e.recorded.metadata.actor;
      if (hold.type === 'LegalHoldPlaced')
        holds.set(hold.data.holdId, {
          holdId: hold.data.holdId,
          record: hold.data.record,
          reason: hold.data.reason,
          placedBy: `${actor.id} (${actor.role}, ${actor.agency})`,
          placedAt: hold.data.at,
        });
      else holds.delete(hold.data.holdId);
      return;
    }
    const f = facts.get(stream) ?? {
      process: e.module.name,
      closedAt: undefined,
      lastEventAt: e.recorded.metadata.occurredAt,
      datesOfBirth: new Set<string>(),
      persons: new Set<string>(),
    };
    facts.set(stream, f);
    const rules = policy[e.module.name];
    const at = e.recorded.metadata.occurredAt;
    if (at > f.lastEventAt) f.lastEventAt = at;
    if (rules?.closedBy?.includes(e.event.type) === true) f.closedAt = at;
    if (rules?.reopenedBy?.includes(e.event.type) === true) f.closedAt = undefined;
    for (const d of datesOfBirth(e)) f.datesOfBirth.add(d);
    for (const p of subjectsOf(e).persons) f.persons.add(p);
  };
  return { add, schedule: (asOf, erased = new Set()) => judge(facts, holds, policy, asOf, erased) };
};

/** The retention schedule as it stands on `asOf` (a London date, `YYYY-MM-DD`). */
export const retentionSchedule = (
  events: Iterable<ScheduledEvent>,
  policy: RetentionPolicy,
  asOf: string,
  /** People already erased: never listed again. */
  erased: ReadonlySet<string> = new Set(),
): RetentionSchedule => {
  const folder = retentionFolder(policy);
  for (const e of events) folder.add(e);
  return folder.schedule(asOf, erased);
};

const judge = (
  facts: ReadonlyMap<string, RecordFacts>,
  holds: ReadonlyMap<string, LegalHoldInForce & { readonly record: string }>,
  policy: RetentionPolicy,
  asOf: string,
  erased: ReadonlySet<string>,
): RetentionSchedule => {
  const records: RecordRetention[] = [];
  for (const [record, f] of facts) {
    if (f.persons.size === 0) continue;
    const rules = policy[f.process];
    const onHold = [...holds.values()].filter((h) => h.record === record);
    const judged = (rules?.keep ?? []).map((r) => judgeRule(r, f));
    const open = judged.some((j) => j.until === undefined);
    const keptUntil = open
      ? undefined
      : judged
          .map((j) => j.until!)
          .sort()
          .at(-1);
    const status =
      rules === undefined
        ? 'no-rule'
        : onHold.length > 0
          ? 'held'
          : keptUntil !== undefined && keptUntil <= asOf
            ? 'due'
            : 'kept';
    records.push({
      record,
      process: f.process,
      status,
      keptUntil,
      rules: judged,
      holds: onHold.map(({ record: _, ...h }) => h),
      persons: [...f.persons].sort(),
      confirmed: rules?.confirmed ?? false,
    });
  }
  records.sort((a, b) => (a.record < b.record ? -1 : a.record > b.record ? 1 : 0));

  const byPerson = new Map<string, RecordRetention[]>();
  for (const r of records)
    for (const p of r.persons) byPerson.set(p, [...(byPerson.get(p) ?? []), r]);
  const due: PersonDue[] = [];
  const kept: Array<{ person: string; keptBy: string[] }> = [];
  for (const [person, rs] of [...byPerson].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (erased.has(person)) continue;
    const keeping = rs.filter((r) => r.status !== 'due');
    if (keeping.length === 0)
      due.push({ person, records: rs, confirmed: rs.every((r) => r.confirmed) });
    else kept.push({ person, keptBy: keeping.map((r) => r.record) });
  }
  return { asOf, records, due, kept };
};
