/** Tiny helpers to write SVG and HTML safely (every text escaped). */
export const esc = (s: string | number): string =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export const el = (
  tag: string,
  attrs: Record<string, string | number | undefined>,
  children = '',
): string =>
  `<${tag}${Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(v!)}"`)
    .join('')}>${children}</${tag}>`;
