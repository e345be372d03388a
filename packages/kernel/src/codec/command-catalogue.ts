import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { Actor } from '../actor.js';
import type { Command, CommandEnvelope } from '../command.js';
import { IsoInstant } from '../instant.js';
import { describeProblems, fieldProblems, type FieldProblem } from './decode-errors.js';
import { unknownFields } from './exact-fields.js';
import {
  isErasedPersonalData,
  isUnavailablePersonalData,
  personalDataPaths,
  type PersonalDataPath,
} from './personal-data.js';
import { implausibility, type PlausibilityPolicy } from './plausibility.js';
import { reject, type Rejection } from '../rejection.js';

export type CommandDefinitions = Readonly<Record<string, t.Mixed>>;

export type CommandOf<D extends CommandDefinitions> = {
  [K in keyof D & string]: Command<K, t.TypeOf<D[K]>>;
}[keyof D & string];

/** A command that could not be decoded: the input line, the fields that were wrong and why. */
export interface CommandDecodeError {
  readonly kind: 'InvalidCommand';
  readonly problems: ReadonlyArray<FieldProblem>;
  readonly message: string;
}

/** An invalid command as the typed `INPUT` rejection a decider gives, naming its first wrong field. */
export const inputRejection = (error: CommandDecodeError): Rejection =>
  reject('INPUT', error.message, error.problems[0]?.path);

const Uuid = t.refinement(
  t.string,
  (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
  'Uuid',
);

/** The wire form of a command: one JSON object, as another council system sends it. */
const WireCommand = t.intersection([
  t.type({ commandId: Uuid, type: t.string, at: IsoInstant, actor: Actor, data: t.unknown }),
  t.partial({ correlationId: t.string, causationId: t.string }),
]);

export interface CommandCatalogue<C extends Command> {
  readonly types: ReadonlyArray<string>;
  /** Decodes and validates a wire command (already parsed JSON) into an envelope. */
  readonly decode: (input: unknown) => E.Either<CommandDecodeError, CommandEnvelope<C>>;
  /** Validates a command built in code (same checks as `decode`). */
  readonly validate: (command: Command) => E.Either<CommandDecodeError, C>;
  /**
   * The first plausibility rule a valid command breaks (a typed `INPUT` rejection naming the
   * field), or `undefined`. See `PlausibilityPolicy`.
   */
  readonly implausible: (command: C, policy?: PlausibilityPolicy) => Rejection | undefined;
  readonly personalData: (type: string) => ReadonlyArray<PersonalDataPath>;
  readonly has: (type: string) => boolean;
  /** The io-ts codec of a command type's data (for tools such as fuzzers), or undefined. */
  readonly codec: (type: string) => t.Mixed | undefined;
}

/**
 * Erased and withheld markers (`[erased:name]`, `[withheld:name]`) anywhere in a command's data:
 * only stored history reads as one (erased subject, or a reader's need-to-know rules); a command
 * that carries one is refused, naming the field.
 */
const erasedMarkers = (
  value: unknown,
  path: string,
  depth = 0,
  out: FieldProblem[] = [],
): FieldProblem[] => {
  if (isUnavailablePersonalData(value))
    out.push({
      path: path === '' ? '(root)' : path,
      message: isErasedPersonalData(value)
        ? 'an erased-data marker is not a value'
        : 'a withheld-data marker is not a value',
    });
  else if (value !== null && typeof value === 'object' && depth <= 64)
    for (const k of Object.keys(value))
      erasedMarkers(
        (value as Record<string, unknown>)[k],
        path === '' ? k : `${path}.${k}`,
        depth + 1,
        out,
      );
  return out;
};

const invalid = (problems: FieldProblem[]): CommandDecodeError => ({
  kind: 'InvalidCommand',
  problems,
  message: `Invalid command: ${describeProblems(problems)}`,
});

/**
 * Builds a command catalogue: each command type's data codec, checked after the envelope.
 * Decoding is exact: a field the codec does not declare, in the envelope, the actor or the
 * data at any depth, is refused with its path (`data.child.nickname: unknown field`), never
 * stored and never silently dropped.
 */
export const commandCatalogue = <D extends CommandDefinitions>(
  definitions: D,
): CommandCatalogue<CommandOf<D>> => {
  const defs = definitions as Readonly<Record<string, t.Mixed>>;
  const has = (type: string): boolean => Object.hasOwn(defs, type);

  const validateData = (type: string, data: unknown): E.Either<CommandDecodeError, unknown> => {
    if (!has(type))
      return E.left(
        invalid([
          {
            path: 'type',
            message: `unknown command "${type}"; known: ${Object.keys(defs).join(', ')}`,
          },
        ]),
      );
    const codec = defs[type]!;
    const result = codec.decode(data);
    const problems = [
      ...(E.isLeft(result) ? fieldProblems(result.left) : []),
      ...unknownFields(codec, data),
      ...erasedMarkers(data, ''),
    ].map((p) => ({ ...p, path: p.path === '(root)' ? 'data' : `data.${p.path}` }));
    return problems.length > 0 || E.isLeft(result)
      ? E.left(invalid(problems))
      : E.right(result.right);
  };

  const decode = (input: unknown): E.Either<CommandDecodeError, CommandEnvelope<CommandOf<D>>> => {
    const wire = WireCommand.decode(input);
    if (E.isLeft(wire)) return E.left(invalid(fieldProblems(wire.left)));
    const extra = unknownFields(WireCommand, input);
    if (extra.length > 0) return E.left(invalid(extra));
    const w = wire.right;
    const data = validateData(w.type, w.data);
    if (E.isLeft(data)) return data;
    const command = { type: w.type, data: data.right, at: w.at, actor: w.actor } as CommandOf<D>;
    return E.right({
      commandId: w.commandId,
      command,
      ...(w.correlationId === undefined ? {} : { correlationId: w.correlationId }),
      ...(w.causationId === undefined ? {} : { causationId: w.causationId }),
    });
  };

  const validate = (command: Command): E.Either<CommandDecodeError, CommandOf<D>> => {
    const problems: FieldProblem[] = [];
    if (E.isLeft(IsoInstant.decode(command.at)))
      problems.push({ path: 'at', message: 'expected an ISO-8601 instant with offset' });
    if (E.isLeft(Actor.decode(command.actor)))
      problems.push({ path: 'actor', message: 'expected { id, role, agency }' });
    else
      problems.push(
        ...unknownFields(Actor, command.actor).map((p) => ({ ...p, path: `actor.${p.path}` })),
      );
    if (problems.length) return E.left(invalid(problems));
    const data = validateData(command.type, command.data);
    return E.isLeft(data) ? data : E.right({ ...command, data: data.right });
  };

  return {
    types: Object.keys(defs),
    decode,
    validate,
    implausible: (command, policy) =>
      has(command.type) ? implausibility(defs[command.type]!, command, policy) : undefined,
    personalData: (type) => (has(type) ? personalDataPaths(defs[type]!) : []),
    codec: (type) => (has(type) ? defs[type] : undefined),
    has,
  };
};
