/** The list of disagreements between two coders, as a table (terminal, Markdown, CSV, Excel). */
import type { Disagreement, SideItem } from '../analysis/agreement/disagreements.js';
import { LineNumbers } from '../text/lines.js';
import { codeLabel } from '../codebook/query.js';
import { kindLabel } from '../consensus/log.js';
import type { Codebook, Language, Transcript } from '../types.js';
import { cell, type Table } from './table.js';

export interface DisagreementEntry {
  coders: [string, string];
  disagreement: Disagreement;
  transcript: Transcript;
}

/** Each transcript's line numbers, found once for all its disagreements (a study has thousands). */
const lineNumbers = new WeakMap<Transcript, LineNumbers>();

/** 1-based line in the transcript file where a disagreement starts. */
export function disagreementLine(d: Disagreement, transcript: Transcript): number {
  let lines = lineNumbers.get(transcript);
  if (lines === undefined) lineNumbers.set(transcript, (lines = new LineNumbers(transcript.text, transcript.bodyLine)));
  return lines.lineOf(d.start);
}

function codes(items: readonly SideItem[], codebook: Codebook): string {
  return [...new Set(items.flatMap((i) => i.codes))].map((c) => codeLabel(codebook, c)).join(', ');
}

function quotes(items: readonly SideItem[], text: string, language: Language): string {
  return items.map((i) => text.slice(i.start, i.end)).join(language === 'fr' ? ' […] ' : ' […] ');
}

export function disagreementTable(entries: readonly DisagreementEntry[], codebook: Codebook, language: Language, tolerance: number): Table {
  const fr = language === 'fr';
  const pairs = new Set(entries.map((e) => e.coders.join('/')));
  const several = pairs.size > 1;
  const rows = entries.map(({ coders, disagreement: d, transcript }) => [
    ...(several ? [cell(coders.join(' / '))] : []),
    cell(d.participant),
    cell(String(disagreementLine(d, transcript)), { value: disagreementLine(d, transcript) }),
    cell(kindLabel(d.kind)[language]),
    cell(codes(d.a, codebook)),
    cell(quotes(d.a, transcript.text, language)),
    cell(codes(d.b, codebook)),
    cell(quotes(d.b, transcript.text, language)),
  ]);
  const [a, b] = several ? ['A', 'B'] : (entries[0]?.coders ?? ['A', 'B']);
  return {
    title: fr ? 'Désaccords entre codeurs' : 'Disagreements between coders',
    columns: [
      ...(several ? [{ label: fr ? 'Codeurs (A / B)' : 'Coders (A / B)', align: 'left' as const }] : []),
      { label: 'Participant', align: 'left' },
      { label: fr ? 'Ligne' : 'Line', align: 'right' },
      { label: fr ? 'Désaccord' : 'Disagreement', align: 'left' },
      { label: fr ? `Codes ${a}` : `${a}'s codes`, align: 'left' },
      { label: fr ? `Verbatim ${a}` : `${a}'s quote`, align: 'left' },
      { label: fr ? `Codes ${b}` : `${b}'s codes`, align: 'left' },
      { label: fr ? `Verbatim ${b}` : `${b}'s quote`, align: 'left' },
    ],
    rows,
    notes: [
      fr
        ? `Un code appliqué par un seul codeur, des codes différents sur le même texte, ou le même code avec des limites différentes de plus de ${tolerance} mot(s). Ligne : ligne du fichier de la transcription.`
        : `A code applied by one coder only, different codes on the same text, or the same code with boundaries more than ${tolerance} word(s) apart. Line: line in the transcript file.`,
    ],
  };
}
