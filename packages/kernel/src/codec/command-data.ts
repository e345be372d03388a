/**
 * Command codecs derived from event codecs (the stored-schema rule: a stored event's codec is
 * written once, for the event; a command whose fields are exactly its event's, less the
 * instant, is derived from the event's codec, never the other way round).
 */
import * as t from 'io-ts';

type WithoutAt<P extends t.Props> = Omit<P, 'at'>;

const propsWithoutAt = <P extends t.Props>(props: P): WithoutAt<P> => {
  const { at: _at, ...rest } = props;
  return rest;
};

/**
 * The data codec of the command an event records: the event's fields without `at` (a command
 * carries its instant beside its data). `commandDataOf(AimScheduled)` decodes
 * `{ caseId, meetingId, start, venue }` exactly as `AimScheduled` decodes them. Takes `t.type`
 * codecs, and `t.intersection([t.type(…), t.partial(…)])` for events with optional fields.
 */
export function commandDataOf<P extends t.Props>(event: t.TypeC<P>): t.TypeC<WithoutAt<P>>;
export function commandDataOf<P extends t.Props, Q extends t.Props>(
  event: t.IntersectionC<[t.TypeC<P>, t.PartialC<Q>]>,
): t.IntersectionC<[t.TypeC<WithoutAt<P>>, t.PartialC<Q>]>;
export function commandDataOf(event: t.Mixed): t.Mixed {
  if (event instanceof t.InterfaceType) return t.type(propsWithoutAt(event.props as t.Props));
  if (event instanceof t.IntersectionType) {
    const [first, second] = event.types as [t.TypeC<t.Props>, t.Mixed];
    return t.intersection([commandDataOf(first), second]);
  }
  throw new TypeError(`commandDataOf(${event.name}): not a t.type or t.intersection event codec`);
}
