import * as t from 'io-ts';

/**
 * The agencies of the multi-agency processes, one list for every domain (issue 15: the agency
 * was a fixed list in hsb-aim and free text in meetings). `other` covers an agency not named.
 */
export const Agency = t.keyof(
  {
    police: null,
    'childrens-social-care': null,
    'youth-offending-service': null,
    health: null,
    education: null,
    'early-help': null,
    camhs: null,
    'specialist-service': null,
    other: null,
  },
  'Agency',
);
export type Agency = t.TypeOf<typeof Agency>;
