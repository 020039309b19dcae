/**
 * Word and Excel files are zip archives whose writers stamp them with the current time (in each
 * entry's header and in the document's properties). Rewriting the archive with fixed times makes
 * the same study give the same bytes; a date is written only when one is asked for.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** The time written when no date is asked for. */
export const FIXED_DATE = '2000-01-01T00:00:00Z';

export function normaliseZip(bytes: Uint8Array, date?: string): Uint8Array {
  const when = date ?? FIXED_DATE;
  const entries = unzipSync(bytes);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const out: Zippable = {};
  // Zip times are local DOS times: fflate reads the Date's local fields, so build it locally.
  const [y, m, d] = when.slice(0, 10).split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  for (const [name, data] of Object.entries(entries)) {
    let content = data;
    if (name === 'docProps/core.xml') {
      const xml = decoder
        .decode(data)
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${when.replace(/\.\d+Z$/, 'Z')}$2`);
      content = encoder.encode(xml);
    }
    // Fast compression: the archive is rebuilt on every export, and its size barely changes.
    out[name] = [content, { mtime, level: 1 }];
  }
  return zipSync(out);
}
