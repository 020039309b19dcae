/**
 * The scriptable edits of `codage codebook`: add, describe, rename, move, merge, split, delete,
 * and undo. Each is planned by core/codebook/restructure.ts and written by `changeStudy` as one
 * all-or-nothing change of codebook.yaml and every coder file it touches; what it wrote is kept in
 * the edit journal (io/edit-history.ts) for `codage codebook undo`.
 */
import { resolve } from 'node:path';
import type { CodebookEdit, DescribedField } from '../../core/codebook/restructure.js';
import { UsageError } from '../../core/errors.js';
import { safeJson, terminalSafe } from '../../core/text/terminal.js';
import { changeCodebook, recodes } from '../../io/codebook-change.js';
import { listEdits, undoLastEdit } from '../../io/edit-history.js';
import { findCode } from '../../core/codebook/find-node.js';
import { contextAround } from '../../core/report/quote-list.js';
import { splitItems } from '../../core/report/split-items.js';
import { segmentSentences } from '../../core/transcript/sentences.js';
import type { Sentence, Transcript } from '../../core/types.js';
import { segmentChoices } from '../../tui/split/split.js';
import { assertStudyFolder, listCoders, readStudyConfig } from '../../io/study.js';
import { withStudyLanguage, type CommandContext } from '../context.js';
import { loadForCommand, warnIfIncomplete } from '../load.js';
import { loadScreen } from '../screen-bundle.js';
import { noticePrinter } from '../notices.js';
import { paint } from '../output.js';

interface EditOptions {
  study: string;
  /** Given to `codage codebook` before the subcommand: refused (see refuseCoder). */
  coder?: string;
  lang?: string;
  json?: boolean;
  dryRun?: boolean;
}

/** The command as the user typed it, for lock files and the edit journal. */
function commandLine(words: string[]): string {
  return ['codage', 'codebook', ...words.map((w) => (/^[\p{L}\p{N}._/-]+$/u.test(w) ? w : JSON.stringify(w)))].join(' ');
}

/** `--coder` chooses whose codings `codage codebook` counts; an edit changes every coder's file at once. */
function refuseCoder(options: { coder?: string }, subcommand: string): void {
  if (options.coder === undefined) return;
  throw new UsageError(
    {
      en: `--coder does not apply to codage codebook ${subcommand}: an edit of the codebook changes every coder's file at once`,
      fr: `--coder ne s’applique pas à codage codebook ${subcommand}\u00a0: une modification de la grille change les fichiers de tous les codeurs à la fois`,
    },
    { en: 'remove --coder (it only filters the counts of codage codebook)', fr: 'retirer --coder (il ne filtre que les effectifs de codage codebook)' },
  );
}

/** Plans and writes one edit; prints what changed. */
export async function applyEdit(baseCtx: CommandContext, options: EditOptions, edit: CodebookEdit, words: string[]): Promise<number> {
  refuseCoder(options, edit.kind);
  const root = resolve(options.study);
  await assertStudyFolder(root);
  const { config } = await readStudyConfig(root);
  const ctx = withStudyLanguage(baseCtx, config);
  const dryRun = options.dryRun === true;
  const plan = changeCodebook(root, [edit], {
    command: commandLine(words),
    coders: recodes([edit]) ? await listCoders(root) : [],
    onNotice: noticePrinter(ctx),
    dryRun,
    ...(config.language ? { language: config.language } : {}),
  });
  const lines = plan.summary.map((s) => s[ctx.language]);
  if (options.json) {
    ctx.stdout.write(`${safeJson({ ok: true, dryRun, summary: lines, ...plan.details, codebookChanged: plan.codebook !== null, codersChanged: plan.coders.map((c) => c.coder) })}\n`);
    return 0;
  }
  for (const line of lines) ctx.stdout.write(`${paint.green('✓')} ${terminalSafe(line)}\n`);
  if (dryRun) ctx.stdout.write(paint.dim(ctx.language === 'fr' ? 'Essai (--dry-run)\u00a0: rien n’a été écrit.\n' : 'Dry run (--dry-run): nothing was written.\n'));
  else if (plan.codebook !== null || plan.coders.length > 0) {
    ctx.stdout.write(paint.dim(ctx.language === 'fr' ? 'Pour revenir en arrière\u00a0: codage codebook undo\n' : 'To take it back: codage codebook undo\n'));
  }
  return 0;
}

function texts(options: Partial<Record<DescribedField, string>>): Partial<Record<DescribedField, string>> {
  const out: Partial<Record<DescribedField, string>> = {};
  for (const field of ['description', 'definition', 'include', 'exclude', 'example', 'color'] as const) {
    if (options[field] !== undefined) out[field] = options[field];
  }
  return out;
}

export function runAdd(ctx: CommandContext, name: string, options: EditOptions & { theme?: string } & Partial<Record<DescribedField, string>>): Promise<number> {
  return applyEdit(ctx, options, { kind: 'add', name, ...(options.theme !== undefined ? { theme: options.theme } : {}), texts: texts(options) }, [
    'add',
    name,
    ...(options.theme !== undefined ? ['--theme', options.theme] : []),
  ]);
}

