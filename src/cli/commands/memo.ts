/**
 * `codage memo [SUBJECT] [TEXT…]`: lists the memos of the study, shows one, adds a dated entry to
 * it, or opens it in the researcher's editor (see core/memo/memo.ts for the files).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appendEntry, entryCount, latestEntry, type Memo, memoFile, memoOf, type MemoSubject } from '../../core/memo/memo.js';
import { describeSubject, resolveSubject } from '../../core/memo/subject.js';
import { DataError, UsageError } from '../../core/errors.js';
import { allCodes, allThemes } from '../../core/codebook/query.js';
import type { Study } from '../../core/study/study.js';
import { safeJson, terminalSafe } from '../../core/text/terminal.js';
import type { Localized } from '../../core/types.js';
import { discardDraft, editDraft } from '../../io/editor.js';
import { readMemos } from '../../io/memos.js';
import { loadStudy } from '../../io/study.js';
import { changeStudy } from '../../io/study-change.js';
import { withStudyLanguage, type CommandContext } from '../context.js';
import { noticePrinter } from '../notices.js';
import { paint } from '../output.js';

interface MemoOptions {
  study: string;
  coder?: string;
  edit?: boolean;
  json?: boolean;
}

/** A coder's own note on a transcript, kept in the coder's file (written from the coding screen). */
interface CoderNote {
  participant: string;
  coder: string;
  file: string;
  text: string;
}

function coderNotes(study: Study, participant?: string): CoderNote[] {
  return study.coders.flatMap((c) =>
    Object.entries(c.coderFile.memos)
      .filter(([p, text]) => text.trim() !== '' && (participant === undefined || p === participant))
      .map(([p, text]) => ({ participant: p, coder: c.coder, file: c.file, text })),
  );
}

/** Who writes an entry: --coder, else CODAGE_CODER, else `coder:` in codage.yaml; none is fine. */
function author(options: MemoOptions, study: Study): string | undefined {
  const name = (options.coder ?? process.env.CODAGE_CODER ?? study.config.coder ?? '').trim();
  return name === '' ? undefined : name;
}

function subjectJson(subject: MemoSubject): Record<string, string> {
  return subject.kind === 'study' ? { kind: 'study' } : { kind: subject.kind, id: subject.id };
}

