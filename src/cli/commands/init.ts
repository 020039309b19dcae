import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { studyReadme } from '../../core/study/readme.js';
import { STUDY_FILES } from '../../core/study/study.js';
import type { Language } from '../../core/types.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { ensureDir } from '../../io/dirs.js';
import type { CommandContext } from '../context.js';
import { paint } from '../output.js';
import { STARTERS_DIR } from '../version.js';

interface InitOptions {
  study: string;
  codebook?: string;
  title?: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function starterNames(): Promise<string[]> {
  const files = await readdir(STARTERS_DIR).catch(() => [] as string[]);
  return ['empty', ...files.filter((f) => f.endsWith('.yaml')).map((f) => basename(f, '.yaml')).sort()];
}

export function emptyCodebook(language: Language): string {
  return language === 'fr'
    ? `# Livre de codes de l'étude. Voir le README, section « codebook.yaml ».
# Les codes créés pendant le codage s'ajoutent ici ; regroupez-les ensuite en thèmes.
themes: []
codes: []
`
    : `# The study's codebook. See the README, section "codebook.yaml".
# Codes created while coding are added here; group them into themes later.
themes: []
codes: []
`;
}

async function starterText(name: string, language: Language): Promise<string> {
  if (name === 'empty') return emptyCodebook(language);
  const candidates = [join(STARTERS_DIR, `${name}.yaml`), resolve(name)];
  for (const path of candidates) {
    if ((extname(path) === '.yaml' || extname(path) === '.yml') && (await exists(path))) return readFile(path, 'utf8');
  }
  const names = await starterNames();
  throw new UsageError(
    { en: `no starter codebook "${name}"`, fr: `pas de livre de codes de départ « ${name} »` },
    { en: `choose one of: ${names.join(', ')} (or give the path of a .yaml file)`, fr: `choisir parmi : ${names.join(', ')} (ou donner le chemin d’un fichier .yaml)` },
  );
}

export function configText(title: string, language: Language): string {
  const quoted = JSON.stringify(title);
  return language === 'fr'
    ? `# Réglages de l'étude (tous facultatifs). Voir le README de l'étude.
title: ${quoted}
language: fr              # fr | en : langue des messages et des exports
quote_label: "{id}"       # signature des verbatims : "{id}", "participant {n}", "{id}, {sexe}, {age} ans"
# order: [P01, P02, P03]  # ordre des entretiens sans date ou du même jour (la date passe d'abord)
# coder: marie            # codeur par défaut de « codage code »
`
    : `# Study settings (all optional). See the study's README.
title: ${quoted}
language: en              # fr | en: language of messages and exports
quote_label: "{id}"       # how quotes are signed: "{id}", "participant {n}", "{id}, {sex}, {age}"
# order: [P01, P02, P03]  # order of interviews without a date or on the same day (dates come first)
# coder: marie            # default coder for "codage code"
`;
}

export async function run(ctx: CommandContext, dir: string | undefined, options: InitOptions): Promise<number> {
  const root = resolve(dir ?? options.study ?? '.');
  const language = ctx.language;
  const fr = language === 'fr';
  const codebook = await starterText(options.codebook ?? 'empty', language);
  const title = options.title ?? basename(root);
  const created: string[] = [];
  const kept: string[] = [];

  for (const folder of [STUDY_FILES.transcripts, STUDY_FILES.codings]) {
    if (await ensureDir(join(root, folder))) created.push(`${folder}/`);
  }
  const files: [string, string][] = [
    [STUDY_FILES.config, configText(title, language)],
    [STUDY_FILES.codebook, codebook],
    ['README.md', studyReadme(title, language)],
  ];
  for (const [name, content] of files) {
    const path = join(root, name);
    if (await exists(path)) {
      kept.push(name);
      continue;
    }
    await writeFileAtomic(path, content);
    created.push(name);
  }

  ctx.stdout.write(fr ? `Étude prête dans ${root}\n` : `Study ready in ${root}\n`);
  for (const name of created) ctx.stdout.write(`  ${paint.green('+')} ${name}\n`);
  for (const name of kept) ctx.stdout.write(`  ${paint.dim('=')} ${name} ${paint.dim(fr ? '(existait déjà, inchangé)' : '(already there, left as is)')}\n`);
  ctx.stdout.write(
    fr
      ? `\nÉtapes suivantes :\n  1. déposer les transcriptions anonymisées dans ${join(root, STUDY_FILES.transcripts)}/ (.txt ou .md)\n  2. codage check --study ${dir ?? '.'}\n  3. codage code --study ${dir ?? '.'} --coder VOTRE_NOM\n`
      : `\nNext steps:\n  1. put the anonymised transcripts in ${join(root, STUDY_FILES.transcripts)}/ (.txt or .md)\n  2. codage check --study ${dir ?? '.'}\n  3. codage code --study ${dir ?? '.'} --coder YOUR_NAME\n`,
  );
  return 0;
}