export function runDescribe(ctx: CommandContext, target: string, options: EditOptions & Partial<Record<DescribedField, string>>): Promise<number> {
  return applyEdit(ctx, options, { kind: 'describe', target, texts: texts(options) }, ['describe', target]);
}

export function runRename(ctx: CommandContext, target: string, name: string, options: EditOptions): Promise<number> {
  return applyEdit(ctx, options, { kind: 'rename', target, name }, ['rename', target, name]);
}

export function runMove(ctx: CommandContext, target: string, options: EditOptions & { to?: string; ungrouped?: boolean }): Promise<number> {
  if ((options.to === undefined) === (options.ungrouped !== true)) {
    throw new UsageError(
      { en: 'say where: --to "THEME > SUB-THEME", or --ungrouped', fr: 'dites où : --to "THÈME > SOUS-THÈME", ou --ungrouped' },
      { en: 'codage codebook move Humour --to "Vécu du médecin > Ressources du médecin"', fr: 'codage codebook move Humour --to "Vécu du médecin > Ressources du médecin"' },
    );
  }
  const to = options.ungrouped === true ? null : (options.to as string);
  return applyEdit(ctx, options, { kind: 'move', target, to }, ['move', target, ...(to === null ? ['--ungrouped'] : ['--to', to])]);
}

export function runMerge(ctx: CommandContext, from: string, into: string, options: EditOptions): Promise<number> {
  return applyEdit(ctx, options, { kind: 'merge', from, into }, ['merge', from, into]);
}

export function runDelete(ctx: CommandContext, target: string, options: EditOptions & { mergeInto?: string; dropSegments?: boolean }): Promise<number> {
  if (options.mergeInto !== undefined && options.dropSegments === true) {
    throw new UsageError({ en: 'give --merge-into or --drop-segments, not both', fr: 'donnez --merge-into ou --drop-segments, pas les deux' });
  }
  return applyEdit(
    ctx,
    options,
    { kind: 'delete', target, ...(options.mergeInto !== undefined ? { mergeInto: options.mergeInto } : {}), ...(options.dropSegments ? { dropSegments: true } : {}) },
    ['delete', target, ...(options.mergeInto !== undefined ? ['--merge-into', options.mergeInto] : []), ...(options.dropSegments ? ['--drop-segments'] : [])],
  );
}

/** `--segments ID=CODE,ID=CODE` (several times too): which new code each segment goes to. */
export function parseSegmentChoices(values: readonly string[]): Map<string, string> {
  const moves = new Map<string, string>();
  for (const item of values.flatMap((v) => v.split(','))) {
    const at = item.indexOf('=');
    const id = item.slice(0, at).trim();
    const code = item.slice(at + 1).trim();
    if (at < 0 || id === '' || code === '') {
      throw new UsageError(
        { en: `"${item}" is not ID=CODE in --segments`, fr: `« ${item} » n’est pas de la forme ID=CODE dans --segments` },
        { en: 'e.g. --segments sipjbizb=Colère,uhwml7cl=Lassitude', fr: 'p. ex. --segments sipjbizb=Colère,uhwml7cl=Lassitude' },
      );
    }
    if (moves.has(id) && moves.get(id) !== code) {
      throw new UsageError({ en: `segment ${id} is given two codes in --segments`, fr: `le segment ${id} reçoit deux codes dans --segments` });
    }
    moves.set(id, code);
  }
  return moves;
}

export async function runSplit(ctx: CommandContext, target: string, options: EditOptions & { into?: string[]; segments?: string[] }): Promise<number> {
  const into = options.into ?? [];
  if (into.length === 0) {
    throw new UsageError(
      { en: 'say into which codes: --into A1 A2', fr: 'dites en quels codes : --into A1 A2' },
      { en: `e.g. codage codebook split "${target}" --into "${target}" "Another code"`, fr: `p. ex. codage codebook split "${target}" --into "${target}" "Autre code"` },
    );
  }
  let segments: Map<string, string>;
  if (options.segments !== undefined) segments = parseSegmentChoices(options.segments);
  else {
    const chosen = await chooseOnScreen(ctx, target, into, options);
    if (chosen === null) return 0;
    segments = chosen;
  }
  return applyEdit(ctx, options, { kind: 'split', target, into, segments }, [
    'split',
    target,
    '--into',
    ...into,
    ...(segments.size > 0 ? ['--segments', [...segments].map(([id, code]) => `${id}=${code}`).join(',')] : []),
  ]);
}

/**
 * Without --segments, on a terminal: the split screen, where the researcher gives each quote of
 * the code one of the new codes. Null when they leave without splitting (nothing is written).
 */