/** Memos in the order a researcher reads a study: the study, themes and codes in codebook order, transcripts in interview order, then the rest. */
function ordered(memos: Iterable<Memo>, study: Study): Memo[] {
  const rank = new Map<string, number>();
  const put = (subject: MemoSubject) => rank.set(memoFile(subject), rank.size);
  put({ kind: 'study' });
  for (const t of allThemes(study.codebook)) put({ kind: 'theme', id: t.id });
  for (const c of allCodes(study.codebook)) put({ kind: 'code', id: c.id });
  for (const t of study.transcripts) put({ kind: 'transcript', id: t.id });
  return [...memos]
    .filter((m) => m.text.trim() !== '')
    .sort((a, b) => (rank.get(a.file) ?? Infinity) - (rank.get(b.file) ?? Infinity) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function firstLine(text: string, width: number): string {
  const line = latestEntry(text).split('\n').find((l) => l.trim() !== '') ?? '';
  const flat = terminalSafe(line.trim());
  return flat.length > width ? `${flat.slice(0, Math.max(1, width - 1))}…` : flat;
}

export async function run(baseCtx: CommandContext, subjectRef: string | undefined, words: string[], options: MemoOptions): Promise<number> {
  const root = resolve(options.study);
  const study = await loadStudy(root);
  const ctx = withStudyLanguage(baseCtx, study.config);
  const fr = ctx.language === 'fr';
  const say = (m: Localized) => m[ctx.language];
  const memos = await readMemos(root);

  if (subjectRef === undefined) {
    if (words.length > 0 || options.edit) {
      throw new UsageError({ en: 'which memo? Give its subject first', fr: 'quel mémo ? Indiquer d’abord son sujet' }, { en: 'e.g. codage memo study --edit', fr: 'par exemple codage memo étude --edit' });
    }
    if (options.json) {
      ctx.stdout.write(`${listJson(study, [...memos.values()], ctx.language)}\n`);
      return 0;
    }
    return list(ctx, study, [...memos.values()]);
  }

  const { subject, label } = resolveSubject(subjectRef, { codebook: study.codebook, participants: study.transcripts.map((t) => t.id) });
  const file = memoFile(subject);
  const notes = subject.kind === 'transcript' ? coderNotes(study, subject.id) : [];

  if (words.length === 0 && !options.edit) {
    const memo = memoOf(memos, subject);
    if (options.json) {
      ctx.stdout.write(`${safeJson({ subject: subjectJson(subject), name: say(label), file, text: memo?.text ?? null, coderNotes: notes })}\n`);
      return 0;
    }
    ctx.stdout.write(`${paint.bold(fr ? `Mémo sur ${say(label)}` : `Memo on ${say(label)}`)} ${paint.dim(`— ${file}`)}\n`);
    if (memo) ctx.stdout.write(`\n${terminalSafe(memo.text.replace(/\s+$/u, ''))}\n`);
    else ctx.stdout.write(paint.dim(fr ? `Pas encore de mémo. En écrire un\u00a0: codage memo ${quoteArg(subjectRef)} "…" (ou --edit)\n` : `No memo yet. Write one: codage memo ${quoteArg(subjectRef)} "…" (or --edit)\n`));
    for (const note of notes) {
      ctx.stdout.write(`\n${paint.bold(fr ? `Note de ${note.coder}` : `Note by ${note.coder}`)} ${paint.dim(`— ${note.file}`)}\n${terminalSafe(note.text)}\n`);
    }
    return 0;
  }

  const command = `codage memo ${quoteArg(subjectRef)}${options.edit ? ' --edit' : ''}`;
  const change = { command, files: [file], onNotice: noticePrinter(ctx), ...(study.config.language ? { language: study.config.language } : {}) };

  if (options.edit) {
    if (words.length > 0) throw new UsageError({ en: 'give the text or --edit, not both', fr: 'indiquer le texte ou --edit, pas les deux' });
    const before = memos.get(file)?.text ?? '';
    let drafted: { text: string; draft: string };
    try {
      drafted = editDraft(root, `memo-${process.pid}.md`, before);
    } catch (error) {
      const { draft, editor } = error as { draft?: string; editor?: string };
      throw new DataError(
        { en: `the editor (${editor ?? '?'}) did not finish normally: the memo was not changed`, fr: `l’éditeur (${editor ?? '?'}) ne s’est pas terminé normalement\u00a0: le mémo n’a pas été modifié` },
        {
          hint: {
            en: `set VISUAL or EDITOR to your editor (e.g. EDITOR=nano)${draft ? `; what you typed is kept in ${draft}` : ''}`,
            fr: `définir VISUAL ou EDITOR avec votre éditeur (par ex. EDITOR=nano)${draft ? `\u00a0; ce que vous avez tapé est gardé dans ${draft}` : ''}`,
          },
        },
      );
    }
    if (drafted.text === before) {
      discardDraft(root, drafted.draft);
      ctx.stdout.write(fr ? `Mémo sur ${say(label)} inchangé.\n` : `Memo on ${say(label)} unchanged.\n`);
      return 0;
    }
    changeStudy(root, change, (files) => {
      const now = files.text(file) ?? '';
      if (now !== before) {
        throw new DataError(
          { en: `${file} changed while it was open in the editor: it was not overwritten`, fr: `${file} a changé pendant qu’il était ouvert dans l’éditeur\u00a0: il n’a pas été remplacé` },
          { file, hint: { en: `your version is kept in ${drafted.draft}: copy what you need into ${file}`, fr: `votre version est gardée dans ${drafted.draft}\u00a0: reporter ce qu’il faut dans ${file}` } },
        );
      }
      files.writeText(file, drafted.text);
    });
    discardDraft(root, drafted.draft);
    return saved(ctx, options, subject, label, file, drafted.text);
  }

  const text = words.length === 1 && words[0] === '-' ? readFileSync(0, 'utf8') : words.join(' ');
  if (text.trim() === '') {
    throw new UsageError({ en: 'the memo text is empty', fr: 'le texte du mémo est vide' }, { en: `e.g. codage memo ${quoteArg(subjectRef)} "what you noticed"`, fr: `par exemple codage memo ${quoteArg(subjectRef)} "ce que vous avez remarqué"` });
  }
  const who = author(options, study);
  const written = changeStudy(root, change, (files) => {
    const next = appendEntry(files.text(file) ?? '', { text, at: new Date(), ...(who ? { author: who } : {}) });
    files.writeText(file, next);
    return next;
  });
  return saved(ctx, options, subject, label, file, written);
}

function saved(ctx: CommandContext, options: MemoOptions, subject: MemoSubject, label: Localized, file: string, text: string): number {
  if (options.json) {
    ctx.stdout.write(`${safeJson({ ok: true, subject: subjectJson(subject), name: label[ctx.language], file, entries: entryCount(text) })}\n`);
    return 0;
  }
  ctx.stdout.write(`${paint.green('✓')} ${ctx.language === 'fr' ? `Mémo sur ${label.fr} enregistré dans ${file}` : `Memo on ${label.en} saved in ${file}`}\n`);
  return 0;
}

function quoteArg(word: string): string {
  return /^[\p{L}\p{N}._:/-]+$/u.test(word) ? word : JSON.stringify(word);
}

function list(ctx: CommandContext, study: Study, memos: Memo[]): number {
  const fr = ctx.language === 'fr';
  const rows = ordered(memos, study);
  const notes = coderNotes(study);
  if (rows.length === 0 && notes.length === 0) {
    ctx.stdout.write(
      fr
        ? 'Aucun mémo pour l’instant. En écrire un\u00a0: codage memo étude "…", codage memo MG1 "…", codage memo Frustration --edit\n'
        : 'No memo yet. Write one: codage memo study "…", codage memo MG1 "…", codage memo Frustration --edit\n',
    );
    return 0;
  }
  const width = Math.max(40, (ctx.stdout.columns ?? 100) - 4);
  const writeNote = (n: CoderNote) =>
    ctx.stdout.write(
      `${paint.bold(fr ? `L’entretien ${terminalSafe(n.participant)}` : `The transcript ${terminalSafe(n.participant)}`)}${paint.dim(fr ? ` — note de ${n.coder}` : ` — note by ${n.coder}`)} ${paint.dim(n.file)}\n    ${firstLine(n.text, width)}\n`,
    );
  // A coder's note on a transcript comes with that transcript's memo, in interview order.
  const pending = [...notes];
  const order = study.transcripts.map((t) => t.id);
  const notesUpTo = (participant: string | null, inclusive: boolean) => {
    const limit = participant === null ? Infinity : order.indexOf(participant);
    for (let i = 0; i < pending.length; ) {
      const raw = order.indexOf((pending[i] as CoderNote).participant);
      const at = raw < 0 ? Infinity : raw;
      if (at < limit || (inclusive && at === limit)) writeNote(pending.splice(i, 1)[0] as CoderNote);
      else i++;
    }
  };
  for (const m of rows) {
    const transcript = m.subject.kind === 'transcript' && study.transcriptById.has(m.subject.id) ? m.subject.id : null;
    if (m.subject.kind === 'transcript') notesUpTo(transcript, false);
    const entries = entryCount(m.text);
    const count = entries > 0 ? paint.dim(fr ? ` (${entries} entrée${entries > 1 ? 's' : ''})` : ` (${entries} entr${entries > 1 ? 'ies' : 'y'})`) : '';
    ctx.stdout.write(`${paint.bold(terminalSafe(capitalise(describeSubject(m.subject, study.codebook)[ctx.language])))}${count} ${paint.dim(m.file)}\n    ${firstLine(m.text, width)}\n`);
    if (transcript !== null) notesUpTo(transcript, true);
  }
  notesUpTo(null, true);
  return 0;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `codage memo --json`: every memo, with its text, and the coders' notes on transcripts. */
function listJson(study: Study, memos: Memo[], language: 'en' | 'fr'): string {
  return safeJson({
    memos: ordered(memos, study).map((m) => ({ subject: subjectJson(m.subject), name: describeSubject(m.subject, study.codebook)[language], file: m.file, entries: entryCount(m.text), text: m.text })),
    coderNotes: coderNotes(study),
  });
}
