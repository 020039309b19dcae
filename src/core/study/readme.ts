import type { Language } from '../types.js';

/** The README that `codage init` writes into a new study folder. */
export function studyReadme(title: string, language: Language): string {
  if (language === 'fr') {
    return `# ${title}

Dossier d'étude de \`codage\` : tout est en fichiers texte, à sauvegarder et à versionner
(git, clé USB, dossier partagé avec la direction de thèse). Rien n'est envoyé sur Internet.

| Fichier | Contenu |
|---|---|
| \`transcripts/\` | une transcription anonymisée par entretien (\`.txt\` ou \`.md\`, UTF-8 de préférence) |
| \`participants.csv\` | facultatif : \`id;sexe;age;…\`, une ligne par participant |
| \`codebook.yaml\` | le livre de codes : thèmes → sous-thèmes → codes |
| \`codings/<codeur>.yaml\` | les segments codés de chaque codeur (un fichier par codeur) |
| \`codage.yaml\` | réglages : titre, langue, signature des verbatims, ordre des entretiens |
| \`.codage/\` | sauvegardes automatiques et verrous de \`codage\` |

En-tête facultatif d'une transcription :

\`\`\`
---
id: P01
date: 2024-03-12
duration: 34
---
Enquêtrice : Pouvez-vous me parler de…
P01 : Alors… *rire* c'est compliqué.
\`\`\`

Commandes utiles :

\`\`\`
codage check               vérifier l'étude
codage code --coder NOM    coder au clavier
codage stats               compter codes, participants, références
codage saturation          saturation des codes au fil des entretiens (et sa figure)
codage segments            lister les segments codés (CSV ou JSON)
\`\`\`
`;
  }
  return `# ${title}

A \`codage\` study folder: everything is plain text, to back up and to version
(git, a USB key, a folder shared with the supervisor). Nothing is ever sent over the network.

| File | Holds |
|---|---|
| \`transcripts/\` | one anonymised transcript per interview (\`.txt\` or \`.md\`, preferably UTF-8) |
| \`participants.csv\` | optional: \`id;sex;age;…\`, one row per participant |
| \`codebook.yaml\` | the codebook: themes → sub-themes → codes |
| \`codings/<coder>.yaml\` | each coder's coded segments (one file per coder) |
| \`codage.yaml\` | settings: title, language, quote label, interview order |
| \`.codage/\` | \`codage\`'s automatic backups and locks |

Optional front matter of a transcript:

\`\`\`
---
id: P01
date: 2024-03-12
duration: 34
---
Interviewer: Could you tell me about…
P01: Well… *laughs* it's complicated.
\`\`\`

Useful commands:

\`\`\`
codage check               validate the study
codage code --coder NAME   code at the keyboard
codage stats               count codes, participants, references
codage saturation          code saturation along the interviews (and its figure)
codage segments            list coded segments (CSV or JSON)
\`\`\`
`;
}
