/**
 * `codage themes`: the screen to build the theme tree after open coding (tui/themes). It reads
 * the study, opens the screen, and writes each change the researcher makes at once, through the
 * same path as `codage codebook move/rename/add` (io/codebook-change.ts), journalled so that `u`
 * here and `codage codebook undo` take it back.
 */
import { resolve } from 'node:path';
import { tallyCodes } from '../../core/analysis/stats.js';
import { parseCodebook } from '../../core/codebook/parse.js';
import type { CodebookEdit } from '../../core/codebook/restructure.js';
import { DataError, UsageError } from '../../core/errors.js';
import { quoteLabel, quotesByCode, quoteText, selectQuotes } from '../../core/report/quotes.js';
import { anchorCodings } from '../../core/study/anchor-codings.js';
import { STUDY_FILES } from '../../core/study/study.js';
import type { Language, Localized } from '../../core/types.js';
import { changeCodebook, CodebookChangedError, readCodebookSourceSync } from '../../io/codebook-change.js';
import { listEdits, undoLastEdit } from '../../io/edit-history.js';
import { readMemos } from '../../io/memos.js';
import { assertStudyFolder, loadStudy } from '../../io/study.js';
import { refusalFor } from '../../io/study-change.js';
import type { EditRefusal } from '../../tui/themes/ThemesApp.js';
import type { PanelQuote, Saved, ThemesData } from '../../tui/themes/state.js';
import { codersToCount } from '../coder.js';
import { withStudyLanguage, type CommandContext } from '../context.js';
import { loadScreen } from '../screen-bundle.js';

interface ThemesOptions {
  study: string;
  coder?: string;
}

type ThemesScreen = typeof import('../../tui/themes/run.js');

function loadThemesScreen(): Promise<ThemesScreen> {
  return loadScreen('themes', () => import('../../tui/themes/run.js'));
}

/** Everything the screen shows, read from the study: the codebook, counts and quotes (of those coders). */
export async function readThemesData(root: string, coders: readonly string[], baseCtx: CommandContext): Promise<{ data: ThemesData; hasCodebook: boolean; language: 'fr' | 'en' | undefined }> {
  const [study, memos] = await Promise.all([loadStudy(root, { coders: [...coders] }), readMemos(root)]);
  const source = study.codebookSource;
  if (source !== null) {
    const refusal = refusalFor(STUDY_FILES.codebook, parseCodebook(source, STUDY_FILES.codebook));
    if (refusal !== null) throw refusal;
  }
  const placed = anchorCodings(study.coders, study.transcriptById).segments.filter((s) => s.status !== 'unplaced');
  const rank = new Map(study.transcripts.map((t, i) => [t.id, i]));
  const template = study.config.quoteLabel ?? '{id}';
  const quotes = new Map<string, PanelQuote[]>();
  for (const [code, list] of quotesByCode(placed, rank, false, withStudyLanguage(baseCtx, study.config).language)) {
    const shown = selectQuotes(list, { max: Infinity, exemplaryFirst: true, onePerParticipant: false, order: 'interview', omitAnnotations: false });
    quotes.set(
      code,
      shown.map((quote) => ({ label: quoteLabel(template, study.participants.get(quote.participant), quote.participant, withStudyLanguage(baseCtx, study.config).language), text: quoteText(quote) })),
    );
  }
  return {
    data: { codebook: study.codebook, source: source ?? '', tally: tallyCodes(placed), participants: study.transcripts.length, quotes, memos },
    hasCodebook: source !== null,
    language: study.config.language,
  };
}

/** What a refusal means for the screen: its message (and how to fix it), and whether to read the study again. */
export function explainRefusal(error: unknown): EditRefusal {
  if (error instanceof CodebookChangedError) return { message: error.localized, changedOnDisk: true };
  const e = error as { localized?: Localized; hint?: Localized };
  if (e !== null && typeof e === 'object' && e.localized !== undefined) {
    const hint = e.hint;
    return {
      message: hint === undefined ? e.localized : { en: `${e.localized.en} ${hint.en}`, fr: `${e.localized.fr} ${hint.fr}` },
      changedOnDisk: false,
    };
  }
  // Not a refusal codage knows: a bug. The screen says it; the study is unchanged (all or nothing).
  const text = error instanceof Error ? error.message : String(error);
  return { message: { en: `Internal error, nothing was written: ${text}`, fr: `Erreur interne, rien n’a été écrit\u00a0: ${text}` }, changedOnDisk: false };
}

