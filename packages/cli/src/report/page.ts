import { el, esc } from './svg.js';

const STYLE = `body{font-family:system-ui,sans-serif;margin:24px;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}
.lane,.axis{font-size:11px;fill:#444}.axis-title{font-size:12px;fill:#222;font-weight:600}.legend span{margin-right:1em;font-size:.85em}.note{color:#555;font-size:.85em}`;

/** A self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched. */
export const page = (title: string, body: string, data: unknown): string =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}` +
  `<script type="application/json" id="report-data">${JSON.stringify(data, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)).replace(/</g, '\\u003c')}</script></body></html>`;

export const htmlTable = (
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  id?: string,
): string =>
  el(
    'table',
    { id },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, esc(h))).join(''))) +
      el(
        'tbody',
        {},
        rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, esc(c))).join(''))).join(''),
      ),
  );
