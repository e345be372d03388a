import type { Projection } from '@aimline/projections';

/** Events per module and per type: the smallest whole-history projection. */
export const eventCounts: Projection<{
  byType: Record<string, number>;
  byStreamCategory: Record<string, number>;
  events: number;
}> = {
  name: 'event-counts',
  // Counts types and processes: no personal field.
  personalData: [],
  initialState: () => ({ byType: {}, byStreamCategory: {}, events: 0 }),
  apply: (s, e) => {
    s.events++;
    s.byType[e.recorded.type] = (s.byType[e.recorded.type] ?? 0) + 1;
    s.byStreamCategory[e.module.name] = (s.byStreamCategory[e.module.name] ?? 0) + 1;
    return s;
  },
};
