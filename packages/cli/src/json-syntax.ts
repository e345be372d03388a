/**
 * Where text stopped being JSON, without quoting the text: V8's `JSON.parse` messages may quote
 * the characters around the fault (`Unexpected token 'A', ..."name":Alice Secr"... is not valid
 * JSON`), and a wire command may hold a child's name. Gives ` (at character N)` when the message
 * says where, else nothing.
 */
export const whereJsonStops = (e: unknown): string => {
  const at = /at position (\d+)/.exec(String(e))?.[1];
  return at === undefined ? '' : ` (at character ${at})`;
};
