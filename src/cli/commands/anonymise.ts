/**
 * `codage anonymise`: replaces what could identify someone in the transcripts with labels, the
 * same label for the same person or place everywhere (`Dr Lefebvre` → `[Dr A]`), and moves every
 * coding with the text it quotes. The replacement table is the key that re-identifies people: it
 * is written outside the study folder (a warning says so when the user puts it inside). The
 * transcripts and the coder files change together or not at all (`changeStudy`); `--dry-run`
 * shows the table and every replacement without writing anything.
 */
import { LineNumbers } from '../../core/text/lines.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { DataError, UsageError } from '../../core/errors.js';
import { applyEdits, extendTable, moveSegment, planEdits, tableKey, type Edit, type ReplacementTable } from '../../core/privacy/anonymise.js';
import { anonymiseFrontMatter, type FrontMatterRewrite } from '../../core/privacy/front-matter.js';
import { applyDecisions, reviewGroups, type ReviewDecision } from '../../core/privacy/review.js';
import { findAttributeIdentifiers, findIdentifiers } from '../../core/privacy/find.js';
import { KIND_NAMES } from '../../core/privacy/problems.js';
import { coderFilePath } from '../../core/study/study.js';
import { anonymiseMemo, memoIdentifiers, memoPosition, memoTexts, type MemoText } from '../../core/privacy/memos.js';
import { positionOf } from '../../core/text/lines.js';
import { readMemos } from '../../io/memos.js';
import { OffsetMap } from '../../core/text/offsets.js';
import { decodeTranscriptBytes, normalizeText } from '../../core/text/decode.js';
import { safeJson, terminalSafe } from '../../core/text/terminal.js';
import type { CoderFile, Segment, Transcript } from '../../core/types.js';

/** A replacement in a memo, where it was. */
interface MemoReplacement {
  file: string;
  line: number;
  column: number;
  original: string;
  replacement: string;
}
import { writeFileAtomicSync } from '../../io/atomic-write.js';
import { asEnvironmentError } from '../../io/environment-error.js';
import { studyDataPath } from '../../io/output-file.js';
import { PRIVACY_FILE, readPrivacyLists, withAllowed } from '../../io/privacy-lists.js';
import { changeStudy } from '../../io/study-change.js';
import type { CommandContext } from '../context.js';
import { loadForCommand } from '../load.js';
import { noticePrinter } from '../notices.js';
import { paint } from '../output.js';

interface AnonymiseOptions {
  study: string;
  lang?: string;
  map?: string;
  key?: string;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * A table file (`--map`, or the key): `original: replacement` lines; an original with nothing
 * after it (`Feldenkrais:`) is kept, and added to the words privacy.yaml allows.
 */
function readTable(file: string, option: string): { table: ReplacementTable; originals: Map<string, string>; keep: string[] } {
  const table: ReplacementTable = new Map();
  const originals = new Map<string, string>();
  const keep: string[] = [];
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      { en: `cannot read ${option} ${file}: ${(error as Error).message}`, fr: `impossible de lire ${option} ${file} : ${(error as Error).message}` },
      { en: 'write one `original: "[replacement]"` per line, e.g. `Dr Lefebvre: "[Dr A]"`', fr: 'écrire un « original: "[remplacement]" » par ligne, par exemple « Dr Lefebvre: "[Dr A]" »' },
    );
  }
  if (data === null || data === undefined) return { table, originals, keep };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(
      { en: `${file} is not a list of \`original: replacement\``, fr: `${file} n’est pas une liste « original: remplacement »` },
      { en: 'e.g. `Dr Lefebvre: "[Dr A]"`, one per line', fr: 'par exemple « Dr Lefebvre: "[Dr A]" », un par ligne' },
    );
  }
  for (const [original, replacement] of Object.entries(data as Record<string, unknown>)) {
    if (replacement === null || (typeof replacement === 'string' && replacement.trim() === '')) {
      keep.push(original);
      continue;
    }
    if (typeof replacement === 'object') {
      throw new UsageError(
        { en: `${file}: the replacement of "${original}" is a list or a table`, fr: `${file} : le remplacement de « ${original} » est une liste ou un tableau` },
        { en: 'write one `original: "[replacement]"` per line, e.g. `Dr Lefebvre: "[Dr A]"`', fr: 'écrire un « original: "[remplacement]" » par ligne, par exemple « Dr Lefebvre: "[Dr A]" »' },
      );
    }
    table.set(tableKey(original), String(replacement));
    originals.set(tableKey(original), original);
  }
  return { table, originals, keep };
}

