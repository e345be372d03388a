/**
 * How deeply a parsed JSON value nests (objects and arrays), counting no further than `limit + 1`,
 * so a hostile body costs no more than the limit to measure.
 */
export const depthOf = (value: unknown, limit: number): number => {
  const walk = (v: unknown, depth: number): number => {
    if (typeof v !== 'object' || v === null) return depth;
    if (depth > limit) return depth + 1;
    let deepest = depth + 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      deepest = Math.max(deepest, walk(child, depth + 1));
      if (deepest > limit) return deepest;
    }
    return deepest;
  };
  return walk(value, 0);
};
