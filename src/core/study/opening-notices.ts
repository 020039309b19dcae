/**
 * What the coding screen says as a transcript opens, in both languages: a coder seen for the
 * first time (perhaps a typo of an existing one), segments re-anchored because the transcript
 * changed, segments an import placed among several possible places, places to confirm again (their
 * place or the words around them changed since they were confirmed), and segments that cannot be
 * placed (kept in the coder file, never dropped). The command only shows them.
 */
import type { Localized } from '../types.js';

export interface OpeningFacts {
  coder: string;
  /** The coder file, relative to the study (`codings/marie.yaml`). */
  coderFile: string;
  /** The transcript file, relative to the study. */
  transcriptFile: string;
  /** Set when the coder has no segment yet and an existing coder's name is close: a typo? */
  nearestCoder?: string;
  /** Segments of this transcript re-anchored by their text, and how many of them approximately. */
  moved: number;
  approximate: number;
  /** Ids of segments an import placed among several possible places, not yet confirmed. */
  ambiguous: readonly string[];
  /** Ids of places confirmed once that `check --fix` made to confirm again (the words around them changed). */
  confirmAgain?: readonly string[];
  /** Segments that cannot be placed: their line in the coder file and their text. */
  unplaced: readonly { line?: number; text: string }[];
  /**
   * What of the coder's reading position could not be found again in the changed transcript:
   * where they stopped (the screen opens at the start), read passages (no longer counted read).
   */
  readingLost?: { cursor: boolean; read: number };
}

export function openingNotices(f: OpeningFacts): Localized[] {
  const notices: Localized[] = [];
  if (f.nearestCoder !== undefined) {
    notices.push({
      en: `New coder "${f.coder}": ${f.coderFile} will be created with the first coded segment. Did you mean ${f.nearestCoder}? (q twice to quit, then codage code --coder ${f.nearestCoder})`,
      fr: `Nouveau codeur «\u00a0${f.coder}\u00a0»\u00a0: ${f.coderFile} sera créé au premier segment codé. Vouliez-vous dire ${f.nearestCoder}\u202f? (q deux fois pour quitter, puis codage code --coder ${f.nearestCoder})`,
    });
  }
  if (f.moved > 0) {
    notices.push({
      en: `${f.transcriptFile} changed since the last session: ${f.moved} segment(s) re-anchored by their text (${f.approximate} approximately).`,
      fr: `${f.transcriptFile} a changé depuis la dernière séance\u00a0: ${f.moved} segment(s) réancré(s) par leur texte (${f.approximate} de façon approchée).`,
    });
  }
  if (f.ambiguous.length > 0) {
    const ids = f.ambiguous.join(' ');
    notices.push({
      en: `${f.ambiguous.length} segment(s) placed by an import among several possible places or from a quote it was unsure of, to check then confirm: codage confirm ${ids} --coder ${f.coder}`,
      fr: `${f.ambiguous.length} segment(s) placé(s) par un import parmi plusieurs endroits possibles ou d’après une citation dont il n’était pas sûr, à vérifier puis confirmer\u00a0: codage confirm ${ids} --coder ${f.coder}`,
    });
  }
  const again = f.confirmAgain ?? [];
  if (again.length > 0) {
    const ids = again.join(' ');
    notices.push({
      en: `${again.length} segment(s) to confirm again (their place or the words around them changed since they were confirmed), to check then confirm: codage confirm ${ids} --coder ${f.coder}`,
      fr: `${again.length} segment(s) à confirmer de nouveau (leur endroit ou les mots autour ont changé depuis leur confirmation), à vérifier puis confirmer\u00a0: codage confirm ${ids} --coder ${f.coder}`,
    });
  }
  const lost = f.readingLost;
  if (lost !== undefined && (lost.cursor || lost.read > 0)) {
    const en: string[] = [];
    const fr: string[] = [];
    if (lost.cursor) {
      en.push('where you stopped could not be found again, it opens at the start');
      fr.push('l’endroit où vous vous étiez arrêté n’a pas été retrouvé, elle s’ouvre au début');
    }
    if (lost.read > 0) {
      en.push(lost.read === 1 ? 'a passage you had read could not be found again and no longer counts as read' : `${lost.read} passages you had read could not be found again and no longer count as read`);
      fr.push(lost.read === 1 ? 'un passage lu n’a pas été retrouvé et ne compte plus comme lu' : `${lost.read} passages lus n’ont pas été retrouvés et ne comptent plus comme lus`);
    }
    notices.push({
      en: `${f.transcriptFile} changed since you last read it: ${en.join('; ')}.`,
      fr: `${f.transcriptFile} a changé depuis votre dernière lecture : ${fr.join(' ; ')}.`,
    });
  }
  for (const s of f.unplaced) {
    const text = s.text.slice(0, 70);
    notices.push({
      en: `Cannot be placed, kept as is in ${f.coderFile}${s.line === undefined ? '' : ` (line ${s.line})`}: "${text}"`,
      fr: `Introuvable, gardé tel quel dans ${f.coderFile}${s.line === undefined ? '' : ` (ligne ${s.line})`}\u00a0: «\u00a0${text}\u00a0»`,
    });
  }
  return notices;
}
