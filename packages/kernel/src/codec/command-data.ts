/**
 * Command codecs derived from event codecs (the stored-schema rule: a stored event's codec is
 * written once, for the event; a command whose fields are its event's, less the instant and
 * what the decider derives, is derived from the event's codec, never the other way round).
 */
import * as t from 'io-ts';

/** The fields of the command: the event's, less `at` and the `K` the decider derives. */
type Dropped<P extends t.Props, K extends keyof P> = Omit<P, 'at' | K>;

const dropped = <P extends t.Props, K extends keyof P>(
  props: P,
  derived: ReadonlyArray<K>,
): Dropped<P, K> => {
  const rest: t.Props = { ...props };
  for (const name of ['at', ...derived]) delete rest[name as string];
  return rest as Dropped<P, K>;
};

/**
 * The data codec of the command an event records: the event's fields without `at` (a command
 * carries its instant beside its data) and without the `derived` fields the decider computes.
 * `commandDataOf(AimScheduled)` decodes `{ caseId, meetingId, start, venue }` exactly as
 * `AimScheduled` decodes them. Takes `t.type` or `t.strict` codecs, and either as the first
 * member of a `t.intersection` (its optional fields, kept as they are).
 */
export function commandDataOf<P extends t.Props, K extends keyof P = never>(
  event: t.ExactC<t.TypeC<P>>,
  derived?: ReadonlyArray<K>,
): t.ExactC<t.TypeC<Dropped<P, K>>>;
export function commandDataOf<P extends t.Props, K extends keyof P = never>(
  event: t.TypeC<P>,
  derived?: ReadonlyArray<K>,
): t.TypeC<Dropped<P, K>>;
export function commandDataOf<P extends t.Props, Q extends t.Mixed, K extends keyof P = never>(
  event: t.IntersectionC<[t.ExactC<t.TypeC<P>>, Q]>,
  derived?: ReadonlyArray<K>,
): t.IntersectionC<[t.ExactC<t.TypeC<Dropped<P, K>>>, Q]>;
export function commandDataOf<P extends t.Props, Q extends t.Mixed, K extends keyof P = never>(
  event: t.IntersectionC<[t.TypeC<P>, Q]>,
  derived?: ReadonlyArray<K>,
): t.IntersectionC<[t.TypeC<Dropped<P, K>>, Q]>;
export function commandDataOf(event: t.Mixed, derived: ReadonlyArray<string> = []): t.Mixed {
  if (event instanceof t.InterfaceType) return t.type(dropped(event.props as t.Props, derived));
  if (event instanceof t.ExactType && event.type instanceof t.InterfaceType)
    return t.strict(dropped(event.type.props as t.Props, derived));
  if (event instanceof t.IntersectionType) {
    const [first, second] = event.types as [t.Mixed, t.Mixed];
    return t.intersection([commandDataOf(first as t.TypeC<t.Props>, derived), second]);
  }
  throw new TypeError(`commandDataOf(${event.name}): not a t.type or t.strict event codec`);
}
