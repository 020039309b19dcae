/**
 * The separator of a CSV file: the one used most on its first line, outside quotes — `;` as
 * French Excel writes, `,` or tab. `;` when there is a tie or none.
 */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]!++;
  }
  let best = ';';
  for (const d of ['\t', ',']) if (counts[d]! > counts[best]!) best = d;
  return best;
}