async function chooseOnScreen(baseCtx: CommandContext, target: string, into: string[], options: EditOptions): Promise<Map<string, string> | null> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      {
        en: 'without --segments, codage codebook split asks on a terminal which quotes go where, and its input or output is not one',
        fr: "sans --segments, codage codebook split demande dans un terminal quelles citations vont où, et son entrée ou sa sortie n’en est pas un",
      },
      {
        en: `give --segments ID=CODE,… (codage segments --code "${target}" lists the segments with their ids), or run it in a terminal window`,
        fr: `donnez --segments ID=CODE,… (codage segments --code "${target}" liste les segments avec leurs identifiants), ou lancez-la dans une fenêtre de terminal`,
      },
    );
  }
  const { ctx, study, segments, problems } = await loadForCommand(baseCtx, options.study, { keepCodebook: false });
  warnIfIncomplete(ctx, problems);
  const code = findCode(study.codebook, target);
  const split = splitItems(study, segments, code.id, ctx.language);
  // Nothing carries the code: nothing to choose, the split only makes the new codes.
  if (split.items.length === 0) return new Map();
  const sentences = new Map<string, Sentence[]>();
  const sentencesOf = (transcript: Transcript) => {
    let list = sentences.get(transcript.id);
    if (!list) sentences.set(transcript.id, (list = segmentSentences(transcript.text, transcript.turns)));
    return list;
  };
  const { runSplitScreen } = await loadSplitScreen();
  const final = await runSplitScreen({
    language: ctx.language,
    code: code.name,
    into,
    items: split.items,
    coders: study.coders.map((c) => c.coder),
    contextOf: (index, n) => {
      const place = split.places[index];
      if (place === undefined) return { before: '', after: '' };
      const around = sentencesOf(place.transcript);
      const first = place.spans[0]!;
      const last = place.spans[place.spans.length - 1]!;
      return {
        before: contextAround(place.transcript, around, first.start, first.end, n).before,
        after: contextAround(place.transcript, around, last.start, last.end, n).after,
      };
    },
  });
  if (final === null || final.outcome !== 'split') {
    ctx.stdout.write(paint.dim(ctx.language === 'fr' ? 'Scission abandonnée\u00a0: rien n’a été écrit.\n' : 'Split left: nothing was written.\n'));
    return null;
  }
  return segmentChoices(final);
}

type SplitScreen = typeof import('../../tui/split/run.js');

function loadSplitScreen(): Promise<SplitScreen> {
  return loadScreen('split', () => import('../../tui/split/run.js'));
}

/** `codage codebook undo [--list]`. */
export async function runUndo(baseCtx: CommandContext, options: { study: string; coder?: string; json?: boolean; list?: boolean }): Promise<number> {
  refuseCoder(options, 'undo');
  const root = resolve(options.study);
  await assertStudyFolder(root);
  const { config } = await readStudyConfig(root);
  const ctx = withStudyLanguage(baseCtx, config);
  const fr = ctx.language === 'fr';
  if (options.list) {
    const edits = listEdits(root);
    if (options.json) {
      ctx.stdout.write(`${safeJson(edits.map((e) => ({ number: e.number, command: e.command, at: e.at, summary: e.summary.map((s) => s[ctx.language]), files: e.files.map((f) => f.file) })))}\n`);
      return 0;
    }
    if (edits.length === 0) ctx.stdout.write(fr ? 'Aucune modification à annuler.\n' : 'No edit to undo.\n');
    for (const e of edits) {
      ctx.stdout.write(`${paint.bold(`#${e.number}`)} ${localTime(e.at)}  ${terminalSafe(e.command)}\n`);
      for (const s of e.summary) ctx.stdout.write(`    ${terminalSafe(s[ctx.language])}\n`);
    }
    return 0;
  }
  const undone = undoLastEdit(root, { language: ctx.language, onNotice: noticePrinter(ctx) });
  const what = undone.entry.summary.map((s) => s[ctx.language]);
  if (options.json) {
    ctx.stdout.write(`${safeJson({ ok: true, undone: undone.entry.command, at: undone.entry.at, summary: what, files: undone.entry.files.map((f) => f.file), alreadyUndone: undone.alreadyUndone })}\n`);
    return 0;
  }
  ctx.stdout.write(`${paint.green('✓')} ${fr ? 'Annulé' : 'Undone'}${fr ? '\u00a0: ' : ': '}${terminalSafe(undone.entry.command)}\n`);
  for (const line of what) ctx.stdout.write(`    ${terminalSafe(line)}\n`);
  const files = undone.entry.files.map((f) => f.file).join(', ');
  const one = undone.entry.files.length === 1;
  ctx.stdout.write(
    paint.dim(
      undone.alreadyUndone
        ? fr
          ? `${files} ${one ? 'était déjà revenu à sa' : 'étaient déjà revenus à leur'} version d’avant.\n`
          : `${files} had already been put back as ${one ? 'it was' : 'they were'}.\n`
        : fr
          ? `${files} ${one ? 'remis' : 'remis'} comme avant cette modification.\n`
          : `${files} put back as ${one ? 'it was' : 'they were'} before this edit.\n`,
    ),
  );
  return 0;
}

/** `2026-12-02 08:22`: when an edit was made, on this computer's clock (--json keeps the UTC instant). */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
