import * as t from 'io-ts';

/** Who did something: a professional's id, role and agency. Never a child. */
export const Actor = t.type(
  {
    id: t.string,
    role: t.string,
    agency: t.string,
  },
  'Actor',
);
export type Actor = t.TypeOf<typeof Actor>;
