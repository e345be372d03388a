/**
 * The one way the generators write a case: commands drafted in the order the world produces
 * them (type, when, who, data), then given their ids and recording times in one pass.
 */
import { addDays, isBefore } from '@aimline/calendar';
import type { Actor, AnyDomainModule, Command } from '@aimline/kernel';
import { H, instant, londonDayOf, tod, type Day } from './london-time.js';
import type { Rng } from './rng.js';
import type { ScenarioStep } from './scenario.js';

/** A command drafted for a module's stream, before it is given its id. */
export interface Draft {
  readonly module: AnyDomainModule;
  readonly command: Command;
  /** The rule id the command is generated to break (it must be refused under that rule). */
  readonly expectRejection?: string;
}

type Typed = { readonly type: string; readonly data: unknown };
type DataOf<C extends Typed, K extends C['type']> = Extract<C, { type: K }>['data'];

/** Drafts one module's commands, typed by the module's command union `C`. */
export class CommandWriter<C extends Typed> {
  constructor(
    readonly module: AnyDomainModule,
    readonly drafts: Draft[] = [],
  ) {}
  write<K extends C['type']>(
    type: K,
    at: string,
    actor: Actor,
    data: DataOf<C, K>,
    expectRejection?: string,
  ): Extract<C, { type: K }> {
    const command = { type, at, actor, data } as unknown as Extract<C, { type: K }>;
    this.drafts.push({
      module: this.module,
      command: command as unknown as Command,
      ...(expectRejection === undefined ? {} : { expectRejection }),
    });
    return command;
  }
}

/**
 * Drafts one case's commands: every command carries the case id. A generator that writes a case
 * in time order (`inOrder`) has each command checked to be no earlier than the one before (a
 * generator bug otherwise, thrown at once); one that writes strands of a case separately does not.
 */
export class CaseWriter<C extends Typed & { readonly data: { readonly caseId: string } }> {
  private readonly writer: CommandWriter<C>;
  private last = '';
  constructor(
    readonly caseId: string,
    module: AnyDomainModule,
    private readonly options: { readonly inOrder?: boolean } = {},
  ) {
    this.writer = new CommandWriter<C>(module);
  }
  get drafts(): ReadonlyArray<Draft> {
    return this.writer.drafts;
  }
  emit<K extends C['type']>(
    type: K,
    at: string,
    actor: Actor,
    data: Omit<DataOf<C, K>, 'caseId'>,
    expectRejection?: string,
  ): void {
    if (this.options.inOrder === true && this.last !== '' && isBefore(at, this.last))
      throw new Error(`demo: ${this.caseId}: ${type} at ${at} comes before ${this.last}`);
    this.last = at;
    this.writer.write(type, at, actor, { caseId: this.caseId, ...data }, expectRejection);
  }
}

/** Some commands recorded days after they happened, so the audit trail flags late recording. */
export interface LateRecording {
  /** The command types a person might record late (notes, visits, documents …). */
  readonly types: ReadonlySet<string>;
  /** Which of the eligible drafts (by their index among them) are late whatever the dice say; the first three count. */
  readonly surely: (k: number) => boolean;
  /** The day the late record is made: the first working (or school) day on or after `day`. */
  readonly recordingDay: (day: Day) => Day;
}

/**
 * Gives each draft its command id (drawn from the seed, in draft order) and, for the late
 * ones, a recording time 3-9 days on, in office hours; a planned rejection is never late.
 */
export const toSteps = (
  drafts: ReadonlyArray<Draft>,
  rng: Rng,
  late?: LateRecording,
): ScenarioStep[] => {
  const lateOnes = new Set<number>();
  if (late !== undefined) {
    const eligible = drafts
      .map((d, i) => ({ d, i }))
      .filter((x) => x.d.expectRejection === undefined && late.types.has(x.d.command.type));
    for (const x of eligible) if (rng.chance(0.04)) lateOnes.add(x.i);
    for (const x of eligible.filter((_, k) => late.surely(k)).slice(0, 3)) lateOnes.add(x.i);
  }
  return drafts.map((d, i): ScenarioStep => {
    const commandId = rng.uuid();
    const recordedAt =
      late !== undefined && lateOnes.has(i)
        ? instant(
            late.recordingDay(addDays(londonDayOf(d.command.at), rng.int(3, 9))),
            tod(rng, H(9), H(17)),
          )
        : undefined;
    return {
      module: d.module,
      commandId,
      command: d.command,
      ...(recordedAt === undefined ? {} : { recordedAt }),
      ...(d.expectRejection === undefined ? {} : { expectRejection: d.expectRejection }),
    };
  });
};

/**
 * The next case id of a year, numbered in order within each year (`perYear` keeps the count):
 * `nextYearlyId('att', perYear, '2026-09-07')` is `att-2026-001`, then `att-2026-002`.
 */
export const nextYearlyId = (prefix: string, perYear: Map<string, number>, day: string): string => {
  const year = day.slice(0, 4);
  const seq = (perYear.get(year) ?? 0) + 1;
  perYear.set(year, seq);
  return `${prefix}-${year}-${String(seq).padStart(3, '0')}`;
};

/**
 * Planned cases in the order they open (by `dayOf`, then in planned order `i`), each with its
 * yearly id (`nextYearlyId`): `inOpeningOrder('att', plans, (p) => p.openDay)`.
 */
export const inOpeningOrder = <P extends { readonly i: number }>(
  prefix: string,
  plans: ReadonlyArray<P>,
  dayOf: (plan: P) => string,
): Array<{ readonly plan: P; readonly caseId: string }> => {
  const ordered = [...plans].sort((a, b) =>
    dayOf(a) < dayOf(b) ? -1 : dayOf(a) > dayOf(b) ? 1 : a.i - b.i,
  );
  const perYear = new Map<string, number>();
  return ordered.map((plan) => ({ plan, caseId: nextYearlyId(prefix, perYear, dayOf(plan)) }));
};
