/**
 * `codage quotes CODE|THEME`: every quote of a code, or of the codes under a theme, with its
 * participant label, for reading a code through before deciding what to do with it. Reads the
 * study, lists with core/report/quote-list.ts, prints for the terminal (fitted to its width) or
 * as JSON.
 */
import { warnIfReconciliationUnfinished } from '../notices.js';
import { resolve } from 'node:path';
import { findNode } from '../../core/codebook/find-node.js';
import { entryCount, latestEntry, memoOf, type Memo } from '../../core/memo/memo.js';
import { listQuotes, type ListedQuote, type QuoteList } from '../../core/report/quote-list.js';
import { quoted, quoteText } from '../../core/report/quotes.js';
import { safeJson, terminalSafe as t } from '../../core/text/terminal.js';
import { wrapRuns, type Run } from '../../core/text/wrap.js';
import { segmentSentences } from '../../core/transcript/sentences.js';
import type { AnchoredSegment } from '../../core/study/anchor-codings.js';
import type { Codebook, CodebookNode, Language, Sentence, Transcript } from '../../core/types.js';
import { readMemos } from '../../io/memos.js';
import { cachedSentences } from '../../io/sentence-cache.js';
import type { CommandContext } from '../context.js';
import { codersToCount } from '../coder.js';
import { loadForCommand, warnIfIncomplete } from '../load.js';
import { formatNumber, paint } from '../output.js';
import { numberOption, requireAttribute } from '../study-checks.js';

interface QuotesOptions {
  study: string;
  coder?: string;
  by?: string;
  context?: string;
  json?: boolean;
}

export async function run(baseCtx: CommandContext, ref: string, options: QuotesOptions): Promise<number> {
  const contextSentences = numberOption('--context', options.context, 0, 0, 50, true);
  const root = resolve(options.study);
  // Whose quotes is known before reading: only those coder files are read and placed.
  const { coders } = await codersToCount(root, options.coder);
  const [{ ctx, study, segments, problems }, memos] = await Promise.all([loadForCommand(baseCtx, options.study, { coders }), readMemos(root)]);
  warnIfReconciliationUnfinished(ctx, root, coders);
  warnIfIncomplete(ctx, problems);
  const node = nodeOrUsedId(study.codebook, segments, ref);
  const memo = memoOf(memos, { kind: node.kind, id: node.id });
  if (options.by !== undefined) requireAttribute(study, options.by);
  const shown = segments.filter((s) => coders.includes(s.coder));
  let sentences: Map<string, Sentence[]> | undefined;
  if (contextSentences > 0) {
    const quoted = new Set(shown.map((s) => s.segment.participant));
    const transcripts = study.transcripts.filter((tr) => quoted.has(tr.id));
    sentences = await cachedSentences(root, transcripts, (tr) => segmentSentences(tr.text, tr.turns));
  }
  const list = listQuotes({
    codebook: study.codebook,
    node,
    segments: shown,
    coders,
    transcripts: study.transcripts,
    participants: study.participants,
    quoteLabel: study.config.quoteLabel ?? '{id}',
    language: ctx.language,
    ...(options.by !== undefined ? { by: options.by } : {}),
    ...(sentences !== undefined ? { context: { sentences: contextSentences, of: (tr: Transcript) => sentences.get(tr.id) ?? [] } } : {}),
  });
  if (options.json) {
    ctx.stdout.write(`${safeJson(quotesJson(list, study.codebook, memo))}\n`);
    return 0;
  }
  const colour = paint.level > 0;
  ctx.stdout.write(renderQuotes(list, study.codebook, { language: ctx.language, columns: ctx.stdout.columns ?? 80, colour }, memo));
  return 0;
}

/**
 * The code or theme `ref` names; else a code id that coder files use but codebook.yaml lacks
 * (`codage codebook` flags it): its quotes are listed too, under its id.
 */
function nodeOrUsedId(codebook: Codebook, segments: readonly AnchoredSegment[], ref: string): CodebookNode {
  try {
    return findNode(codebook, ref);
  } catch (error) {
    const id = ref.trim();
    if (!segments.some((s) => s.segment.codes.includes(id))) throw error;
    return { kind: 'code', id, name: id, parent: null, children: [] };
  }
}

