/**
 * Command-line flag values, parsed once at the edge with the same parsers as every codec
 * (`@aimline/calendar`'s `Instant.parse` and `parseIsoDate`). A bad value is a commander
 * `InvalidArgumentError`, which the CLI reports naming the flag, with exit code 2.
 * Commands receive the parsed value and never parse it again.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { endOfLocalDay, Instant, parseIsoDate } from '@aimline/calendar';

/**
 * `--as-of`: an instant with an offset, or a date meaning the end of that day in London (T-1),
 * as an `Instant` (`2025-06-30` → `2025-06-30T22:59:59.999Z` in summer time) that commands pass on.
 */
export const asOfFlag = (value: string): Instant => {
  const instant = Instant.parse(value);
  if (instant !== undefined) return instant;
  if (parseIsoDate(value) !== undefined) return Instant.at(endOfLocalDay(value).toMillis());
  throw new InvalidArgumentError(
    'expected a date that exists (2026-11-23) or an instant with an offset (2026-11-23T17:00:00Z)',
  );
};

/** `--from`: read as `--as-of` is, as its UTC ISO-8601 text (what the demo generator takes). */
export const instantFlag = (value: string): string => asOfFlag(value).iso;

/** A whole number of 1 or more, written as plain digits (`12`; not `1e3`, `0x10` or `012`). */
export const positiveIntFlag = (value: string): number => {
  const n = /^[1-9]\d{0,14}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n))
    throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
};

/**
 * A whole number from 1 to `max`, written as plain digits: for counts the command builds that
 * many of (`demo --cases 99999999999999` ran V8 out of memory with a native stack).
 */
export const wholeNumberFlag =
  (max: number) =>
  (value: string): number => {
    const n = positiveIntFlag(value);
    if (n > max) throw new InvalidArgumentError(`expected a whole number from 1 to ${max}`);
    return n;
  };

/**
 * Every option of `program` and its commands is given at most once: commander keeps the last
 * of `--as-of 2026-01-01 --as-of 2026-02-02` silently, so which one the user meant is a guess.
 * A second one is a usage error naming the option (exit 2). An environment variable and the
 * option together are not a repeat: the option overrides the variable, as documented.
 */
export const refuseRepeatedOptions = (command: Command): void => {
  for (const option of command.options) {
    let given = 0;
    command.on(`option:${option.name()}`, () => {
      if (++given > 1)
        command.error(`error: option '${option.flags}' is given more than once; give it once`, {
          exitCode: 2,
          code: 'commander.optionRepeated',
        });
    });
  }
  for (const sub of command.commands) refuseRepeatedOptions(sub);
};

/**
 * `--person`: a person (data subject) id as the records hold it. An id with nothing but white
 * space is refused naming the flag: it names nobody, so `sar` would write a response about no
 * one and `access-log` would answer that no one had read it.
 */
export const personFlag = (value: string): string => {
  if (value.trim() === '')
    throw new InvalidArgumentError('expected a person id (a child, a victim, a parent …)');
  return value;
};

/**
 * `--purpose` (or AIMLINE_PURPOSE): why the principal reads, recorded in the access log with every
 * read. A blank one is refused naming the flag: a read needs a stated purpose.
 */
export const purposeFlag = (value: string): string => {
  if (value.trim() === '')
    throw new InvalidArgumentError(
      'expected why you read, recorded in the access log (e.g. "case supervision")',
    );
  return value;
};
