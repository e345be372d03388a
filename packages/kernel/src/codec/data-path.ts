/**
 * A place in an event's data: object keys and array indexes from the root, e.g.
 * `['victim', 'name']` or `['professionals', 0, 'name']` (the `path` of a `PersonalField`).
 */
export type DataPath = ReadonlyArray<string | number>;

type Node = Record<string | number, unknown>;

const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object';

/** The value at `path` in `data`; undefined when the path leaves the data. */
export const valueAt = (data: unknown, path: DataPath): unknown => {
  let at = data;
  for (const key of path) {
    if (!isNode(at)) return undefined;
    at = at[key];
  }
  return at;
};

/**
 * Replaces the value at `path` in `data` (in place: give it a copy) when the path leads to a
 * field or item that is there; a path that leaves the data, or the empty path, changes nothing.
 * Answers whether it replaced a value.
 */
export const setAt = (data: unknown, path: DataPath, value: unknown): boolean => {
  const last = path.at(-1);
  const parent = valueAt(data, path.slice(0, -1));
  if (last === undefined || !isNode(parent) || !(last in parent)) return false;
  parent[last] = value;
  return true;
};
