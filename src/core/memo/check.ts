/** Memos whose subject is gone (a code merged away, a transcript renamed): `codage check` says so. */
import type { Codebook, Problem } from '../types.js';
import type { Memos } from './memo.js';

export function orphanMemoProblems(memos: Memos, study: { codebook: Codebook; participants: ReadonlySet<string>; usedCodes: ReadonlySet<string> }): Problem[] {
  const problems: Problem[] = [];
  for (const memo of memos.values()) {
    const { subject } = memo;
    if (subject.kind === 'study') continue;
    const known =
      subject.kind === 'transcript'
        ? study.participants.has(subject.id)
        : study.codebook.byId.get(subject.id)?.kind === subject.kind || (subject.kind === 'code' && study.usedCodes.has(subject.id));
    if (known) continue;
    const what = { transcript: { en: 'participant', fr: 'participant' }, code: { en: 'code', fr: 'code' }, theme: { en: 'theme', fr: 'thème' } }[subject.kind];
    problems.push({
      severity: 'warning',
      file: memo.file,
      line: 1,
      column: 1,
      kind: 'memo-orphan',
      message: {
        en: `memo on a ${what.en} the study does not have (id "${subject.id}"): it is shown nowhere`,
        fr: `mémo sur un ${what.fr} que l’étude n’a pas (identifiant « ${subject.id} »)\u00a0: il n’est affiché nulle part`,
      },
      hint: {
        en: `if the ${what.en} was renamed, merged or deleted, move what is worth keeping into another memo (codage memo NAME --edit) and delete this file`,
        fr: `si le ${what.fr} a été renommé, fusionné ou supprimé, reporter ce qui mérite d’être gardé dans un autre mémo (codage memo NOM --edit) puis supprimer ce fichier`,
      },
    });
  }
  return problems;
}
