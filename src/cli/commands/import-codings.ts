import { resolve } from 'node:path';
import { thresholdText } from '../../core/anchoring/reasons.js';
import { DataError, UsageError } from '../../core/errors.js';
import { detectColumns } from '../../core/import/columns.js';
import { lookalikeCodes, mapImportCodes } from '../../core/import/codebook-additions.js';
import { confirmedPlaces, mergeImportedSegments } from '../../core/import/merge.js';
import { importedCodes, planImport, type ImportSummary } from '../../core/import/plan.js';
import { reviewRows } from '../../core/import/review.js';
import { themeDisagreements, type ThemeDisagreement } from '../../core/import/theme-check.js';
import { formatDelimited } from '../../core/report/delimited.js';
import { transcriptOffsets } from '../../core/study/anchor-codings.js';
import { coderFilePath, STUDY_FILES } from '../../core/study/study.js';
import { someNames } from '../../core/text/some-names.js';
import { safeJson, terminalSafe } from '../../core/text/terminal.js';
import { EnvironmentError } from '../../io/environment-error.js';
import { assertOutsideStudyData, writeOutputFile } from '../../io/output-file.js';
import { refuseOtherExtension } from '../output-file.js';
import { readSpreadsheet } from '../../io/spreadsheet.js';
import { changeStudy, refusalFor } from '../../io/study-change.js';
import { loadStudy } from '../../io/study.js';
import { resolveCoder } from '../coder.js';
import { withStudyLanguage, type CommandContext } from '../context.js';
import { noticePrinter } from '../notices.js';
import { formatNumber, formatPercent, paint } from '../output.js';
import { progressBar } from '../progress.js';
import { refuseErrorsIn } from '../study-checks.js';

interface ImportOptions {
  study: string;
  coder: string;
  append?: boolean;
  replace?: boolean;
  minScore: string;
  review?: string;
  dryRun?: boolean;
  json?: boolean;
}

function parseMinScore(value: string): number {
  const score = Number(value.replace(',', '.'));
  if (!Number.isFinite(score) || score <= 0 || score > 1) {
    throw new UsageError(
      { en: `--min-score must be a number between 0 and 1, not "${value}"`, fr: `--min-score doit être un nombre entre 0 et 1, pas « ${value} »` },
      { en: 'e.g. --min-score 0.85 (the default)', fr: 'par exemple --min-score 0.85 (la valeur par défaut)' },
    );
  }
  return score;
}

