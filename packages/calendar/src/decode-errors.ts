/** Readable io-ts decode errors: `path: message (got value)`. */
import type * as t from 'io-ts';

export function formatDecodeErrors(errors: t.Errors): string[] {
  return errors.map((error) => {
    const path = error.context
      .map((entry) => entry.key)
      .filter((key) => key !== '')
      .join('.');
    const last = error.context[error.context.length - 1];
    const expected = error.message ?? `expected ${last?.type.name ?? 'a valid value'}`;
    let got: string;
    try {
      got = JSON.stringify(error.value) ?? 'undefined';
    } catch {
      got = String(error.value);
    }
    return `${path === '' ? '(root)' : path}: ${expected} (got ${got})`;
  });
}
