/**
 * The half-open range of strings that start with `prefix`: `[lower, upper)`, or `[lower, ∞)`
 * when `upper` is undefined. SQLite compares TEXT by its UTF-8 bytes, whose order is the
 * order of code points, so `stream >= lower AND stream < upper` is exactly
 * `stream.startsWith(prefix)` and can be evaluated without parsing the name.
 *
 * `upper` is the prefix with its last code point below U+10FFFF incremented (surrogates
 * skipped) and the code points after it dropped.
 */
export const prefixRange = (
  prefix: string,
): { readonly lower: string; readonly upper: string | undefined } => {
  const codePoints = Array.from(prefix);
  for (let i = codePoints.length - 1; i >= 0; i--) {
    const c = codePoints[i]!.codePointAt(0)!;
    if (c >= 0x10ffff) continue;
    const next = c + 1 === 0xd800 ? 0xe000 : c + 1;
    return { lower: prefix, upper: codePoints.slice(0, i).join('') + String.fromCodePoint(next) };
  }
  return { lower: prefix, upper: undefined };
};
