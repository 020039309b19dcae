/**
 * The theme or code a researcher names on the command line: its id, its name (compared ignoring
 * case, accents and apostrophe style), or a path of theme names `Vécu du médecin > Émotions
 * négatives` (optionally ending with a code). A name two themes share must be given as a path.
 */
import { UsageError } from '../errors.js';
import type { Codebook, CodebookNode } from '../types.js';
import { nearest } from './nearest.js';
import { allCodes, allThemes, findCodeByName, findThemeByPath, themePath } from './query.js';
import { nameKey } from './slug.js';

/** `A > B > C` → ['A', 'B', 'C'] (empty steps dropped). */
export function splitPath(path: string): string[] {
  return path
    .split('>')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** `Vécu du médecin > Émotions négatives`: a node's place, from the top. */
export function pathOf(codebook: Codebook, node: CodebookNode): string {
  return [...themePath(codebook, node.id).map((n) => n.name), node.name].join(' > ');
}

function notFound(ref: string, codebook: Codebook, what: 'node' | 'theme'): UsageError {
  const nodes = what === 'theme' ? allThemes(codebook) : [...allThemes(codebook), ...allCodes(codebook)];
  const close = nearest(ref, nodes.map((n) => n.name));
  const kind = what === 'theme' ? { en: 'theme', fr: 'thème' } : { en: 'theme or code', fr: 'thème ni code' };
  return new UsageError(
    what === 'theme'
      ? { en: `no theme "${ref}" in codebook.yaml`, fr: `pas de thème « ${ref} » dans codebook.yaml` }
      : { en: `no ${kind.en} "${ref}" in codebook.yaml`, fr: `ni ${kind.fr} « ${ref} » dans codebook.yaml` },
    close !== undefined
      ? { en: `did you mean "${close}"? (codage codebook lists them)`, fr: `vouliez-vous dire « ${close} » ? (codage codebook les liste)` }
      : { en: 'codage codebook lists the themes and codes', fr: 'codage codebook liste les thèmes et les codes' },
  );
}

/** What a command expects: a code, a theme, or either. */
export type NodeWanted = 'code' | 'theme' | 'any';

const KIND_PREFIX = /^\s*(code|theme|thème|th[eè]me)\s*:\s*/iu;

/** `code:Humour` → { want: 'code', ref: 'Humour' }; no prefix → as given. */
function withoutKindPrefix(ref: string, want: NodeWanted): { ref: string; want: NodeWanted } {
  const match = KIND_PREFIX.exec(ref);
  if (!match) return { ref, want };
  const kind: NodeWanted = (match[1] as string).toLowerCase() === 'code' ? 'code' : 'theme';
  return { ref: ref.slice(match[0].length), want: kind };
}

/**
 * The node `ref` names, or null when none does (see the module comment); throws when ambiguous.
 * `want` breaks the tie when a code and a theme share the name (a command that takes either asks
 * for `code:` or `theme:`).
 */
export function lookupNode(codebook: Codebook, reference: string, wanted: NodeWanted = 'any'): CodebookNode | null {
  const { ref, want } = withoutKindPrefix(reference, wanted);
  const byId = codebook.byId.get(ref.trim());
  if (byId && (want === 'any' || byId.kind === want)) return byId;
  const steps = splitPath(ref);
  if (steps.length === 0) return null;
  if (steps.length > 1) {
    const parent = findThemeByPath(codebook, steps.slice(0, -1));
    const key = nameKey(steps[steps.length - 1] as string);
    const theme = want === 'code' ? undefined : findThemeByPath(codebook, steps);
    const code = want === 'theme' ? undefined : parent?.children.find((n) => n.kind === 'code' && nameKey(n.name) === key);
    if (theme && code) throw bothKinds(reference, theme.name);
    return theme ?? code ?? null;
  }
  const code = want === 'theme' ? undefined : findCodeByName(codebook, steps[0] as string);
  const key = nameKey(steps[0] as string);
  const themes = want === 'code' ? [] : allThemes(codebook).filter((t) => nameKey(t.name) === key);
  if (code && themes.length > 0) throw bothKinds(reference, code.name);
  if (code) return code;
  if (themes.length > 1) {
    throw new UsageError(
      { en: `several themes are named "${ref}"`, fr: `plusieurs thèmes s’appellent « ${ref} »` },
      {
        en: `give its path: ${themes.map((t) => `"${pathOf(codebook, t)}"`).join(' or ')}`,
        fr: `donnez son chemin : ${themes.map((t) => `« ${pathOf(codebook, t)} »`).join(' ou ')}`,
      },
    );
  }
  return themes[0] ?? null;
}

function bothKinds(ref: string, name: string): UsageError {
  return new UsageError(
    { en: `a code and a theme are both named "${ref}"`, fr: `un code et un thème s’appellent tous deux « ${ref} »` },
    { en: `write "code:${name}" or "theme:${name}"`, fr: `écrire « code:${name} » ou « thème:${name} »` },
  );
}

/** The node `ref` names; a usage error with the nearest name when there is none. */
export function findNode(codebook: Codebook, ref: string, want: NodeWanted = 'any'): CodebookNode {
  const node = lookupNode(codebook, ref, want);
  if (!node) throw notFound(ref, codebook, 'node');
  return node;
}

/** The code `ref` names (a theme is refused, with what to do instead). */
export function findCode(codebook: Codebook, ref: string): CodebookNode {
  const code = lookupNode(codebook, ref, 'code');
  if (code) return code;
  const node = findNode(codebook, ref);
  throw new UsageError(
    { en: `"${node.name}" is a theme, not a code`, fr: `« ${node.name} » est un thème, pas un code` },
    { en: 'give the name of a code', fr: "donnez le nom d’un code" },
  );
}

/** The theme at `path` (names from the top), or a usage error. */
export function findThemePath(codebook: Codebook, path: string): CodebookNode {
  const theme = lookupNode(codebook, path, 'theme');
  if (theme?.kind !== 'theme') throw notFound(path, codebook, 'theme');
  return theme;
}
