import { warnIfReconciliationUnfinished } from '../notices.js';
import { resolve } from 'node:path';
import { codeTree, tallyCodes, type CodeCount } from '../../core/analysis/stats.js';
import { safeJson, terminalSafe as t } from '../../core/text/terminal.js';
import type { Codebook, CodebookNode, Language } from '../../core/types.js';
import { renderTextTable } from '../../core/report/text-table.js';
import type { CommandContext } from '../context.js';
import { codersToCount } from '../coder.js';
import { loadForCommand, warnIfIncomplete } from '../load.js';
import { formatNumber, paint } from '../output.js';

interface CodebookOptions {
  study: string;
  coder?: string;
  json?: boolean;
}

/** One row of the tree: a theme, a code, or a code used in codings but missing from the codebook. */
export interface CodebookRow extends CodeCount {
  definition: string | null;
  /** A code no segment carries. */
  unused: boolean;
}

export function codebookRows(codebook: Codebook, counts: CodeCount[]): CodebookRow[] {
  return counts.map((row) => {
    const node: CodebookNode | undefined = codebook.byId.get(row.id);
    return { ...row, definition: node?.definition ?? node?.description ?? null, unused: row.kind === 'code' && row.inCodebook && row.references === 0 };
  });
}

/** `codage codebook`: the tree of themes and codes, with n/N, references and definitions. */
export async function run(baseCtx: CommandContext, options: CodebookOptions): Promise<number> {
  const { coders, chosen } = await codersToCount(resolve(options.study), options.coder);
  const { ctx, study, segments, problems } = await loadForCommand(baseCtx, options.study, { coders });
  warnIfReconciliationUnfinished(ctx, study.root, coders);
  warnIfIncomplete(ctx, problems);
  const placed = segments.filter((s) => s.status !== 'unplaced');
  const rows = codebookRows(study.codebook, codeTree(study.codebook, tallyCodes(placed)));
  const N = study.transcripts.length;
  const unused = rows.filter((r) => r.unused);
  const missing = rows.filter((r) => !r.inCodebook);
  if (options.json) {
    ctx.stdout.write(
      `${safeJson({
        participants: N,
        coders: study.coders.map((c) => c.coder),
        tree: rows.map((r) => ({
          kind: r.kind,
          id: r.id,
          name: r.name,
          path: r.path,
          depth: r.depth,
          participants: r.participants,
          references: r.references,
          definition: r.definition,
          inCodebook: r.inCodebook,
          unused: r.unused,
        })),
        unused: unused.map((r) => r.id),
        missing: missing.map((r) => r.id),
      })}\n`,
    );
    return 0;
  }
  ctx.stdout.write(renderCodebook(rows, N, ctx.language, ctx.stdout.columns ?? 100));
  if (chosen) {
    const who = t(coders[0] ?? '');
    ctx.stdout.write(
      paint.dim(
        ctx.language === 'fr'
          ? `(comptes du codage «\u00a0${who}\u00a0», celui que montrent les exports ; --coder NOM pour un autre codeur)\n`
          : `(counts of the coding "${who}", the one the exports show; --coder NAME for another coder)\n`,
      ),
    );
  }
  return 0;
}

function fit(text: string, width: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= width) return chars.join('');
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

export function renderCodebook(rows: CodebookRow[], N: number, language: Language, columns: number): string {
  const fr = language === 'fr';
  const n = (value: number) => formatNumber(value, language);
  const codes = rows.filter((r) => r.kind === 'code' && r.inCodebook).length;
  const themes = rows.filter((r) => r.kind === 'theme').length;
  if (rows.length === 0) {
    return fr
      ? 'Le livre de codes est vide. Ajoutez un code : codage codebook add NOM [--theme THÈME]\n'
      : 'The codebook is empty. Add a code: codage codebook add NAME [--theme THEME]\n';
  }
  const flag = (r: CodebookRow) =>
    !r.inCodebook ? (fr ? ' ⚠ absent du livre de codes' : ' ⚠ not in the codebook') : r.unused ? (fr ? ' · jamais utilisé' : ' · never used') : '';
  const names = rows.map((r) => `${'  '.repeat(r.depth)}${r.kind === 'theme' ? `▸ ${t(r.name)}` : t(r.name)}${flag(r)}`);
  const nameWidth = Math.max(...names.map((s) => [...s].length), 12);
  const defWidth = Math.max(20, columns - nameWidth - 2 - 7 - 2 - 5 - 2 - 1);
  let out = renderTextTable(
    [fr ? 'Thème / code' : 'Theme / code', 'n/N', fr ? 'Réf.' : 'Refs', fr ? 'Définition' : 'Definition'],
    rows.map((r, i) => [names[i] as string, `${r.participants}/${N}`, n(r.references), r.definition === null ? '' : t(fit(r.definition, defWidth))]),
    ['left', 'right', 'right', 'left'],
  );
  const unused = rows.filter((r) => r.unused).length;
  const missing = rows.filter((r) => !r.inCodebook);
  out += `\n${fr ? `${codes} code(s) dans ${themes} thème(s)` : `${codes} code(s) in ${themes} theme(s)`}`;
  out += fr ? ` ; n/N : participants qui en parlent sur ${N} ; Réf. : segments codés.\n` : `; n/N: participants who mention it, of ${N}; Refs: coded segments.\n`;
  if (unused > 0) {
    out += paint.yellow(
      fr
        ? `${unused} code(s) jamais utilisé(s) : à supprimer (codage codebook delete NOM) ou à garder pour la suite du codage.\n`
        : `${unused} code(s) never used: delete them (codage codebook delete NAME) or keep them for the coding ahead.\n`,
    );
  }
  if (missing.length > 0) {
    const ids = missing.map((r) => t(r.id)).join(', ');
    out += paint.red(
      fr
        ? `${missing.length} code(s) utilisé(s) mais absent(s) du livre de codes (${ids}) : fusionnez-le(s) dans un code du livre (codage codebook merge ID CODE), ou ajoutez ce code au livre.\n`
        : `${missing.length} code(s) used but missing from the codebook (${ids}): merge them into a code of the codebook (codage codebook merge ID CODE), or add that code to the codebook.\n`,
    );
  }
  return out;
}
