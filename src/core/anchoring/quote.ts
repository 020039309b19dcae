/** A quote as an author wrote it: guillemets around it, ellipses for omitted parts. */

const SPACES = /^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g;
const OPENING = '«“„‟‹';
const CLOSING = '»”›';

/**
 * How many opening (`«“„‟‹`), closing (`»”›`, and `“` in German) and straight (`"`) quotation
 * marks `text` holds: one pass.
 */
function quotationMarks(text: string, german: boolean): { opens: number; closes: number; straight: number } {
  let opens = 0;
  let closes = 0;
  let straight = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) straight++;
    else if (c === 0x201c) german ? closes++ : opens++;
    else if (c === 0xab || c === 0x201e || c === 0x201f || c === 0x2039) opens++;
    else if (c === 0xbb || c === 0x201d || c === 0x203a) closes++;
  }
  return { opens, closes, straight };
}

/**
 * The quote in NFC, without surrounding spaces and the quotation marks around it
 * (`« on se sent démunis »` → `on se sent démunis`). A mark that closes a quotation opened
 * inside the quote stays: `il dit « non »` keeps its `»`, as the transcript has it.
 */
export function cleanQuote(quote: string): string {
  let q = quote.normalize('NFC').replace(SPACES, '');
  for (;;) {
    const first = q[0] ?? '';
    const last = q[q.length - 1] ?? '';
    // German quotation marks open with „ and close with “ (which opens in English): „so“ is one pair.
    const german = q.includes('„');
    const { opens, closes, straight } = quotationMarks(q, german);
    let next = q;
    const closing = (c: string) => CLOSING.includes(c) || (german && c === '“');
    if (q.length > 1 && OPENING.includes(first) && closing(last) && opens === closes && opens <= 1) next = q.slice(1, -1);
    else if (OPENING.includes(first) && opens > closes) next = q.slice(1);
    else if (closing(last) && closes > opens) next = q.slice(0, -1);
    else if (q.length > 1 && first === '"' && last === '"' && straight === 2) next = q.slice(1, -1);
    else if (first === '"' && straight % 2 === 1) next = q.slice(1);
    else if (last === '"' && straight % 2 === 1) next = q.slice(0, -1);
    next = next.replace(SPACES, '');
    if (next === q) return q;
    q = next;
  }
}

const signatures = new Map<string, RegExp[]>();

/** `(P4)`, `(MG4, F, 52 ans)`, `– P4`, `P4 :` around a quote: the author's signature, not the participant's words. */
function signaturePatterns(label: string): RegExp[] {
  let found = signatures.get(label);
  if (found === undefined) {
    found = buildSignaturePatterns(label);
    if (signatures.size > 1000) signatures.clear();
    signatures.set(label, found);
  }
  return found;
}

function buildSignaturePatterns(label: string): RegExp[] {
  const id = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
  return [
    new RegExp(`[\\s\u00a0\u202f]*[(\\[][\\s\u00a0\u202f]*${id}\\b[^()\\[\\]\\n]{0,40}[)\\]][\\s\u00a0\u202f.]*$`, 'iu'),
    new RegExp(`[\\s\u00a0\u202f]+[-–—][\\s\u00a0\u202f]*${id}[\\s\u00a0\u202f.]*$`, 'iu'),
    // `MG4 : …`, or a whole turn copied from the transcript: `[00:01:34] MG4 : …`.
    new RegExp(`^[\\s\u00a0\u202f]*(?:[\\[(]?\\d{1,2}:\\d{2}(?::\\d{2})?[\\])]?[\\s\u00a0\u202f]*)?${id}[\\s\u00a0\u202f]*:[\\s\u00a0\u202f]*`, 'iu'),
    // The label alone: where it is not, none of the above can match (one quick test instead of three).
    new RegExp(id, 'iu'),
  ];
}

/**
 * The quote without the participant's label the author pasted with it: `« on bricole » (MG4)`
 * → `« on bricole »`. `labels`: the spreadsheet's participant cell and the transcript's id.
 */
export function withoutSignature(quote: string, labels: readonly string[]): string {
  // A signature is short and at an end: only the ends are searched (a long quote stays fast).
  const EDGE = 80;
  let head = quote.length > 2 * EDGE ? quote.slice(0, EDGE) : quote;
  let tail = quote.length > 2 * EDGE ? quote.slice(-EDGE) : '';
  const middle = quote.length > 2 * EDGE ? quote.slice(EDGE, -EDGE) : '';
  for (const label of new Set(labels.map((l) => l.trim()).filter((l) => l !== ''))) {
    const [inParentheses, afterDash, before, bare] = signaturePatterns(label);
    if (!bare!.test(head) && (tail === '' || !bare!.test(tail))) continue;
    head = head.replace(before!, '');
    if (tail === '') head = head.replace(inParentheses!, '').replace(afterDash!, '');
    else tail = tail.replace(inParentheses!, '').replace(afterDash!, '');
  }
  return head + middle + tail;
}

const WORD = /[\p{L}\p{N}]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD.test(ch);
}
