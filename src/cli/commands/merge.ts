import { join, resolve } from 'node:path';
import { mergeCodebook, type CodebookMergeResult } from '../../core/codebook/merge.js';
import { serializeCoderFile } from '../../core/codings/serialize.js';
import { DataError, UsageError } from '../../core/errors.js';
import { frenchSpacing } from '../../core/report/typography.js';
import { someNames } from '../../core/text/some-names.js';
import { terminalSafe } from '../../core/text/terminal.js';
import type { AnchorStatus } from '../../core/study/anchor-codings.js';
import { bringCoderFile } from '../../core/study/bring-coder.js';
import { refuseErrorsIn } from '../study-checks.js';
import { parseCodebook } from '../../core/codebook/parse.js';
import { allCodes } from '../../core/codebook/query.js';
import { coderFilePath, STUDY_FILES, type CoderEntry, type Study } from '../../core/study/study.js';
import type { Language, Problem } from '../../core/types.js';
import { changeStudy } from '../../io/study-change.js';
import { assertStudyFolder, loadStudy } from '../../io/study.js';
import { withStudyLanguage, type CommandContext } from '../context.js';
import { sortProblems } from '../load.js';
import { noticePrinter } from '../notices.js';
import { formatProblem, paint } from '../output.js';

interface MergeOptions {
  study: string;
  coder?: string[];
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

interface CoderPlan {
  coder: string;
  file: string;
  /** The coder file as it will be written here. */
  text: string;
  segments: number;
  /** Re-anchoring of the segments in this copy's transcripts. */
  problems: Problem[];
  /** Transcripts whose text differs between the two copies. */
  differing: string[];
  /** Participants this copy has no transcript for. */
  missing: string[];
  /** How the segments were placed here, per participant. */
  placed: Map<string, Partial<Record<AnchorStatus, number>>>;
  status: 'new' | 'same' | 'replaced' | 'refused';
  kept: CoderEntry['kept'];
  coderFile: CoderEntry['coderFile'];
}

function chooseCoders(ours: Study, theirs: Study, asked: string[] | undefined): string[] {
  const theirsNames = theirs.coders.map((c) => c.coder);
  if (asked !== undefined && asked.length > 0) {
    const names = [...new Set(asked.flatMap((n) => n.split(',')).map((n) => n.trim()).filter((n) => n !== ''))];
    const missing = names.filter((n) => !theirsNames.includes(n));
    if (missing.length > 0) {
      throw new UsageError(
        { en: `the other copy has no coder file for ${missing.join(', ')}`, fr: `l’autre copie n’a pas de fichier de codeur pour ${missing.join(', ')}` },
        { en: `its coders: ${theirsNames.join(', ') || 'none'}`, fr: `ses codeurs : ${theirsNames.join(', ') || 'aucun'}` },
      );
    }
    return names;
  }
  const ourNames = new Set(ours.coders.map((c) => c.coder));
  const fresh = theirsNames.filter((n) => !ourNames.has(n));
  if (fresh.length === 0) {
    throw new UsageError(
      {
        en: `every coder of the other copy (${theirsNames.join(', ') || 'none'}) already has a file here: say which to bring with --coder NAME`,
        fr: `chaque codeur de l’autre copie (${theirsNames.join(', ') || 'aucun'}) a déjà un fichier ici : indiquer lequel reprendre avec --coder NOM`,
      },
      { en: 'codage merge ../copie-paul --coder paul', fr: 'codage merge ../copie-paul --coder paul' },
    );
  }
  return fresh;
}

/** The other copy's coder file as it will be written here, and whether it may be (`existing`: this copy's file, read under its lock). */
function planCoder(
  ours: Study,
  theirs: Study,
  entry: CoderEntry,
  codebook: { codeIds: Map<string, string>; knownCodes: ReadonlySet<string> },
  force: boolean,
  existing: CoderEntry | null,
): CoderPlan {
  const brought = bringCoderFile(entry, codebook.codeIds, ours.transcriptById, codebook.knownCodes);
  const text = serializeCoderFile(brought.coderFile, entry.kept);
  const participants = [...new Set(entry.coderFile.segments.map((s) => s.participant))];
  const differing = participants.filter((p) => {
    const a = ours.transcriptById.get(p);
    const b = theirs.transcriptById.get(p);
    return a !== undefined && b !== undefined && a.text !== b.text;
  });
  let status: CoderPlan['status'] = 'new';
  if (existing) status = serializeCoderFile(existing.coderFile, existing.kept) === text ? 'same' : force ? 'replaced' : 'refused';
  return {
    coder: entry.coder,
    file: entry.file,
    text,
    segments: brought.coderFile.segments.length,
    problems: brought.problems,
    differing,
    missing: brought.missing,
    placed: brought.placed,
    status,
    kept: entry.kept,
    coderFile: brought.coderFile,
  };
}

export async function run(baseCtx: CommandContext, otherDir: string, options: MergeOptions): Promise<number> {
  const root = resolve(options.study);
  const other = resolve(otherDir);
  if (root === other) throw new UsageError({ en: 'the other copy is this study itself', fr: 'l’autre copie est cette étude elle-même' });
  await assertStudyFolder(root);
  await assertStudyFolder(other);
  const ours = await loadStudy(root);
  const ctx = withStudyLanguage(baseCtx, ours.config);
  const theirs = await loadStudy(other);
  const names = chooseCoders(ours, theirs, options.coder);
  for (const name of names) {
    const entry = theirs.coders.find((c) => c.coder === name)!;
    if (!entry.rewritable) {
      throw new DataError(
        { en: `${other}/${entry.file} cannot be read completely: it is not brought here`, fr: `${other}/${entry.file} ne peut pas être lu entièrement : il n’est pas repris ici` },
        { hint: { en: 'run codage check in the other copy and fix this file first', fr: 'lancer codage check dans l’autre copie et corriger d’abord ce fichier' } },
      );
    }
  }
  refuseErrorsIn(ours.problems, [STUDY_FILES.codebook]);
  // The other copy's codebook must be read completely too: a line YAML cannot read (a definition
  // with ": " in it) or a theme without a name would be lost or refused without saying where.
  const theirError = theirs.problems.find((p) => p.severity === 'error' && p.file === STUDY_FILES.codebook);
  if (theirError) {
    throw new DataError(theirError.message, {
      file: join(other, STUDY_FILES.codebook),
      line: theirError.line,
      column: theirError.column,
      hint: {
        en: `${theirError.hint ? `${theirError.hint.en} ` : ''}Fix it in the other copy (codage check --study ${otherDir} lists its problems), then merge again. Nothing was changed.`,
        fr: `${theirError.hint ? `${theirError.hint.fr} ` : ''}Le corriger dans l’autre copie (codage check --study ${otherDir} en liste les problèmes), puis reprendre. Rien n’a été modifié.`,
      },
    });
  }

  // One change: the codebook (so that codings never refer to a missing code) and every coder file
  // brought, all written or none. Each file is read again under its lock: a coder file that
  // appeared or changed meanwhile is judged as it is now, and never overwritten without --force.
  const command = `codage merge ${otherDir}${names.map((n) => ` --coder ${n}`).join('')}`;
  const files = [STUDY_FILES.codebook, ...names.map((n) => coderFilePath(n))];
  const { codebook, plans } = changeStudy(
    root,
    { command, files, onNotice: noticePrinter(ctx), dryRun: options.dryRun === true, language: ours.config.language },
    (change) => {
      const source = change.codebook();
      const codebook: CodebookMergeResult = mergeCodebook(source, theirs.codebook);
      if (codebook.addedCodes.length + codebook.addedThemes.length > 0 && codebook.source !== source) change.writeCodebook(codebook.source);
      const knownCodes = new Set(allCodes(parseCodebook(codebook.source, STUDY_FILES.codebook).codebook).map((c) => c.id));
      const plans = names.map((name) => {
        const { entry: existing, refusal } = change.readCoder(name);
        const plan = planCoder(ours, theirs, theirs.coders.find((c) => c.coder === name)!, { codeIds: codebook.codeIds, knownCodes }, options.force === true, existing);
        // This copy's file cannot be read completely: it is not replaced, even with --force.
        if (refusal !== null && plan.status !== 'same') plan.status = 'refused';
        if (plan.status === 'new' || plan.status === 'replaced') change.writeCoder({ coder: name, coderFile: plan.coderFile, kept: plan.kept });
        return plan;
      });
      return { codebook, plans };
    },
  );
  const refused = plans.filter((p) => p.status === 'refused');
  if (options.json) {
    ctx.stdout.write(
      `${JSON.stringify(
        {
          dryRun: options.dryRun === true,
          codebook: {
            addedCodes: codebook.addedCodes,
            addedThemes: codebook.addedThemes,
            renamed: codebook.renamed,
            matchedByName: codebook.matchedByName,
            onlyHere: codebook.onlyOurs,
          },
          coders: plans.map((p) => ({
            coder: p.coder,
            file: p.file,
            status: p.status,
            segments: p.segments,
            transcriptsDiffering: p.differing,
            participantsMissing: p.missing,
            reanchoring: p.problems.map((x) => ({ severity: x.severity, kind: x.kind, line: x.line ?? null, message: x.message[ctx.language] })),
          })),
        },
        null,
        2,
      )}\n`,
    );
  } else ctx.stdout.write(report(codebook, plans, other, options, ctx.language));
  return refused.length > 0 ? 1 : 0;
}

function report(codebook: CodebookMergeResult, plans: CoderPlan[], other: string, options: MergeOptions, language: Language): string {
  const fr = language === 'fr';
  const lines: string[] = [];
  lines.push(paint.bold(fr ? `Reprise depuis ${other}${options.dryRun ? ' (essai\u00a0: rien n’est écrit)' : ''}` : `Merging from ${other}${options.dryRun ? ' (dry run: nothing is written)' : ''}`));
  // Names and paths come from the other copy: shown with their control characters escaped.
  const q = (s: string) => (fr ? `« ${terminalSafe(s)} »` : `"${terminalSafe(s)}"`);
  other = terminalSafe(other);
  const colon = fr ? ' : ' : ': ';
  // A copy may bring hundreds of codes: the first names, then how many more.
  const names = (list: readonly { name: string }[]): string => someNames(list.map((n) => q(n.name)), language);
  if (codebook.addedThemes.length > 0) lines.push(`  ${fr ? `Thèmes ajoutés à codebook.yaml (${codebook.addedThemes.length})` : `Themes added to codebook.yaml (${codebook.addedThemes.length})`}${colon}${names(codebook.addedThemes)}`);
  if (codebook.addedCodes.length > 0) lines.push(`  ${fr ? `Codes ajoutés à codebook.yaml (${codebook.addedCodes.length})` : `Codes added to codebook.yaml (${codebook.addedCodes.length})`}${colon}${names(codebook.addedCodes)}`);
  if (codebook.addedCodes.length + codebook.addedThemes.length === 0) lines.push(fr ? '  Aucun code nouveau dans l’autre copie.' : '  No new code in the other copy.');
  for (const r of codebook.renamed) {
    lines.push(fr ? `  Renommé dans l’autre copie : ${q(r.ours)} s’y appelle ${q(r.theirs)} (le nom d’ici est gardé ; même identifiant ${terminalSafe(r.id)})` : `  Renamed in the other copy: ${q(r.ours)} is called ${q(r.theirs)} there (this name is kept; same id ${terminalSafe(r.id)})`);
  }
  for (const m of codebook.matchedByName) {
    lines.push(fr ? `  Reconnu par son nom : ${q(m.name)} (identifiant ${terminalSafe(m.theirs)} là-bas, ${terminalSafe(m.ours)} ici)` : `  Matched by name: ${q(m.name)} (id ${terminalSafe(m.theirs)} there, ${terminalSafe(m.ours)} here)`);
  }
  if (codebook.onlyOurs.length > 0) {
    lines.push(fr ? `  ${codebook.onlyOurs.length} code(s) seulement ici : ${codebook.onlyOurs.map(q).join(', ')}` : `  ${codebook.onlyOurs.length} code(s) only here: ${codebook.onlyOurs.map(q).join(', ')}`);
  }
  for (const p of plans) {
    const status = {
      new: fr ? `${p.segments} segment(s) repris` : `${p.segments} segment(s) brought in`,
      replaced: fr ? `remplacé (--force ; l’ancien est gardé dans .codage/backups/), ${p.segments} segment(s)` : `replaced (--force; the old one is kept in .codage/backups/), ${p.segments} segment(s)`,
      same: fr ? 'déjà identique ici, rien à faire' : 'already the same here, nothing to do',
      refused: fr ? 'existe déjà ici et diffère : non remplacé (ajouter --force pour le remplacer, l’ancien étant gardé dans .codage/backups/)' : 'already exists here and differs: not replaced (add --force to replace it; the old one is kept in .codage/backups/)',
    }[p.status];
    const line = `  ${p.file}${fr ? ' : ' : ': '}${status}`;
    lines.push(p.status === 'refused' ? paint.red(line) : line);
    for (const id of p.differing) {
      const count = p.placed.get(id) ?? {};
      const moved = count.moved ?? 0;
      const approximate = (count.normalised ?? 0) + (count.approximate ?? 0);
      const unplaced = count.unplaced ?? 0;
      lines.push(
        fr
          ? `    ${id} diffère entre les deux copies : ${moved} segment(s) retrouvé(s) à l’identique plus loin ou plus tôt, ${approximate} retrouvé(s) après normalisation ou de façon approchée, ${unplaced} introuvable(s)`
          : `    ${id} differs between the two copies: ${moved} segment(s) found again as they are at another place, ${approximate} after normalisation or approximately, ${unplaced} cannot be placed`,
      );
    }
    for (const id of p.missing) lines.push(paint.yellow(fr ? `    ${id} n’a pas de transcription ici : ses segments sont gardés tels quels (voir codage check)` : `    ${id} has no transcript here: its segments are kept as they are (see codage check)`));
  }
  let out = `${lines.map((l) => frenchSpacing(l, language)).join('\n')}\n`;
  // Segments that only moved are counted above; the others are listed. Re-anchored segments are
  // written at their new place already: no "check --fix" to suggest.
  const problems = sortProblems(plans.flatMap((p) => p.problems))
    .filter((p) => p.kind !== 'segment-moved')
    .map((p) => (p.kind === 'segment-unplaced' || p.severity === 'error' ? p : { ...p, hint: undefined }));
  if (problems.length > 0) out += `${problems.map((p) => formatProblem(p, language)).join('\n')}\n`;
  return out;
}
