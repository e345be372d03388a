/**
 * The one agency vocabulary of every domain (issue 15): hsb-aim and meetings both name it, so a
 * fact one process hands another needs no mapping.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { Agency, agencies } from '../src/index.js';

describe('Agency', () => {
  it('names the agencies of the sources, and other', () => {
    expect(agencies).toEqual([
      'police',
      'childrens-social-care',
      'youth-offending-service',
      'health',
      'education',
      'early-help',
      'camhs',
      'specialist-service',
      'other',
    ]);
  });
  it('decodes each of them to the plain string it is stored as', () => {
    for (const a of agencies) expect(Agency.decode(a)).toEqual(E.right(a));
  });
  it('refuses free text, another casing or a non-string', () => {
    for (const u of ['Testshire CSC', 'Police', '', 3, null])
      expect(E.isLeft(Agency.decode(u))).toBe(true);
  });
});
