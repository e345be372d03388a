/**
 * The agencies of the multi-agency processes: one vocabulary for every domain package (hsb-aim's
 * assessors, managers and report authors; meetings' professionals and invitees), so a fact
 * handed from one process to another names its agency the same way. The list is the agencies
 * the sources name: police, children's social care, the youth offending service, health and
 * education (001: strategy discussion participants, HSB-3), early help (001: "Early help
 * Locality services"), CAMHS (001: "Child And Mental Health Services"), a specialist service
 * (001: "specialist agencies such as G Map, NSPCC"), and `other` for an agency not named. Stored as the plain string.
 */
import * as t from 'io-ts';

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

/** Every agency of the vocabulary, in its order. */
export const agencies = Object.keys(Agency.keys) as ReadonlyArray<Agency>;
