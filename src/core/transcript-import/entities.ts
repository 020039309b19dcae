/**
 * Character references in the markup transcripts arrive in (the HTML mammoth makes of a Word
 * document, the text of WebVTT and SubRip cues): `&amp;`, `&nbsp;`, `&#233;`, `&#xE9;`. The
 * direction marks `&lrm;` and `&rlm;` carry no text and are dropped. A numeric reference to no
 * character (`&#0;`, `&#xD800;`, `&#99999999;`) becomes U+FFFD, as browsers read it, instead of
 * stopping the import.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '', rlm: '' };

function character(code: number): string {
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

export function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[1] === 'x' || name[1] === 'X') return character(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return character(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}
