/**
 * Whose personal data each field of a stored event is, with the stream's primary subject
 * resolved: the kernel's `personalFieldsOf` (the data-subject mapping declared in the codecs)
 * gives each field's person, or none for free text, which then belongs to the first primary
 * subject the stream recorded (or to the record itself, `record:<stream>`). Retention, subject
 * access and rectification histories all read subjects through this one tracker, in stream order.
 */
import {
  personalFieldsOf,
  recordSubject,
  type AnyDomainModule,
  type DomainEvent,
  type PersonalDataCategory,
  type RecordedEvent,
} from '@aimline/kernel';

/** A decoded event: the stored event, its domain event and the module that owns its stream. */
export interface ScheduledEvent {
  readonly recorded: RecordedEvent;
  readonly event: DomainEvent;
  readonly module: AnyDomainModule;
}

export interface SubjectField {
  readonly path: ReadonlyArray<string | number>;
  readonly category: PersonalDataCategory;
  /** The person the field is about (resolved: never undefined). */
  readonly subject: string;
  readonly value: unknown;
}

export interface EventSubjects {
  readonly fields: ReadonlyArray<SubjectField>;
  /** Every person the event holds personal data about, in order met. */
  readonly persons: ReadonlyArray<string>;
  /** The stream's primary subject as known after this event. */
  readonly primary: string | undefined;
}

const valueAt = (data: unknown, path: ReadonlyArray<string | number>): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object'
        ? (node as Record<string | number, unknown>)[key]
        : undefined,
    data,
  );

/** A tracker to feed every event of a stream in order (any number of streams, interleaved). */
export const eventSubjects = (): ((e: ScheduledEvent) => EventSubjects) => {
  const primaryOf = new Map<string, string>();
  return (e) => {
    const stream = e.recorded.stream;
    const codec = e.module.events.definition(e.event.type)?.codec;
    if (codec === undefined) return { fields: [], persons: [], primary: primaryOf.get(stream) };
    const found = personalFieldsOf(codec, e.event.data);
    if (found.primarySubject !== undefined && !primaryOf.has(stream))
      primaryOf.set(stream, found.primarySubject);
    const primary = primaryOf.get(stream);
    const fields = found.fields.map((f) => ({
      path: f.path,
      category: f.category,
      subject: f.subject ?? primary ?? recordSubject(stream),
      value: valueAt(e.event.data, f.path),
    }));
    return { fields, persons: [...new Set(fields.map((f) => f.subject))], primary };
  };
};
