/**
 * Memos: the researcher's notes on the study, a transcript, a code or a theme, kept as plain
 * Markdown files under `memos/` so that they can be read, edited and versioned without codage:
 *
 *     memos/study.md                  the study (method, reflexivity, decisions)
 *     memos/transcripts/<id>.md       an interview (by participant id)
 *     memos/codes/<code id>.md        a code (by its id, which a rename keeps)
 *     memos/themes/<theme id>.md      a theme
 *
 * `codage memo SUBJECT "…"` adds a dated entry (`## 2026-12-01 14:03 — marie`) at the end of the
 * file; the file is otherwise the researcher's, written and read as it is. (A coder's own note on a
 * transcript, written from the coding screen, stays in that coder's file: see `CoderFile.memos`.)
 */

export type MemoSubject = { kind: 'study' } | { kind: 'transcript'; id: string } | { kind: 'code'; id: string } | { kind: 'theme'; id: string };

export interface Memo {
  subject: MemoSubject;
  /** Relative to the study folder, with `/`. */
  file: string;
  /** The file's text (BOM removed, LF line endings, NFC). */
  text: string;
}

/** Memos by file. */
export type Memos = ReadonlyMap<string, Memo>;

export const MEMO_DIR = 'memos';

const FOLDERS = { transcript: 'transcripts', code: 'codes', theme: 'themes' } as const;

/** Characters kept as they are in a memo's file name; any other is written `%XX` (UTF-8). */
const PLAIN = /^[\p{L}\p{N}._-]$/u;

/** An id as a file name: `P 2` → `P%202`; never `.`, `..` or a hidden file. */
export function fileNameOf(id: string): string {
  let name = '';
  for (const ch of id.normalize('NFC')) name += PLAIN.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return name.startsWith('.') ? `%2E${name.slice(1)}` : name;
}

export function memoFile(subject: MemoSubject): string {
  if (subject.kind === 'study') return `${MEMO_DIR}/study.md`;
  return `${MEMO_DIR}/${FOLDERS[subject.kind]}/${fileNameOf(subject.id)}.md`;
}

/** The subject a file under `memos/` is about, or null for a file codage does not read as a memo. */
export function subjectOfFile(file: string): MemoSubject | null {
  if (file === `${MEMO_DIR}/study.md`) return { kind: 'study' };
  const m = /^memos\/(transcripts|codes|themes)\/([^/]+)\.md$/.exec(file);
  if (!m) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[2] as string).normalize('NFC');
  } catch {
    return null;
  }
  if (id === '') return null;
  const kind = m[1] === 'transcripts' ? 'transcript' : m[1] === 'codes' ? 'code' : 'theme';
  return { kind, id };
}

export function memoOf(memos: Memos, subject: MemoSubject): Memo | undefined {
  const memo = memos.get(memoFile(subject));
  return memo && memo.text.trim() !== '' ? memo : undefined;
}

/**
 * The heading line of a dated entry, as `entryHeading` writes it (`## 2026-12-01 14:03 — marie`)
 * or as a researcher dates one by hand (`## 2026-12-01`): one line, or every line of a text with
 * the `g` flag added (`m` is set). Not global, so `test` keeps no state.
 */
export const ENTRY_HEADING = /^## \d{4}-\d{2}-\d{2}[^\n]*$/mu;

/** `## 2026-12-01 14:03 — marie`: the heading of one entry (UTC, minutes). */
export function entryHeading(at: Date, author: string | undefined): string {
  const stamp = at.toISOString().slice(0, 16).replace('T', ' ');
  return `## ${stamp}${author ? ` — ${author}` : ''}`;
}

/** The memo with one more entry at its end, separated from what is there by a blank line. */
export function appendEntry(existing: string, entry: { text: string; at: Date; author?: string }): string {
  const body = entry.text.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  const before = existing.replace(/\s+$/u, '');
  return `${before === '' ? '' : `${before}\n\n`}${entryHeading(entry.at, entry.author)}\n\n${body}\n`;
}

/**
 * What a side panel shows first: the last dated entry's text (after its `ENTRY_HEADING`, to the
 * end of the memo, with any heading of the researcher's own inside it, `## À revoir`), or the whole
 * memo when it has no dated entry (written freely, sections and all) — so that it agrees with
 * `entryCount`, which the panels show beside it.
 */
export function latestEntry(text: string): string {
  const lines = text.replace(/\s+$/u, '').split('\n');
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (ENTRY_HEADING.test(lines[i] as string)) {
      start = i;
      break;
    }
  }
  return (start < 0 ? lines : lines.slice(start + 1)).join('\n').trim();
}

/** How many dated entries the memo holds (0 for a memo written freely). */
export function entryCount(text: string): number {
  return text.split('\n').filter((line) => ENTRY_HEADING.test(line)).length;
}

/** The latest entry on one line (whitespace and line breaks folded): what a screen shows in a row. */
export function memoLine(text: string): string {
  return latestEntry(text).replace(/\s+/gu, ' ').trim();
}

/**
 * The memo as paragraphs for a document that shows it (the report's annex): its blank-line
 * separated blocks, a line inside one joined to the next as Markdown reads it (a list keeps its
 * lines apart), and the headings of its entries (`## 2026-12-01 14:03 — marie`) as such, without
 * their `#`.
 */
export function memoParagraphs(text: string): { text: string; heading: boolean }[] {
  const out: { text: string; heading: boolean }[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = block.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    let body: string[] = [];
    const flush = (list: boolean) => {
      if (body.length > 0) out.push(...(list ? body.map((line) => ({ text: line, heading: false })) : [{ text: body.join(' '), heading: false }]));
      body = [];
    };
    const list = lines.some((line) => /^(?:[-*+]|\d+[.)])\s/.test(line));
    for (const line of lines) {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) {
        flush(list);
        out.push({ text: heading[1]!.trim(), heading: true });
      } else body.push(line);
    }
    flush(list);
  }
  return out;
}