/** The JSON shape of `codage quotes --json` (documented in the README; keep it stable). */
export function quotesJson(list: QuoteList, codebook: Codebook, memo?: Memo) {
  const code = (id: string) => ({ id, name: codebook.byId.get(id)?.name ?? id });
  return {
    kind: list.node.kind,
    id: list.node.id,
    name: list.node.name,
    path: list.path,
    definition: list.node.definition ?? list.node.description ?? null,
    include: list.node.include ?? null,
    exclude: list.node.exclude ?? null,
    memo: memo === undefined ? null : { file: memo.file, text: memo.text },
    codes: list.codes.map((c) => code(c.id)),
    participants: list.participants,
    total: list.total,
    references: list.references,
    coders: list.coders,
    by: list.by,
    groups: list.groups.map((g) => ({
      value: g.value,
      participants: g.participants,
      quoting: g.quoting,
      quotes: g.quotes.map((q) => ({
        participant: q.quote.participant,
        label: q.label,
        coder: q.quote.coder,
        segments: q.quote.segments,
        pieces: q.exact,
        text: quoteText(q.quote),
        exemplary: q.quote.exemplary,
        memos: q.quote.memos,
        codes: q.listedCodes.map(code),
        ...(q.context !== undefined ? { context: q.context } : {}),
      })),
    })),
  };
}

export interface RenderOptions {
  language: Language;
  columns: number;
  colour: boolean;
}

/** Line breaks inside a quote become spaces on the terminal (JSON keeps them). */
function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

type Style = 'dim' | 'bold' | 'cyan';

const painter = (text: string, style: Style): string => paint[style](text);

function wrapIndented(text: string | Run<Style>[], width: number, indent: string, firstIndent = indent): string {
  return wrapRuns(typeof text === 'string' ? [{ text }] : text, width, { indent, firstIndent, paint: painter });
}

/** One quote: ★ if exemplary, the text in the language's quotation marks, the label; context dimmed (or bracketed). */
function renderQuote(item: ListedQuote, list: QuoteList, codebook: Codebook, options: RenderOptions): string {
  const { language, columns, colour } = options;
  const fr = language === 'fr';
  const text = t(quoteText(item.quote));
  const runs: Run<Style>[] = [];
  const before = item.context === undefined ? '' : t(flat(item.context.before)).trim();
  const after = item.context === undefined ? '' : t(flat(item.context.after)).trim();
  if (before !== '') runs.push({ text: colour ? `… ${before}` : `[… ${before}]`, style: 'dim' });
  runs.push({ text: quoted(text, language) });
  if (after !== '') runs.push({ text: colour ? `${after} …` : `[${after} …]`, style: 'dim' });
  runs.push({ text: t(item.label) });
  if (list.coders.length > 1) runs.push({ text: `— ${t(item.quote.coder)}`, style: 'dim' });
  let out = wrapIndented(runs, columns, '    ', item.quote.exemplary ? '  ★ ' : '    ');
  if (list.node.kind === 'theme') {
    const names = item.listedCodes.map((id) => t(codebook.byId.get(id)?.name ?? id)).join(' · ');
    out += wrapIndented([{ text: `code${item.listedCodes.length > 1 ? 's' : ''}${fr ? '\u00a0: ' : ': '}${names}`, style: 'dim' }], columns, '      ');
  }
  for (const memo of item.quote.memos) out += wrapIndented([{ text: fr ? 'mémo\u00a0:' : 'memo:', style: 'cyan' }, { text: t(flat(memo)) }], columns, '      ');
  return out;
}

