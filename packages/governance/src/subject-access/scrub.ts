/**
 * Redaction of other people's personal data in a subject access response (UK GDPR Article
 * 15(4), DPA 2018 Schedule 2 paragraph 16). Two layers:
 *
 * 1. every personal field whose subject is someone else is replaced by `[withheld:<category>]`,
 *    and every other person's id by `[withheld:person]`;
 * 2. every remaining string (the requester's own free text, reasons, labels) is scrubbed of
 *    the values those withheld fields held: a victim's name typed into a concern summary is
 *    replaced by `[withheld:another person]`. Values the requester shares (their own surname,
 *    their own school) are theirs and stay.
 */
import type { SubjectField } from './event-subjects.js';

export const WITHHELD_PERSON = '[withheld:another person]';

/** Categories whose values identify someone when they appear inside free text. */
const IDENTIFYING = new Set(['name', 'dateOfBirth', 'contact', 'address', 'identifier', 'school']);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (s: string): string[] => s.split(/[^\p{L}\p{N}'-]+/u).filter((w) => w.length >= 2);

/**
 * A scrubber built from every field of a record: the requester's own values are kept, the
 * identifying values of everyone else (whole values, and for names each word) are replaced.
 */
export const scrubberFor = (
  person: string,
  fields: ReadonlyArray<SubjectField>,
): ((s: string) => string) => {
  const own = new Set<string>();
  const others = new Set<string>();
  for (const f of fields) {
    if (typeof f.value !== 'string' || !IDENTIFYING.has(f.category)) continue;
    const target = f.subject === person ? own : others;
    target.add(f.value.toLowerCase());
    if (f.category === 'name') for (const w of words(f.value)) target.add(w.toLowerCase());
    if (f.subject !== person) others.add(f.subject.toLowerCase());
  }
  for (const o of own) others.delete(o);
  others.delete(person.toLowerCase());
  const needles = [...others].filter((n) => n.trim().length >= 2 && !n.startsWith('[erased:'));
  if (needles.length === 0) return (s) => s;
  // Longest first, so a full name is replaced before its words.
  needles.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${needles.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return (s) => s.replace(pattern, WITHHELD_PERSON);
};
