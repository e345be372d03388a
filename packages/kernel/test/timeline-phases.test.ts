import { describe, expect, it } from 'vitest';
import { timelinePhases, type DomainEvent } from '../src/index.js';

type VisitEvent =
  | DomainEvent<'VisitBooked', { readonly visitId: string }>
  | DomainEvent<'VisitMoved', { readonly visitId: string }>
  | DomainEvent<'VisitCompleted', { readonly visitId: string }>
  | DomainEvent<'VisitWrittenUp', { readonly visitId: string }>;

const event = (type: VisitEvent['type']): VisitEvent => ({ type, data: { visitId: 'v-1' } });

describe('timelinePhases: the phase of every event type, written once', () => {
  const timeline = timelinePhases<VisitEvent>({
    VisitBooked: 'arrangements',
    VisitCompleted: 'visit',
    VisitMoved: 'arrangements',
    VisitWrittenUp: 'write-up',
  });

  it('the lanes are the phases in the order they first appear, each once', () => {
    expect(timeline.phases).toEqual(['arrangements', 'visit', 'write-up']);
  });

  it('each event is in the phase its type is mapped to', () => {
    expect(timeline.phaseOf(event('VisitMoved'))).toBe('arrangements');
    expect(timeline.phaseOf(event('VisitCompleted'))).toBe('visit');
    expect(timeline.phaseOf(event('VisitWrittenUp'))).toBe('write-up');
  });
});