export async function run(baseCtx: CommandContext, file: string, options: ImportOptions): Promise<number> {
  const root = resolve(options.study);
  const resolved = await resolveCoder(root, options.coder, { mustExist: false });
  const coder = resolved.coder;
  if (options.append && options.replace) {
    throw new UsageError({ en: 'choose --append or --replace, not both', fr: 'choisir --append ou --replace, pas les deux' });
  }
  const minScore = parseMinScore(options.minScore);
  const study = await loadStudy(root, { coders: [coder] });
  const ctx = withStudyLanguage(baseCtx, study.config);
  const fr = ctx.language === 'fr';
  if (resolved.nearest !== undefined) {
    ctx.stderr.write(
      `${paint.yellow('note')}${fr ? '\u00a0: ' : ': '}${
        fr
          ? `nouveau codeur « ${coder} » (${coderFilePath(coder)}) ; vouliez-vous dire --coder ${resolved.nearest} ?`
          : `new coder "${coder}" (${coderFilePath(coder)}); did you mean --coder ${resolved.nearest}?`
      }\n`,
    );
  }

  // The codebook the import adds to and maps names to must be read completely (two codes with one
  // id would make a quote's code ambiguous).
  refuseErrorsIn(study.problems, [STUDY_FILES.codebook]);

  // Said now, before the spreadsheet is read; decided again under the lock (another import may
  // have written this coder's file meanwhile).
  const existing = study.coders.find((c) => c.coder === coder);
  if (existing) {
    const refusal = refusalFor(existing.file, { rewritable: existing.rewritable, problems: study.problems });
    if (refusal) throw refusal;
    if (!options.dryRun) assertNoMix(coder, existing.coderFile.segments.length, options);
  }
  const reviewPath = options.review === undefined ? (options.dryRun ? null : resolve(root, `import-review-${coder}.csv`)) : resolve(options.review);
  if (options.review !== undefined) {
    assertOutsideStudyData(root, options.review, '--review');
    refuseOtherExtension(options.review, '--review', 'csv');
  }

  const sheet = await readSpreadsheet(resolve(file));
  const columns = detectColumns(sheet.header);
  if ('missing' in columns) {
    throw new DataError(
      {
        en: `no ${columns.missing.join(', ')} column in the first row (found: ${sheet.header.join(' | ')})`,
        fr: `pas de colonne ${columns.missing.map((m) => ({ participant: 'participant', code: 'code', quote: 'verbatim' })[m]).join(', ')} sur la première ligne (trouvé : ${sheet.header.join(' | ')})`,
      },
      {
        file,
        line: 1,
        column: 1,
        hint: {
          en: 'name the columns e.g. Participant, Code, Quote (optional: Theme, Memo)',
          fr: 'nommer les colonnes par exemple Participant, Code, Verbatim (facultatif : Thème, Mémo)',
        },
      },
    );
  }

  const bar = progressBar(ctx.stderr, fr ? 'Recherche des verbatims' : 'Locating quotes', 200);
  const plan = planImport({
    rows: sheet.rows,
    columns,
    transcripts: study.transcripts.map((t) => ({
      id: t.id,
      text: t.text,
      attributes: t.attributes,
      get turns() {
        return t.turns;
      },
      get annotations() {
        return t.annotations;
      },
      bodyLine: t.bodyLine,
    })),
    minScore,
    // Replaced: a quote said at several places goes back to the one the coder confirmed, when nothing else tells.
    ...(existing !== undefined && options.replace ? { confirmed: confirmedPlaces(existing.coderFile.segments, study.transcriptById) } : {}),
    codeNames: [...study.codebook.byId.values()].filter((node) => node.kind === 'code').map((node) => node.name),
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.done();
  const wanted = importedCodes(plan.results);

  const command = `codage import-codings --coder ${coder}`;
  const coderFile = coderFilePath(coder);

  // One change: the codebook and the coder file are both written, or neither.
  const outcome = changeStudy(
    root,
    { command, files: [STUDY_FILES.codebook, coderFile], onNotice: noticePrinter(ctx), dryRun: options.dryRun === true, language: study.config.language },
    (files) => {
      const current = files.coder(coder);
      if (current && !options.dryRun) assertNoMix(coder, current.coderFile.segments.length, options);
      const source = files.codebook();
      const codebookEdit = mapImportCodes(source, wanted);
      const lookalikes = lookalikeCodes(source, codebookEdit.result.addedCodes);
      if (codebookEdit.source !== source) files.writeCodebook(codebookEdit.source);
      const merged = mergeImportedSegments({
        coder,
        base: current === null ? null : options.replace ? { ...current.coderFile, segments: [] } : current.coderFile,
        // Replaced: a segment imported again where it was keeps its id (confirm, reconcile name it).
        ...(current !== null && options.replace ? { previous: current.coderFile.segments } : {}),
        segments: plan.segments,
        codeIds: codebookEdit.result.ids,
        transcripts: study.transcriptById,
        now: new Date().toISOString(),
        random: Math.random,
      });
      files.writeCoder({ coder, coderFile: merged.coderFile, ...(current && !options.replace ? { kept: current.kept } : {}) });
      return { codebookEdit: codebookEdit.result, lookalikes, merged };
    },
  );
  const codebookEdit = outcome.codebookEdit;
  const written = options.dryRun ? 0 : outcome.merged.added;
  const completed = options.dryRun ? 0 : outcome.merged.merged;
  const already = options.dryRun ? 0 : outcome.merged.already;
  // The segment ids each row became, for the review (and `codage confirm`).
  const segmentIds = new Map<number, string[]>();
  if (!options.dryRun) {
    plan.segments.forEach((s, i) => {
      const id = outcome.merged.ids[i];
      if (id) for (const row of s.rows) segmentIds.set(row, [...new Set([...(segmentIds.get(row) ?? []), id])]);
    });
  }

  // A spreadsheet opens the review: never a formula in it (see core/report/delimited.ts).
  // Offsets in code points, as the coder file and `codage segments` give them.
  const codePoint = (participant: string, offset: number) => {
    const transcript = study.transcriptById.get(participant);
    return transcript === undefined ? offset : transcriptOffsets(transcript).toCodePoint(offset);
  };
  // Places confirmed in the replaced file and placed there again: still confirmed (see merge.ts).
  const stillConfirmed = outcome.merged.stillConfirmed;
  const confirmAgain = outcome.merged.confirmAgain;
  const review = formatDelimited(reviewRows(plan, ctx.language, segmentIds, codePoint, new Set(stillConfirmed), new Set(confirmAgain)), { delimiter: fr ? ';' : ',', bom: true });
  if (reviewPath !== null) {
    try {
      writeOutputFile(root, reviewPath, review, '--review');
    } catch (error) {
      if (!(error instanceof EnvironmentError) || options.dryRun) throw error;
      // The import itself is saved: say so with the failure.
      throw new DataError(
        {
          en: `${error.localized.en} The import itself is saved: ${written} segment(s) in ${coderFile}.`,
          fr: `${error.localized.fr} L’import lui-même est enregistré\u00a0: ${written} segment(s) dans ${coderFile}.`,
        },
        error.hint ? { hint: error.hint } : {},
      );
    }
  }

  const summary = plan.summary;
  // Placed among several places and left for the researcher to confirm: not those still confirmed,
  // nor those to confirm again, which are said apart below (counted once).
  const settled = new Set([...stillConfirmed, ...confirmAgain]);
  const ambiguousSegments = plan.segments.filter((s, i) => s.ambiguous && !settled.has(outcome.merged.ids[i] ?? '')).length;
  // Placed from a quote scoring under the min score or placed in part (not among several places): to confirm too.
  const unsureSegments = plan.segments.filter((s, i) => s.unsure === true && !s.ambiguous && !settled.has(outcome.merged.ids[i] ?? '')).length;
  const misplaced = themeDisagreements(plan.results, codebookEdit.themes);
  for (const d of misplaced) ctx.stderr.write(`${paint.yellow(fr ? 'attention' : 'warning')}${fr ? '\u00a0: ' : ': '}${terminalSafe(themeWarning(d, file, ctx.language))}\n`);
  if (options.json) {
    ctx.stdout.write(
      `${safeJson(
        {
          coder,
          file: resolve(file),
          format: sheet.format,
          dryRun: options.dryRun === true,
          minScore,
          summary: { ...summary, anchored: anchoredRows(summary) },
          segmentsWritten: written,
          segmentsCompleted: completed,
          segmentsAlreadyThere: already,
          ambiguousSegments,
          unsureSegments,
          stillConfirmed,
          confirmAgain,
          sharedPlaces: plan.shared,
          codesAdded: codebookEdit.addedCodes,
          themesAdded: codebookEdit.addedThemes,
          themesNotApplied: misplaced,
          review: reviewPath,
        },
      )}\n`,
    );
    return 0;
  }
  ctx.stdout.write(renderSummary(summary, ctx.language, minScore));
  if (summary.unknownParticipant > 0) ctx.stdout.write(unknownParticipants(summary, study.transcripts.map((t) => t.id), ctx.language));
  if (summary.participantsRead.length > 0) ctx.stdout.write(participantsRead(summary, ctx.language));
  const colon = fr ? '\u00a0: ' : ': ';
  if (ambiguousSegments > 0) {
    ctx.stdout.write(
      `${paint.yellow(fr ? 'À confirmer' : 'To confirm')}${colon}${
        fr
          ? `${formatNumber(ambiguousSegments, 'fr')} segment(s) placé(s) parmi plusieurs endroits possibles (d’après le contexte, sinon au plus près des lignes voisines), marqués « ambiguous » (codage check les liste, codage confirm les valide)`
          : `${formatNumber(ambiguousSegments, 'en')} segment(s) placed among several possible places (by context, else nearest the neighbouring rows), marked "ambiguous" (codage check lists them, codage confirm accepts them)`
      }\n`,
    );
  }
  if (unsureSegments > 0) {
    const threshold = thresholdText(minScore, ctx.language);
    ctx.stdout.write(
      `${paint.yellow(fr ? 'À confirmer' : 'To confirm')}${colon}${
        fr
          ? `${formatNumber(unsureSegments, 'fr')} segment(s) de citations placées en partie ou avec un score sous ${threshold} (la revue dit pourquoi), marqués « ambiguous » (codage check les liste, codage confirm les valide)`
          : `${formatNumber(unsureSegments, 'en')} segment(s) of quotes placed in part or with a score under ${threshold} (the review says why), marked "ambiguous" (codage check lists them, codage confirm accepts them)`
      }\n`,
    );
  }
  // A confirmation is the researcher's work: said whether it was kept or is to be done again.
  if (confirmAgain.length > 0) {
    ctx.stdout.write(
      `${paint.yellow(fr ? 'À confirmer de nouveau' : 'To confirm again')}${colon}${
        fr
          ? `${formatNumber(confirmAgain.length, 'fr')} segment(s) que vous aviez confirmé(s) (codage confirm), placé(s) maintenant à un autre endroit, ou là où le texte de la transcription a changé autour\u00a0: ${someNames(confirmAgain, 'fr')}`
          : `${formatNumber(confirmAgain.length, 'en')} segment(s) you had confirmed (codage confirm), now placed at another place, or where the transcript text around them changed: ${someNames(confirmAgain, 'en')}`
      }\n`,
    );
  }
  if (stillConfirmed.length > 0) {
    ctx.stdout.write(
      fr
        ? `Toujours confirmé(s)\u00a0: ${formatNumber(stillConfirmed.length, 'fr')} segment(s) placé(s) de nouveau là où vous l’aviez confirmé (codage confirm), dans le même texte\u00a0: rien à confirmer de nouveau.\n`
        : `Still confirmed: ${formatNumber(stillConfirmed.length, 'en')} segment(s) placed again where you had confirmed them (codage confirm), in the same text: nothing to confirm again.\n`,
    );
  }
  for (const shared of plan.shared) {
    const rows = someNames(shared.rows.map(String), ctx.language);
    ctx.stdout.write(
      `${paint.yellow(fr ? 'À vérifier' : 'To check')}${colon}${
        fr
          ? `les lignes ${rows} (${terminalSafe(shared.participant)}) ont le même verbatim, que l’entretien dit à ${shared.places} endroits : elles sont un seul segment, à un endroit choisi. Si ce sont des passages différents, donner à chaque ligne son passage (ses colonnes début et fin, ou un verbatim plus long), puis importer à nouveau.`
          : `rows ${rows} (${terminalSafe(shared.participant)}) have the same quote, which the interview says at ${shared.places} places: they are one segment, at one place chosen. If they are different passages, give each row its passage (its start and end columns, or a longer quote), then import again.`
      }
`,
    );
  }
  if (codebookEdit.addedCodes.length > 0 || codebookEdit.addedThemes.length > 0) {
    // An Excel codebook may bring hundreds of codes: the first names, then how many more.
    const what = someNames(
      [
        ...codebookEdit.addedThemes.map((t) => (fr ? `thème «\u00a0${t}\u00a0»` : `theme “${t}”`)),
        ...codebookEdit.addedCodes.map((c) => (fr ? `«\u00a0${c}\u00a0»` : `“${c}”`)),
      ],
      ctx.language,
    );
    ctx.stdout.write(
      `${options.dryRun ? (fr ? 'Seraient ajoutés à codebook.yaml' : 'Would add to codebook.yaml') : fr ? 'Ajoutés à codebook.yaml' : 'Added to codebook.yaml'}${colon}${terminalSafe(what)}\n`,
    );
  }
  // A code the sheet misspells becomes a second code: its references would be counted apart.
  for (const { name, like } of outcome.lookalikes) {
    const q = (s: string) => JSON.stringify(s);
    ctx.stdout.write(
      `${paint.yellow(fr ? 'À vérifier' : 'To check')}${colon}${terminalSafe(
        fr
          ? `le code «\u00a0${name}\u00a0» ${options.dryRun ? 'serait ajouté' : 'a été ajouté'} à côté de «\u00a0${like}\u00a0» : une faute de frappe du tableur\u00a0? Ses références seraient comptées à part. Pour les réunir : codage codebook merge ${q(name)} ${q(like)}${options.dryRun ? ' après l’import (ou corriger le tableur)' : ''}`
          : `the code “${name}” ${options.dryRun ? 'would be added' : 'was added'} beside “${like}”: a typo in the spreadsheet? Its references would be counted apart. To bring them together: codage codebook merge ${q(name)} ${q(like)}${options.dryRun ? ' after the import (or correct the spreadsheet)' : ''}`,
      )}\n`,
    );
  }
  if (options.dryRun) {
    ctx.stdout.write(
      reviewPath === null
        ? fr
          ? "Essai à blanc : rien n’a été écrit. Pour la revue ligne par ligne, ajouter --review FICHIER.\n"
          : 'Dry run: nothing was written. For the row-by-row review, add --review FILE.\n'
        : fr
          ? `Essai à blanc : rien n’a été écrit dans l’étude. Revue : ${reviewPath}\n`
          : `Dry run: nothing was written to the study. Review: ${reviewPath}\n`,
    );
  } else {
    if (already > 0) {
      ctx.stdout.write(
        fr
          ? `${formatNumber(already, 'fr')} segment(s) déjà dans ${coderFilePath(coder)} (même passage, mêmes codes) : pas ajouté(s) une seconde fois.\n`
          : `${formatNumber(already, 'en')} segment(s) already in ${coderFilePath(coder)} (same passage, same codes): not added again.\n`,
      );
    }
    if (completed > 0) {
      ctx.stdout.write(
        fr
          ? `${formatNumber(completed, 'fr')} segment(s) déjà là complété(s) par de nouveaux codes.\n`
          : `${formatNumber(completed, 'en')} segment(s) already there got new codes.\n`,
      );
    }
    ctx.stdout.write(
      fr
        ? `${formatNumber(written, 'fr')} segment(s) écrit(s) dans ${coderFilePath(coder)}. Revue ligne par ligne : ${reviewPath}\n`
        : `${formatNumber(written, 'en')} segment(s) written to ${coderFilePath(coder)}. Row-by-row review: ${reviewPath}\n`,
    );
  }
  return 0;
}

/** Refuses to mix a spreadsheet with a coder's existing segments unless told how. */
function assertNoMix(coder: string, segments: number, options: ImportOptions): void {
  if (segments === 0 || options.append || options.replace) return;
  throw new UsageError(
    {
      en: `${coderFilePath(coder)} already holds ${formatNumber(segments, 'en')} segment(s)`,
      fr: `${coderFilePath(coder)} contient déjà ${formatNumber(segments, 'fr')} segment(s)`,
    },
    {
      en: 'add --append to add the spreadsheet to them, or --replace to start again from the spreadsheet (the old file is kept in .codage/backups)',
      fr: "ajouter --append pour compléter ces segments, ou --replace pour repartir du tableur (l’ancien fichier est gardé dans .codage/backups)",
    },
  );
}

function anchoredRows(summary: ImportSummary): number {
  return summary.exact + summary.normalised + summary.approximate + summary.passages;
}

function renderSummary(summary: ImportSummary, language: 'fr' | 'en', minScore: number): string {
  const fr = language === 'fr';
  const withQuote = summary.rows - summary.skipped;
  const share = (n: number) => (withQuote === 0 ? '' : ` (${formatPercent(n / withQuote, language)})`);
  const score = thresholdText(minScore, language);
  // Each line counts what its label says: an edited quote placed under the min score (words at
  // its edges not said there, or one word forgiven in a short passage) is not « score ≥ 0,85 ».
  const edited = summary.approximate - summary.approximateBelowMinScore;
  const below = summary.approximateBelowMinScore;
  const passagesBelow = summary.passagesBelowMinScore;
  const passages = summary.passages - passagesBelow;
  const lines: [string, number][] = fr
    ? [
        ['à l’identique', summary.exact],
        ['après normalisation (casse, accents, ponctuation)', summary.normalised],
        [`retouchés (score ≥ ${score})`, edited],
        ...(below > 0 ? [[`retouchés, score < ${score} (à vérifier)`, below] as [string, number]] : []),
        ['en plusieurs passages (compilés, recollés)', passages],
        ...(passagesBelow > 0 ? [[`en plusieurs passages, score < ${score} (à vérifier)`, passagesBelow] as [string, number]] : []),
        ['en partie placés (un morceau à revoir)', summary.partial],
        ['non retrouvés (à revoir)', summary.unresolved],
        ...(summary.unknownParticipant > 0 ? [['participant inconnu (à corriger)', summary.unknownParticipant] as [string, number]] : []),
      ]
    : [
        ['exact', summary.exact],
        ['normalised (case, accents, punctuation)', summary.normalised],
        [`edited (score ≥ ${score})`, edited],
        ...(below > 0 ? [[`edited, score < ${score} (to check)`, below] as [string, number]] : []),
        ['in several passages (compiled, glued)', passages],
        ...(passagesBelow > 0 ? [[`in several passages, score < ${score} (to check)`, passagesBelow] as [string, number]] : []),
        ['partly placed (a part to review)', summary.partial],
        ['unresolved (to review)', summary.unresolved],
        ...(summary.unknownParticipant > 0 ? [['unknown participant (to correct)', summary.unknownParticipant] as [string, number]] : []),
      ];
  const anchored = anchoredRows(summary);
  let out = fr
    ? `${formatNumber(withQuote, 'fr')} ligne(s) avec verbatim, ${formatNumber(anchored, 'fr')} ancrée(s)${share(anchored)}${summary.skipped > 0 ? `\u202f; ${formatNumber(summary.skipped, 'fr')} ligne(s) sans verbatim ignorée(s)` : ''}\n`
    : `${formatNumber(withQuote, 'en')} row(s) with a quote, ${formatNumber(anchored, 'en')} anchored${share(anchored)}${summary.skipped > 0 ? `; ${formatNumber(summary.skipped, 'en')} row(s) without a quote skipped` : ''}\n`;
  const width = Math.max(...lines.map(([label]) => label.length));
  for (const [label, n] of lines) out += `  ${label.padEnd(width)}  ${String(n).padStart(6)}${share(n)}\n`;
  // Found, and so counted above, but not imported: the row names no code.
  if (summary.uncoded > 0) {
    out += fr
      ? `  dont ${formatNumber(summary.uncoded, 'fr')} ligne(s) trouvée(s) mais sans code\u00a0: non importée(s) (la revue dit lesquelles)\n`
      : `  of which ${formatNumber(summary.uncoded, 'en')} row(s) found but naming no code: not imported (the review says which)\n`;
  }
  return out;
}

/**
 * The participant cells that name no transcript, each once, and how to correct them: with the
 * study's ids, then importing the sheet again (`--append` adds only what is missing).
 */
/** The participant cells read as a transcript they do not name as written, for the researcher to check. */
function participantsRead(summary: ImportSummary, language: 'fr' | 'en'): string {
  const fr = language === 'fr';
  const list = summary.participantsRead
    .map((p) => `${fr ? `«\u00a0${terminalSafe(p.cell)}\u00a0»` : `"${terminalSafe(p.cell)}"`} \u2192 ${terminalSafe(p.id)} (${formatNumber(p.rows, language)} ${fr ? 'ligne(s)' : 'row(s)'})`)
    .join(fr ? '\u202f; ' : '; ');
  return fr
    ? `Participants lus d’après le tableur\u00a0: ${list} — à vérifier (la revue le dit ligne par ligne).\n`
    : `Participant cells read as: ${list} — to check (the review says it row by row).\n`;
}

function unknownParticipants(summary: ImportSummary, ids: readonly string[], language: 'fr' | 'en'): string {
  const fr = language === 'fr';
  const cells = someNames(
    summary.unknownParticipants.map((c) => (c === '' ? (fr ? '(vide)' : '(empty)') : fr ? `«\u00a0${c}\u00a0»` : `"${c}"`)),
    language,
  );
  const known = ids.slice(0, 8).join(', ') + (ids.length > 8 ? '…' : '');
  return terminalSafe(
    fr
      ? `${summary.unknownParticipants.length > 1 ? 'Participants inconnus' : 'Participant inconnu'}\u00a0: ${cells} (${formatNumber(summary.unknownParticipant, 'fr')} ligne(s), non importée(s)) — écrire dans la colonne participant l’identifiant d’un entretien de l’étude (${known}), puis importer à nouveau le tableur avec --append (seul ce qui manque est ajouté).\n`
      : `Unknown participant${summary.unknownParticipants.length > 1 ? 's' : ''}: ${cells} (${formatNumber(summary.unknownParticipant, 'en')} row(s), not imported) — write in the participant column the id of one of the study's transcripts (${known}), then import the sheet again with --append (only what is missing is added).\n`,
  );
}

/** A theme the sheet gives a code, where codebook.yaml has it elsewhere: the code stays, and how to move it. */
function themeWarning(d: ThemeDisagreement, file: string, language: 'fr' | 'en'): string {
  const fr = language === 'fr';
  const quoted = (s: string) => (fr ? `«\u00a0${s}\u00a0»` : `"${s}"`);
  const where = d.codebook.length === 0 ? (fr ? 'hors de tout thème' : 'in no theme') : `${fr ? 'sous' : 'under'} ${quoted(d.codebook.join(' > '))}`;
  const given = d.given.join(' > ');
  const others = d.rows - 1;
  const more = others === 0 ? '' : fr ? ` (et ${formatNumber(others, 'fr')} autre${others > 1 ? 's lignes' : ' ligne'})` : ` (and ${formatNumber(others, 'en')} more row${others > 1 ? 's' : ''})`;
  const move = `codage codebook move ${JSON.stringify(d.code)} --to ${JSON.stringify(given)}`;
  return fr
    ? `${file}, ligne ${d.row}${more}\u00a0: le thème ${quoted(given)} n’est pas appliqué à ${quoted(d.code)}, qui est ${where} dans codebook.yaml et y reste. Corriger le thème dans le tableur, ou déplacer le code\u00a0: ${move}`
    : `${file}, row ${d.row}${more}: the theme ${quoted(given)} is not applied to ${quoted(d.code)}, which is ${where} in codebook.yaml and stays there. Correct the theme in the sheet, or move the code: ${move}`;
}
