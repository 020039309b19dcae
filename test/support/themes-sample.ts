/** A small study for the themes screen's tests: a codebook as people write them, counts, quotes. */
import type { CodeTally } from '../../src/core/analysis/stats.js';
import { parseCodebook } from '../../src/core/codebook/parse.js';
import type { ThemesInput } from '../../src/tui/themes/state.js';

export const SAMPLE_CODEBOOK = `# Grille de Marie
themes:
  # --- le vécu ---
  - name: Vécu du médecin
    id: vecu
    themes:
      - name: Émotions négatives   # à revoir
        id: emotions
        codes:
          - name: Impuissance
            id: impuissance
            definition: Ne plus savoir quoi proposer.
            include: « je ne sais plus quoi faire »
            exclude: manque de temps
          - name: Frustration
            id: frustration
  - name: Relation
    id: relation
    codes:
      - name: Écoute
        id: ecoute
  - name: Vide
    id: vide
codes:
  - name: Humour
    id: humour
  - name: Colère
    id: colere
# fin
`;

function tally(entries: Record<string, [string[], number]>): CodeTally {
  return new Map(Object.entries(entries).map(([id, [participants, references]]) => [id, { participants: new Set(participants), references }]));
}

export function sampleInput(overrides: Partial<ThemesInput> = {}): ThemesInput {
  const source = overrides.source ?? SAMPLE_CODEBOOK;
  return {
    language: 'en',
    coder: null,
    codebook: parseCodebook(source, 'codebook.yaml').codebook,
    source,
    tally: tally({ impuissance: [['P1', 'P2'], 3], frustration: [['P1'], 1], ecoute: [['P2', 'P3'], 2], humour: [['P3'], 1], 'ancien-code': [['P1'], 1] }),
    participants: 3,
    quotes: new Map([
      [
        'impuissance',
        [
          { label: '(P1)', text: 'Je me sens un peu inutile, en fait.' },
          { label: '(P2)', text: 'On ne sait plus quoi faire\u00a0: on a tout essayé, les antalgiques, la kiné, le psychologue, et rien ne marche vraiment.' },
        ],
      ],
      ['humour', [{ label: '(P3)', text: 'Il faut bien en rire \x1b[31mparfois.' }]],
    ]),
    memos: new Map([
      [
        'memos/codes/impuissance.md',
        {
          subject: { kind: 'code', id: 'impuissance' },
          file: 'memos/codes/impuissance.md',
          text: '## 2026-11-30 10:00 — marie\n\nProche de la frustration ?\n\n## 2026-12-01 09:00 — marie\n\nGarder séparé : MG3 le distingue.\n',
        },
      ],
      ['memos/themes/relation.md', { subject: { kind: 'theme', id: 'relation' }, file: 'memos/themes/relation.md', text: 'Thème central pour la discussion.\n' }],
    ]),
    ...overrides,
  };
}