/**
 * How the screen writes: each change through `codage codebook`'s path (io/codebook-change.ts),
 * decided on the codebook text the screen shows; `u` takes back only the journal entries this
 * screen wrote, last first, and only while they are the journal's last ones.
 */
export function themesWriter(root: string, language: Language): { onEdit: (edits: CodebookEdit[], command: string, expected: string) => Saved; onUndo: () => Saved } {
  const ours: number[] = [];
  // What a change has to say besides its summary (a stale lock taken over, an interrupted change completed).
  let told: Localized[] = [];
  const onNotice = (notice: Localized): void => {
    told.push(notice);
  };
  return {
    onEdit: (edits, command, expected) => {
      told = [];
      const plan = changeCodebook(root, edits, { command, coders: [], expected, language, onNotice });
      const written = plan.codebook !== null;
      if (written) {
        const last = listEdits(root)[0];
        if (last !== undefined && last.command === command) ours.push(last.number);
      }
      return { source: readCodebookSourceSync(root), summary: [...plan.summary, ...told], written };
    },
    onUndo: () => {
      const mine = ours[ours.length - 1];
      const last = listEdits(root)[0];
      if (mine === undefined || last === undefined || last.number !== mine) {
        throw new DataError(
          {
            en: `The last codebook edit was not made in this screen${last ? ` (${last.command})` : ''}: u does not take it back.`,
            fr: `La dernière modification du livre de codes n’a pas été faite dans cet écran${last ? ` (${last.command})` : ''}\u00a0: u ne l’annule pas.`,
          },
          { hint: { en: 'Use codage codebook undo on the command line.', fr: 'Utilisez codage codebook undo en ligne de commande.' } },
        );
      }
      told = [];
      const undone = undoLastEdit(root, { language, onNotice });
      ours.pop();
      return { source: readCodebookSourceSync(root), summary: [...undone.entry.summary, ...told], written: true };
    },
  };
}

/** `codage themes`. */
export async function run(baseCtx: CommandContext, options: ThemesOptions): Promise<number> {
  const root = resolve(options.study);
  await assertStudyFolder(root);
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      { en: 'codage themes needs an interactive terminal, and its input or output is not one', fr: "codage themes a besoin d’un terminal interactif, et son entrée ou sa sortie n’en est pas un" },
      {
        en: 'run it in a terminal window; in a script, use codage codebook move/rename/add',
        fr: 'le lancer dans une fenêtre de terminal ; dans un script, utiliser codage codebook move/rename/add',
      },
    );
  }
  const { coders } = await codersToCount(root, options.coder);
  // One coder's counts (asked for, or the consensus the exports show), else every coder's.
  const coder = coders.length === 1 ? coders[0] : undefined;
  const screen = loadThemesScreen();
  const first = await readThemesData(root, coders, baseCtx);
  const ctx = withStudyLanguage(baseCtx, first.language ? { language: first.language } : {});
  const language = ctx.language;
  const notices: Localized[] = [];
  if (!first.hasCodebook) {
    notices.push({
      en: 'This study has no codebook.yaml yet. n creates a theme (and the file); codes are added while coding (codage code) or with codage codebook add NAME.',
      fr: 'Cette étude n’a pas encore de codebook.yaml. n crée un thème (et le fichier)\u00a0; les codes s’ajoutent en codant (codage code) ou avec codage codebook add NOM.',
    });
  } else if (first.data.codebook.byId.size === 0) {
    notices.push({
      en: 'The codebook is empty. n creates a theme; codes are added while coding (codage code) or with codage codebook add NAME.',
      fr: 'Le livre de codes est vide. n crée un thème\u00a0; les codes s’ajoutent en codant (codage code) ou avec codage codebook add NOM.',
    });
  }
  const { runThemesScreen } = await screen;
  await runThemesScreen({
    ...first.data,
    language,
    coder: coder ?? null,
    notices,
    ...themesWriter(root, language),
    onReload: async () => (await readThemesData(root, coders, baseCtx)).data,
    explain: explainRefusal,
    onQuit: () => {},
  });
  return 0;
}