function defaultKeyFile(root: string, fr: boolean): string {
  return path.join(path.dirname(root), `${path.basename(root)}-${fr ? 'cle-anonymisation' : 'anonymisation-key'}.yaml`);
}

interface Change {
  transcript: Transcript;
  edits: Edit[];
  newText: string;
  /** The file's front matter values anonymised too (null: left as it is). */
  frontMatter: FrontMatterRewrite | null;
}

/** Whether the review screen can run: on a terminal, without --map, --dry-run or --json. */
function reviewsOnScreen(options: AnonymiseOptions): boolean {
  return options.map === undefined && options.dryRun !== true && options.json !== true && process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/** The file's whole text as read now (decoded, normalised), and its front matter anonymised. */
function frontMatterOf(root: string, t: Transcript, table: ReplacementTable): FrontMatterRewrite | null {
  if (t.bodyLine === 1 || !Object.values(t.attributes).some((v) => typeof v === 'string')) return null;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(root, t.file));
  } catch (error) {
    throw asEnvironmentError(error, 'read', t.file, 'unchanged');
  }
  const rewrite = anonymiseFrontMatter(normalizeText(decodeTranscriptBytes(bytes).text).replace(/^\uFEFF/, ''), t.file, table);
  return rewrite.edits.length === 0 && rewrite.byHand.length === 0 ? null : rewrite;
}

