/**
 * The report's annex of memos: what the researcher wrote on the study, on its themes and codes and
 * on its interviews (`memos/`), and what the coders wrote in their coder files (a note on an
 * interview; a memo on a segment of the coding reported) — the memos the REFI-QDA export carries
 * too. In the order `codage memo` lists them: the study, the themes, the codes (codebook order),
 * the interviews (interview order). A memo on something the study no longer has is left out: it
 * is shown nowhere, as `codage check` says. Each is the researcher's text as written. Pure.
 */
import { allCodes, allThemes } from '../codebook/query.js';
import { type Memos, memoOf, memoParagraphs, type MemoSubject } from '../memo/memo.js';
import { describeSubject } from '../memo/subject.js';
import type { Block, Paragraph } from './document.js';
import { quoted } from './quotes.js';
import type { ReportStudy } from './report-study.js';
import { capitalize } from './typography.js';

export interface ReportMemos {
  /** The files of `memos/`. */
  files: Memos;
  /** Each coder's own notes on an interview, kept in the coder files (by participant). */
  notes: { coder: string; participant: string; text: string }[];
}

function paragraphsOf(text: string): Paragraph[] {
  return memoParagraphs(text).map((p) => [p.heading ? { text: p.text, bold: true } : { text: p.text }]);
}

/** The annex (a heading, then one section per subject that has a memo), or nothing when no memo was written. */
export function memoBlocks(study: ReportStudy): Block[] {
  const memos = study.memos;
  if (memos === undefined) return [];
  const { language, codebook } = study;
  const fr = language === 'fr';
  const sections: { title: string; paragraphs: Paragraph[] }[] = [];
  const title = (subject: MemoSubject) => capitalize(describeSubject(subject, codebook)[language]);
  const fromFile = (subject: MemoSubject) => {
    const memo = memoOf(memos.files, subject);
    if (memo) sections.push({ title: title(subject), paragraphs: paragraphsOf(memo.text) });
  };

  fromFile({ kind: 'study' });
  for (const theme of allThemes(codebook)) fromFile({ kind: 'theme', id: theme.id });
  // The codes of the codebook, then those the coding uses without the codebook having them.
  const codeIds = new Set(allCodes(codebook).map((c) => c.id));
  for (const s of study.segments) for (const id of s.segment.codes) codeIds.add(id);
  for (const id of codeIds) fromFile({ kind: 'code', id });

  // The memos of the coding reported, by transcript (one pass over the segments, not one a transcript).
  const coders = new Set(study.coders);
  const memoed = new Map<string, (typeof study.segments)[number][]>();
  for (const s of study.segments) {
    if (!coders.has(s.coder) || s.status === 'unplaced' || s.segment.memo === undefined || s.segment.memo.trim() === '') continue;
    const list = memoed.get(s.transcript.id);
    if (list === undefined) memoed.set(s.transcript.id, [s]);
    else list.push(s);
  }

  for (const t of study.transcripts) {
    const subject: MemoSubject = { kind: 'transcript', id: t.id };
    const paragraphs: Paragraph[] = [];
    const memo = memoOf(memos.files, subject);
    if (memo) paragraphs.push(...paragraphsOf(memo.text));
    for (const note of memos.notes) {
      if (note.participant !== t.id || note.text.trim() === '') continue;
      paragraphs.push([{ text: fr ? `Note de ${note.coder}` : `Note by ${note.coder}`, bold: true }], ...paragraphsOf(note.text));
    }
    // The memos of the coding reported, each under the passage it is about (its exact text).
    const onSegments = [...(memoed.get(t.id) ?? [])].sort((a, b) => a.start - b.start);
    for (const s of onSegments) {
      paragraphs.push([{ text: fr ? `Sur le passage ` : 'On the passage ', bold: true }, { text: quoted(s.text, language), italic: true }, { text: ` (${s.coder})` }], ...paragraphsOf(s.segment.memo!));
    }
    if (paragraphs.length > 0) sections.push({ title: title(subject), paragraphs });
  }

  if (sections.length === 0) return [];
  const blocks: Block[] = [{ type: 'heading', level: 1, text: fr ? 'Mémos' : 'Memos' }];
  for (const section of sections) {
    blocks.push({ type: 'heading', level: 2, text: section.title });
    for (const content of section.paragraphs) blocks.push({ type: 'paragraph', content });
  }
  return blocks;
}