/** The memo on the code or theme: its latest entry, and where to read the rest. */
function memoBlock(memo: Memo, name: string, options: RenderOptions): string {
  const fr = options.language === 'fr';
  const entries = entryCount(memo.text);
  const head = fr
    ? `Mémo (${memo.file}${entries > 1 ? `, dernière de ${entries} entrées` : ''})\u00a0:`
    : `Memo (${memo.file}${entries > 1 ? `, latest of ${entries} entries` : ''}):`;
  let out = wrapIndented([{ text: head, style: 'cyan' }], options.columns, '  ', '');
  for (const paragraph of latestEntry(memo.text).split(/\n\s*\n/)) {
    if (paragraph.trim() !== '') out += wrapIndented(t(flat(paragraph)), options.columns, '  ');
  }
  if (entries > 1) out += wrapIndented([{ text: fr ? `(tout le mémo\u00a0: codage memo "${t(name)}")` : `(the whole memo: codage memo "${t(name)}")`, style: 'dim' }], options.columns, '  ');
  return out;
}

/** The terminal listing: header (name, place, definition, counts), then the quotes, by group if asked. */
export function renderQuotes(list: QuoteList, codebook: Codebook, options: RenderOptions, memo?: Memo): string {
  const { language, columns } = options;
  const fr = language === 'fr';
  const n = (value: number) => formatNumber(value, language);
  const colon = fr ? '\u00a0: ' : ': ';
  const node = list.node;
  let out = `${paint.bold(t(node.name))}${paint.dim(node.kind === 'theme' ? (fr ? ' (thème)' : ' (theme)') : '')}\n`;
  if (list.path.length > 0) out += wrapIndented([{ text: [...list.path, node.name].map(t).join(' › '), style: 'dim' }], columns, '');
  const fields: [string, string | undefined][] = [
    [fr ? 'Définition' : 'Definition', node.definition ?? node.description],
    [fr ? 'Inclure' : 'Include', node.include],
    [fr ? 'Exclure' : 'Exclude', node.exclude],
  ];
  for (const [name, value] of fields) if (value !== undefined && value.trim() !== '') out += wrapIndented([{ text: `${name}${colon.trimEnd()}`, style: 'bold' }, { text: t(flat(value)) }], columns, '  ', '');
  const quotes = list.groups.reduce((sum, g) => sum + g.quotes.length, 0);
  const counts = [
    fr ? `${list.participants}/${list.total} participants` : `${list.participants}/${list.total} participants`,
    fr ? `${n(list.references)} référence(s)` : `${n(list.references)} reference(s)`,
    fr ? `${n(quotes)} citation(s)` : `${n(quotes)} quote(s)`,
  ];
  if (node.kind === 'theme') counts.push(fr ? `${list.codes.length} code(s)` : `${list.codes.length} code(s)`);
  counts.push(list.coders.length === 1 ? `${fr ? 'codeur' : 'coder'}${colon}${t(list.coders[0] as string)}` : `${fr ? 'codeurs' : 'coders'}${colon}${list.coders.map(t).join(', ')}`);
  out += wrapIndented(counts.join(' · '), columns, '  ', '');
  if (memo !== undefined) out += memoBlock(memo, node.name, options);
  if (quotes === 0) {
    out += `\n${
      fr
        ? node.kind === 'theme' && list.codes.length === 0
          ? 'Ce thème ne contient encore aucun code.'
          : 'Aucune citation : aucun segment ne porte encore ce code.'
        : node.kind === 'theme' && list.codes.length === 0
          ? 'This theme holds no code yet.'
          : 'No quote: no segment carries this code yet.'
    }\n`;
    return out;
  }
  for (const group of list.groups) {
    out += '\n';
    if (group.value !== null) {
      const value = group.value === '—' ? (fr ? '— (non renseigné)' : '— (not given)') : t(group.value);
      out += `${paint.bold(`${t(list.by as string)} = ${value}`)}${paint.dim(
        fr
          ? ` · ${n(group.quotes.length)} citation(s), ${group.quoting}/${group.participants} participant(s)`
          : ` · ${n(group.quotes.length)} quote(s), ${group.quoting}/${group.participants} participant(s)`,
      )}\n`;
      if (group.quotes.length === 0) out += paint.dim(fr ? '    (aucune citation)\n' : '    (no quote)\n');
    }
    for (const item of group.quotes) out += renderQuote(item, list, codebook, options);
  }
  return out;
}
