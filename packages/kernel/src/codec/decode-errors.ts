import type * as t from 'io-ts';

/** One thing wrong with a decoded value: the path of the field (`data.child.dateOfBirth`) and why. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

const describeValue = (v: unknown): string => {
  if (v === undefined) return 'missing';
  try {
    const s = JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return typeof v;
  }
};

/** What a value is, without the value: `a string`, `a number`, `null`, `an array` … */
const kindOfValue = (v: unknown): string =>
  v === undefined
    ? 'missing'
    : v === null
      ? 'null'
      : Array.isArray(v)
        ? 'an array'
        : typeof v === 'object'
          ? 'an object'
          : `a ${typeof v}`;

/**
 * Turns io-ts validation errors into field problems. Union members produce one error each;
 * only the deepest distinct paths are kept so a caller sees the field that was wrong.
 * Values are not echoed for fields declared personal (they may be a child's name); with
 * `values: 'kind-only'` no value is echoed at all, only its kind (`got a string`): for stored
 * events, where a damaged row may hold anything under any field (a name where an object was).
 */
export const fieldProblems = (
  errors: t.Errors,
  options: { readonly values: 'echo' | 'kind-only' } = { values: 'echo' },
): FieldProblem[] => {
  const seen = new Map<string, FieldProblem>();
  for (const error of errors) {
    const keys = error.context
      .filter((c, i) => i > 0 && c.key !== '' && !isCombinator(error.context[i - 1]?.type))
      .map((c) => c.key);
    const path = keys.join('.');
    const last = error.context[error.context.length - 1];
    const personal = error.context.some((c) => isPersonalCodec(c.type));
    const message =
      error.message ??
      `expected ${last?.type.name ?? 'a value'}, got ${personal ? '(personal data withheld)' : options.values === 'kind-only' ? kindOfValue(error.value) : describeValue(error.value)}`;
    if (!seen.has(path)) seen.set(path, { path: path === '' ? '(root)' : path, message });
  }
  return [...seen.values()];
};

export const describeProblems = (problems: ReadonlyArray<FieldProblem>): string =>
  problems.map((p) => `${p.path}: ${p.message}`).join('; ');

/**
 * A union or intersection (whose members' indexes are no field), also under a refinement, `exact`
 * or `readonly` that validates its inner codec in the same context (`primarySubject(Child)`, a
 * `personal(…)` or `subjectId(…)` field): the member index is still no field.
 */
const isCombinator = (codec: unknown): boolean => {
  const c = codec as { _tag?: string; type?: unknown } | undefined;
  const tag = c?._tag;
  if (tag === 'UnionType' || tag === 'IntersectionType') return true;
  return (
    (tag === 'RefinementType' || tag === 'ExactType' || tag === 'ReadonlyType') &&
    isCombinator(c?.type)
  );
};

const isPersonalCodec = (codec: unknown): boolean =>
  typeof codec === 'object' && codec !== null && 'personalData' in codec;
