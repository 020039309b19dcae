/**
 * The codebook part of a REFI-QDA import: which of the project's codes become themes, which
 * become codes, which are already in the codebook (same name, reused), and the codebook text with
 * the new ones added.
 *
 * - A code that has sub-codes (or cannot be applied) is a theme grouping them; if it was applied
 *   itself, its own codings go to a code of the same name inside it.
 * - A code whose name a code already has under the same theme is that code; elsewhere, it gets
 *   its theme's name added (code names are unique in codage), and is refused if that name is taken.
 *
 * Every decision is taken on a model of the codebook (`PlannedCodebook`), then every new theme and
 * code is added in one pass: adding them one by one parsed and printed the file for each, which
 * made a project of 200 codes take seconds.
 */
import { CodebookEditError } from '../codebook/edit.js';
import { PlannedCodebook } from '../codebook/planned.js';
import type { Severity } from '../types.js';
import { readNodeDescription, splitNodeId } from './description.js';
import type { ReportLine } from './import-plan.js';
import type { RefiCode } from './read.js';

export interface RefiCodebookPlan {
  /** codebook.yaml with the new themes and codes (the same text when nothing is new). */
  source: string;
  /** REFI code GUID → codage code id (codable codes only). */
  codeIds: Map<string, string>;
  /** REFI code GUID → codage theme id (codes with sub-codes, and codes that cannot be applied). */
  themeIds: Map<string, string>;
  report: ReportLine[];
  counts: { codes: number; themes: number };
}

export function planRefiCodebook(source: string, codes: readonly RefiCode[], codedGuids: ReadonlySet<string>, language: 'fr' | 'en'): RefiCodebookPlan {
  const report: ReportLine[] = [];
  const say = (severity: Severity, kind: string, en: string, fr: string) => report.push({ severity, kind, message: { en, fr } });
  const counts = { codes: 0, themes: 0 };
  const codeIds = new Map<string, string>();
  const themeIds = new Map<string, string>();
  const book = new PlannedCodebook(source);

  const visit = (list: readonly RefiCode[], parent: { id: string; name: string } | null) => {
    for (const code of list) {
      const name = code.name.trim();
      if (name === '') {
        if (code.children.length > 0) {
          // Its sub-codes are not lost with it: they go where it would have been.
          say('warning', 'refi-code-unnamed', `a code without a name was not brought over (nor its own codings); its ${code.children.length} sub-code(s) are placed where it was`, `un code sans nom n’a pas été repris (ni ses propres codages) ; ses ${code.children.length} sous-code(s) sont placés à sa place`);
          visit(code.children, parent);
        } else say('warning', 'refi-code-unnamed', 'a code without a name was not brought over (nor its codings)', "un code sans nom n’a pas été repris (ni ses codages)");
        continue;
      }
      const colour = code.color ? { color: code.color } : {};
      // A codage export names the node's id when its name would not give it back (kept if free).
      const { text: description, id } = splitNodeId(code.description ?? '');
      const fields = (kind: 'theme' | 'code') => ({ ...readNodeDescription(description, kind), ...colour, ...(id !== undefined ? { id } : {}) });
      try {
        if (code.children.length > 0 || !code.isCodable) {
          let theme = book.theme(parent?.id ?? null, name);
          if (theme === undefined) {
            theme = book.addTheme(parent?.id ?? null, name, fields('theme'));
            counts.themes++;
          }
          themeIds.set(code.guid, theme.id);
          if (code.isCodable && codedGuids.has(code.guid)) {
            const same = book.codes(name);
            const existing = same.find((c) => c.parent === theme.id) ?? same[0];
            if (existing !== undefined) codeIds.set(code.guid, existing.id);
            else {
              codeIds.set(code.guid, book.addCode(theme.id, name).id);
              counts.codes++;
            }
            say('info', 'refi-code-with-children', `"${name}" has sub-codes and was applied itself: it is a theme, and its own codings are in the code "${name}" inside it`, `« ${name} » a des sous-codes et a été appliqué lui-même : c’est un thème, et ses propres codages sont dans le code « ${name} » qu’il contient`);
          }
          visit(code.children, { id: theme.id, name });
          continue;
        }
        const same = book.codes(name)[0];
        if (same !== undefined && same.parent === (parent?.id ?? null)) {
          codeIds.set(code.guid, same.id);
          continue;
        }
        // Code names are unique in codage: another code of that name elsewhere gets its theme's name added.
        const unique = same ? `${name} (${parent?.name ?? (language === 'fr' ? 'sans thème' : 'no theme')})` : name;
        if (same) say('warning', 'refi-code-renamed', `two codes are named "${name}": the one in "${parent?.name ?? '—'}" is now "${unique}"`, `deux codes s’appellent « ${name} » : celui de « ${parent?.name ?? '—'} » s’appelle désormais « ${unique} »`);
        // A sibling spelled the same but for case or accents was renamed so already: the same code.
        const renamed = same ? book.codes(unique).find((c) => c.parent === (parent?.id ?? null)) : undefined;
        if (renamed !== undefined) {
          codeIds.set(code.guid, renamed.id);
          continue;
        }
        codeIds.set(code.guid, book.addCode(parent?.id ?? null, unique, fields('code')).id);
        counts.codes++;
      } catch (error) {
        if (!(error instanceof CodebookEditError)) throw error;
        say('warning', 'refi-code-refused', `the code "${name}" was not brought over: ${error.localized.en}`, `le code « ${name} » n’a pas été repris : ${error.localized.fr}`);
      }
    }
  };
  visit(codes, null);
  return { source: book.apply(), codeIds, themeIds, report, counts };
}