export async function run(baseCtx: CommandContext, options: AnonymiseOptions): Promise<number> {
  const { ctx, study, problems } = await loadForCommand(baseCtx, options.study, { keepCodebook: false });
  const fr = ctx.language === 'fr';
  const colon = fr ? '\u00a0: ' : ': ';
  const broken = problems.find((p) => p.severity === 'error' && p.file.startsWith('transcripts/'));
  if (broken !== undefined) {
    throw new DataError(
      { en: `${broken.file} has an error; anonymise a study whose transcripts read cleanly`, fr: `${broken.file} a une erreur ; anonymisez une étude dont les transcriptions se lisent sans erreur` },
      { file: broken.file, hint: { en: 'codage check lists the errors. Nothing was changed.', fr: 'codage check liste les erreurs. Rien n’a été modifié.' } },
    );
  }
  const keyFile = path.resolve(options.key ?? defaultKeyFile(study.root, fr));
  const insideStudy = studyDataPath(study.root, keyFile) !== null || !path.relative(study.root, keyFile).startsWith('..');

  // The table: the key's entries (the same labels as last time), then --map, the review, or the findings.
  const key = fs.existsSync(keyFile) ? readTable(keyFile, '--key') : { table: new Map<string, string>(), originals: new Map<string, string>(), keep: [] };
  const keyTable: ReplacementTable = new Map(key.table);
  const originals = new Map(key.originals);
  const { lists } = readPrivacyLists(study.root);
  // The memos too: the researcher writes about the participants in them, and they are exported.
  const memoFiles = await readMemos(study.root);
  const memos = memoTexts(memoFiles, study.coders);
  const toReview: { file: string; text: string }[] = [];
  /** What is applied to the transcripts (the key's entries too, except after a review). */
  let table: ReplacementTable = new Map(key.table);
  let allow: string[] = [];
  if (options.map !== undefined) {
    const given = readTable(options.map, '--map');
    for (const [k, v] of given.table) table.set(k, v);
    for (const [k, v] of given.originals) originals.set(k, v);
    allow = given.keep;
  } else if (reviewsOnScreen(options)) {
    const groups = reviewGroups(study.transcripts, lists, key.table, ctx.language, memos);
    if (groups.length > 0) {
      const { runAnonymiseScreen } = await import('../../tui/anonymise/run.js');
      let outcome: 'write' | 'cancel' = 'cancel';
      let decisions: readonly (ReviewDecision | undefined)[] = [];
      await runAnonymiseScreen({
        groups,
        language: ctx.language,
        keyFile,
        keyInsideStudy: insideStudy,
        onDone: (o, d) => {
          outcome = o;
          decisions = d;
        },
      });
      if (outcome === 'cancel') {
        ctx.stdout.write(fr ? 'Anonymisation annulée\u00a0: rien n’a été écrit.\n' : 'Anonymisation cancelled: nothing was written.\n');
        return process.exitCode !== undefined && process.exitCode !== 0 ? Number(process.exitCode) : 0;
      }
      const decided = applyDecisions(groups, decisions);
      table = decided.table;
      for (const [k, v] of decided.originals) originals.set(k, v);
      allow = decided.allow;
    }
  } else {
    for (const t of study.transcripts) {
      const found = [...findIdentifiers(t.text, lists), ...Object.entries(t.attributes).flatMap(([k, v]) => (typeof v === 'string' ? findAttributeIdentifiers(k, v, lists) : []))];
      for (const f of found) if (!originals.has(tableKey(f.text)) && f.likely) originals.set(tableKey(f.text), f.text);
      extendTable(table, found, ctx.language);
      for (const f of found) if (!f.likely && !table.has(tableKey(f.text))) toReview.push({ file: t.file, text: f.text });
    }
    for (const m of memos) {
      const found = memoIdentifiers(m.text, lists);
      for (const f of found) if (!originals.has(tableKey(f.text)) && f.likely) originals.set(tableKey(f.text), f.text);
      extendTable(table, found, ctx.language);
    }
  }
  for (const [k, v] of table) keyTable.set(k, v);

  const changes: Change[] = [];
  for (const t of study.transcripts) {
    const edits = planEdits(t.text, table);
    const frontMatter = frontMatterOf(study.root, t, table);
    if (edits.length > 0 || (frontMatter !== null && frontMatter.edits.length > 0)) changes.push({ transcript: t, edits, newText: applyEdits(t.text, edits), frontMatter });
  }

  // Every coding of a changed transcript must be exactly where it says, to move with its text;
  // the memos a coder file keeps (on a segment, on a transcript) are anonymised with the same table.
  const moved = new Map<string, Pick<CoderFile, 'segments' | 'memos'>>();
  /** The coders whose codings moved with the text (the others' files change for their memos only). */
  let codingsMoved = 0;
  const memoReplacements: MemoReplacement[] = [];
  const unplaced: Segment[] = [];
  // Each changed transcript's offset maps, made once (not for each of its segments).
  const changeOf = new Map(changes.filter((c) => c.edits.length > 0).map((c) => [c.transcript.id, { change: c, maps: { old: new OffsetMap(c.transcript.text), new: new OffsetMap(c.newText) } }]));
  for (const entry of study.coders) {
    let touched = false;
    let movedHere = false;
    const anonymised = (memo: MemoText): string => {
      const a = anonymiseMemo(memo.text, table);
      if (a.edits.length === 0) return memo.text;
      touched = true;
      for (const e of a.edits) memoReplacements.push({ file: memo.file, ...memoPosition(memo, e.start), original: e.original, replacement: e.replacement });
      return a.text;
    };
    const memosOf = Object.fromEntries(Object.entries(entry.coderFile.memos).map(([id, text]) => [id, anonymised({ file: entry.file, line: 1, text, inCoderFile: true })]));
    const segments = entry.coderFile.segments.map((segment) => {
      let s = segment;
      const found = changeOf.get(segment.participant);
      if (found !== undefined) {
        const { change, maps } = found;
        touched = movedHere = true;
        const m = moveSegment(segment, change.transcript.text, change.newText, change.edits, maps);
        if (!m.ok) unplaced.push(segment);
        s = m.segment;
      }
      if (s.memo === undefined) return s;
      const memo = anonymised({ file: entry.file, line: segment.line ?? 1, text: s.memo, inCoderFile: true });
      return memo === s.memo ? s : { ...s, memo };
    });
    if (touched) moved.set(entry.coder, { segments, memos: memosOf });
    if (movedHere) codingsMoved++;
  }
  // memos/: each file rewritten whole (the headings of dated entries are the coders', kept).
  const memoChanges: { file: string; before: string; after: string }[] = [];
  for (const m of memoFiles.values()) {
    const a = anonymiseMemo(m.text, table);
    if (a.edits.length === 0) continue;
    memoChanges.push({ file: m.file, before: m.text, after: a.text });
    for (const e of a.edits) memoReplacements.push({ file: m.file, ...positionOf(m.text, e.start), original: e.original, replacement: e.replacement });
  }
  if (unplaced.length > 0) {
    const s = unplaced[0]!;
    throw new DataError(
      {
        en: `${unplaced.length} coded segment(s) are not exactly where their coder file says (e.g. ${s.id} of ${s.participant}): they could not follow the text`,
        fr: `${unplaced.length} segment(s) codé(s) ne sont pas exactement là où leur fichier de codeur l’indique (par exemple ${s.id} de ${s.participant}) : ils ne pourraient pas suivre le texte`,
      },
      { hint: { en: 'run codage check --fix first (it saves re-anchored segments), then anonymise again. Nothing was changed.', fr: 'lancer d’abord codage check --fix (il enregistre les segments réancrés), puis anonymiser de nouveau. Rien n’a été modifié.' } },
    );
  }

  const report = changes.map((c) => {
    const lines = new LineNumbers(c.transcript.text, c.transcript.bodyLine);
    return {
      file: c.transcript.file,
      replacements: [
        ...(c.frontMatter?.edits ?? []).map((e) => ({ line: e.line, column: e.column, original: e.original, replacement: e.replacement })),
        ...c.edits.map((e) => ({ ...lines.positionOf(e.start), original: e.original, replacement: e.replacement })),
      ],
    };
  });

  const memoReport = [...new Set(memoReplacements.map((r) => r.file))].sort().map((file) => ({
    file,
    replacements: memoReplacements.filter((r) => r.file === file).map(({ file: _, ...r }) => r).sort((a, b) => a.line - b.line || a.column - b.column),
  }));

  const replacesSomething = changes.length > 0 || memoReplacements.length > 0;
  if (!options.dryRun && (replacesSomething || allow.length > 0)) {
    // The key first: without it, nobody could go back from a label to the person. It is put
    // back as it was when the study's files could not all be changed.
    let previousKey: Buffer | null | undefined;
    if (replacesSomething) {
      const entries: Record<string, string> = {};
      for (const [k, v] of [...keyTable].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))) entries[originals.get(k) ?? k] = v;
      const header = fr
        ? '# Clé d’anonymisation de codage : elle ré-identifie les participants. À garder hors du dossier de l’étude, en lieu sûr.\n'
        : '# codage anonymisation key: it re-identifies the participants. Keep it out of the study folder, somewhere safe.\n';
      try {
        previousKey = fs.existsSync(keyFile) ? fs.readFileSync(keyFile) : null;
        writeFileAtomicSync(keyFile, header + stringify(entries, { lineWidth: 0 }));
        fs.chmodSync(keyFile, 0o600);
      } catch (error) {
        throw asEnvironmentError(error, 'write', keyFile, 'unchanged');
      }
    }
    const files = [
      ...changes.map((c) => c.transcript.file),
      ...[...moved.keys()].map(coderFilePath),
      ...memoChanges.map((m) => m.file),
      ...(allow.length > 0 ? [PRIVACY_FILE] : []),
    ];
    try {
      changeStudy(study.root, { command: 'codage anonymise', files, onNotice: noticePrinter(ctx), language: ctx.language }, (files) => {
      for (const c of changes) {
        const bytes = files.transcript(c.transcript.file);
        if (bytes === null) throw new DataError({ en: `${c.transcript.file} disappeared: nothing was changed`, fr: `${c.transcript.file} a disparu : rien n’a été modifié` });
        const text = normalizeText(decodeTranscriptBytes(bytes).text).replace(/^\uFEFF/, '');
        const whole = c.frontMatter === null ? text : anonymiseFrontMatter(text, c.transcript.file, table).text;
        const lines = whole.split('\n');
        const head = lines.slice(0, c.transcript.bodyLine - 1).join('\n');
        const body = lines.slice(c.transcript.bodyLine - 1).join('\n');
        if (body !== c.transcript.text) {
          throw new DataError({ en: `${c.transcript.file} changed while anonymising: nothing was changed`, fr: `${c.transcript.file} a changé pendant l’anonymisation : rien n’a été modifié` }, { hint: { en: 'run the command again', fr: 'relancer la commande' } });
        }
        files.writeTranscript(c.transcript.file, (head === '' ? '' : `${head}\n`) + c.newText);
      }
      for (const [coder, changed] of moved) {
        const entry = files.coder(coder);
        if (entry === null) continue;
        files.writeCoder({ coder, coderFile: { ...entry.coderFile, ...changed }, kept: entry.kept });
      }
      for (const m of memoChanges) {
        if (files.text(m.file) !== m.before) {
          throw new DataError({ en: `${m.file} changed while anonymising: nothing was changed`, fr: `${m.file} a changé pendant l’anonymisation : rien n’a été modifié` }, { hint: { en: 'run the command again', fr: 'relancer la commande' } });
        }
        files.writeText(m.file, m.after);
      }
      if (allow.length > 0) files.writeText(PRIVACY_FILE, withAllowed(files.text(PRIVACY_FILE), allow));
      });
    } catch (error) {
      if (previousKey === null) fs.rmSync(keyFile, { force: true });
      else if (previousKey !== undefined) writeFileAtomicSync(keyFile, previousKey);
      throw error;
    }
  }

  if (options.json) {
    ctx.stdout.write(`${safeJson({ dryRun: options.dryRun === true, key: keyFile, keyInsideStudy: insideStudy, transcripts: report, memos: memoReport, allowed: allow, toReview })}\n`);
    return 0;
  }
  for (const r of [...report, ...memoReport]) {
    for (const e of r.replacements) {
      ctx.stdout.write(`${paint.bold(terminalSafe(`${r.file}:${e.line}:${e.column}`))}${colon}${terminalSafe(e.original.replace(/\s+/gu, ' '))} → ${terminalSafe(e.replacement)}\n`);
    }
  }
  const count = [...report, ...memoReport].reduce((n, r) => n + r.replacements.length, 0);
  const inMemos = memoReport.length === 0 ? '' : fr ? ` et ${memoReport.length} fichier(s) de mémos` : ` and ${memoReport.length} file(s) of memos`;
  ctx.stdout.write(
    options.dryRun
      ? fr
        ? `${count} remplacement(s) dans ${report.length} transcription(s)${inMemos} (rien n’a été écrit, --dry-run).\n`
        : `${count} replacement(s) in ${report.length} transcript(s)${inMemos} (nothing written, --dry-run).\n`
      : fr
        ? `${count} remplacement(s) dans ${report.length} transcription(s)${inMemos} ; codages déplacés avec le texte dans ${codingsMoved} fichier(s) de codeur.${count > 0 ? ` Clé : ${terminalSafe(keyFile)}` : ''}\n`
        : `${count} replacement(s) in ${report.length} transcript(s)${inMemos}; codings moved with the text in ${codingsMoved} coder file(s).${count > 0 ? ` Key: ${terminalSafe(keyFile)}` : ''}\n`,
  );
  if (allow.length > 0) {
    ctx.stdout.write(
      `${fr ? (options.dryRun ? 'à garder' : 'gardés') : options.dryRun ? 'to keep' : 'kept'}${colon}${terminalSafe(allow.join(', '))} — ${
        fr ? `${options.dryRun ? 'seraient ajoutés' : 'ajoutés'} sous allow: dans privacy.yaml` : `${options.dryRun ? 'would be added' : 'added'} under allow: in privacy.yaml`
      }\n`,
    );
  }
  if (toReview.length > 0) {
    const words = [...new Set(toReview.map((r) => r.text))].sort();
    ctx.stdout.write(
      `${paint.yellow(fr ? 'à vérifier' : 'to review')}${colon}${terminalSafe(words.join(', '))} — ${
        fr
          ? 'remplacez-les avec --map, ou ajoutez-les sous allow: dans privacy.yaml'
          : 'replace them with --map, or add them under allow: in privacy.yaml'
      } (${KIND_NAMES.name[ctx.language]})\n`,
    );
  }
  // Front matter values that could not be rewritten safely (a comment after them, several lines…).
  const inFrontMatter = changes.flatMap((c) => (c.frontMatter?.byHand ?? []).map((b) => `${c.transcript.file}:${b.line} (${b.attribute}) ${b.value}`));
  if (inFrontMatter.length > 0) {
    ctx.stdout.write(
      `${paint.yellow(fr ? 'à corriger à la main' : 'to fix by hand')}${colon}${
        fr ? 'dans l’en-tête des transcriptions, des valeurs qu’anonymise n’a pas pu réécrire sans risque' : 'in the transcripts’ front matter, values anonymise could not rewrite safely'
      }${colon}${terminalSafe(inFrontMatter.join(' ; '))}\n`,
    );
  }
  if (insideStudy && changes.length > 0) {
    ctx.stderr.write(
      `${paint.yellow(fr ? 'attention' : 'warning')}${colon}${
        fr
          ? `la clé ${terminalSafe(keyFile)} est dans le dossier de l’étude : elle ré-identifie les participants. Déplacez-la hors de l’étude avant de la partager ou de la sauvegarder.`
          : `the key ${terminalSafe(keyFile)} is inside the study folder: it re-identifies the participants. Move it out of the study before sharing or backing it up.`
      }\n`,
    );
  }
  if (!options.dryRun && changes.length > 0) {
    ctx.stderr.write(
      `${paint.cyan('note')}${colon}${
        fr
          ? 'les versions précédentes des transcriptions sont dans .codage/backups/ ; supprimez-les une fois l’anonymisation vérifiée.'
          : 'the previous versions of the transcripts are in .codage/backups/; delete them once you have checked the anonymisation.'
      }\n`,
    );
  }
  return 0;
}
