import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { personalFieldsOf } from '@aimline/kernel';
import { ConcernReported } from '../src/events.js';

const golden = JSON.parse(
  readFileSync(new URL('./golden/ConcernReported.v1.json', import.meta.url), 'utf8'),
) as { data: unknown };

describe('data subjects of an HSB case (issue 13: erase, sar and access-log agree on whose a field is)', () => {
  it("the alleged child is the case's primary subject; the victim's, the social worker's and the summary's fields are attributed to their own person", () => {
    const { fields, primarySubject } = personalFieldsOf(ConcernReported, golden.data);
    const byPath = Object.fromEntries(fields.map((f) => [f.path.join('.'), f.subject]));
    expect(primarySubject).toBe('ch-0023');
    expect(byPath).toEqual({
      'child.name': 'ch-0023',
      'child.dateOfBirth': 'ch-0023',
      'child.school': 'ch-0023',
      'child.learningDisability': 'ch-0023',
      'child.socialWorker.name': 'sw-3209',
      'victim.name': 'ch-0024',
      'victim.dateOfBirth': 'ch-0024',
      'victim.school': 'ch-0024',
      'victim.socialWorker.name': 'sw-3209',
      summary: undefined,
    });
  });
});
