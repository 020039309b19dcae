/**
 * LaTeX for a thesis: `longtable` (breaks across pages, header repeated) with `booktabs` rules,
 * `p{}` columns that share the text width, every special character escaped, no-break spaces
 * written `~` (U+00A0) and `\,` (U+202F). For babel-french, a space before `; : ! ?` is written
 * `~`, which babel turns into the right no-break space (thin before `; ! ?`) and which stays one
 * without it (`\,` there would add babel's space to its own). A verbatim is the transcript's text:
 * a `; : ! ?` the speaker wrote without a space (`stock:`, `14:30`, `?!`) is kept without one
 * (`{\NoAutoSpacing :}`), where babel would add it. A theme is written on its first row only, its
 * codes under it separated by light rules: a merged cell that still breaks across pages.
 *
 * Output is a fragment to `\input` (its packages listed at the top) or, with `standalone`, a
 * complete document. Verbatims go through `\codageverbatim{…}` (italics by default) so that a
 * thesis can restyle them in one line.
 */
import { cellColumns, type Block, type Inline, type Paragraph, type ReportDocument, type Table } from '../document.js';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '"': '\\textquotedbl{}',
  '[': '{[}',
  ']': '{]}',
  '\u00a0': '~',
  '\u202f': '\\,',
  '\u2009': '\\,',
  '\u2011': '-',
  '\u00ad': '\\-',
};

/** Characters pdflatex with T1 and utf8 input typesets as they are. */
function typesetAsIs(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa1 && code <= 0x17f) ||
    [0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122, 0x0152, 0x0153].includes(code)
  );
}

/**
 * Escapes text for LaTeX. A character pdflatex cannot typeset (an emoji) becomes
 * `\codageunicode{1F642}`, shown as `[U+1F642]` unless the thesis redefines it. In French, the
 * spaces before high punctuation are written for babel-french (see the module comment);
 * `verbatim` text keeps exactly the spaces it has there.
 */
export function escapeLatex(text: string, language: 'fr' | 'en', options: { verbatim?: boolean } = {}): string {
  let out = '';
  for (const ch of text.replace(/\r?\n/g, ' ')) {
    const special = SPECIAL[ch];
    if (special !== undefined) out += special;
    else if (ch === '\t') out += ' ';
    else {
      const code = ch.codePointAt(0)!;
      out += typesetAsIs(code) ? ch : code < 0x20 ? '' : `\\codageunicode{${code.toString(16).toUpperCase()}}`;
    }
  }
  if (language === 'fr') {
    // Any space before high punctuation: one `~`, which babel-french makes the right no-break space.
    out = out.replace(/(?: |~|\\,)+(?=[;:!?])/g, '~');
    // Where the speaker put none, babel-french must add none.
    if (options.verbatim) out = out.replace(/(?<!~)[;:!?]/g, (c) => `{\\NoAutoSpacing ${c}}`);
  }
  return out;
}

function inline(run: Inline, language: 'fr' | 'en'): string {
  let text = escapeLatex(run.text, language, { verbatim: run.italic === true });
  if (run.bold) text = `\\textbf{${text}}`;
  if (run.italic) text = `\\codageverbatim{${text}}`;
  return text;
}

function paragraphTex(paragraph: Paragraph, language: 'fr' | 'en'): string {
  return paragraph.map((run) => inline(run, language)).join('');
}

function columnSpec(table: Table): string {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const n = table.columns.length;
  const specs = table.columns.map((c) => {
    const share = (c.width / total).toFixed(3);
    const align = c.align === 'right' ? '\\raggedleft' : c.align === 'center' ? '\\centering' : '\\raggedright';
    return `>{${align}\\arraybackslash}p{\\dimexpr ${share}\\linewidth-${((2 * (n - 1)) / n).toFixed(3)}\\tabcolsep\\relax}`;
  });
  return `@{}${specs.join('')}@{}`;
}

export function tableLatex(table: Table, language: 'fr' | 'en', rotate = true): string {
  const n = table.columns.length;
  const header = `${table.columns.map((c) => `\\textbf{${escapeLatex(c.header, language)}}`).join(' & ')} \\\\`;
  const continued = language === 'fr' ? 'suite' : 'continued';
  const lines: string[] = [];
  if (table.landscape && rotate) lines.push('\\begin{landscape}');
  lines.push(`\\begin{longtable}{${columnSpec(table)}}`);
  lines.push(`\\caption{${escapeLatex(table.caption, language)}}\\\\`);
  lines.push('\\toprule', header, '\\midrule', '\\endfirsthead');
  lines.push(`\\multicolumn{${n}}{@{}l}{\\small\\itshape ${escapeLatex(table.caption, language)} (${continued})}\\\\`);
  lines.push('\\toprule', header, '\\midrule', '\\endhead');
  lines.push('\\bottomrule', '\\endlastfoot');
  const where = cellColumns(table);
  table.rows.forEach((row, r) => {
    const columns = where[r]!;
    if (r > 0 && row.groupStart !== undefined) {
      // A new group gets a full rule; a row inside a group a light one from its first own cell.
      if (row.groupStart) lines.push('\\midrule');
      else lines.push(`\\cmidrule(l{0.5em}){${(columns[0] ?? 0) + 1}-${n}}`);
    }
    const cells = table.columns.map(() => '');
    row.cells.forEach((cell, i) => {
      cells[columns[i]!] = cell.paragraphs.map((p) => paragraphTex(p, language)).join('\\par\\smallskip ');
    });
    lines.push(`${cells.join(' & ')} \\\\`);
  });
  lines.push('\\end{longtable}');
  // The note stays under the table when it can (inside \endlastfoot it made longtable drop the
  // header of the last page).
  if (table.note) lines.push(`\\nopagebreak\\vspace{-0.5\\baselineskip}\\noindent{\\small ${paragraphTex(table.note, language)}\\par}`);
  if (table.landscape && rotate) lines.push('\\end{landscape}');
  return lines.join('\n');
}

function blockTex(b: Block, language: 'fr' | 'en', rotate: boolean): string {
  switch (b.type) {
    case 'heading':
      return `\\${b.level === 1 ? 'section' : b.level === 2 ? 'subsection' : 'subsubsection'}*{${escapeLatex(b.text, language)}}`;
    case 'paragraph':
      return paragraphTex(b.content, language);
    case 'table':
      return tableLatex(b.table, language, rotate);
    case 'figure':
      // (The command leaves figures out of a LaTeX export, and says so.)
      return `% ${b.figure.caption.replace(/\n/g, ' ')}${language === 'fr' ? ' : figure non incluse en LaTeX' : ': figure not included in LaTeX'}`;
    case 'code':
      return `\\begin{verbatim}\n${b.text.replace(/\n$/, '')}\n\\end{verbatim}`;
  }
}

export const LATEX_PACKAGES = ['array', 'longtable', 'booktabs', 'pdflscape'];

/** What `\codageunicode{1F642}` (a character pdflatex cannot typeset, see escapeLatex) prints unless the thesis defines it. */
export const UNICODE_MACRO = '\\providecommand{\\codageunicode}[1]{[U+#1]}';

const MACROS = [
  '\\providecommand{\\codageverbatim}[1]{\\textit{#1}}',
  UNICODE_MACRO,
  // babel-french's: defined for a thesis without it.
  '\\providecommand{\\NoAutoSpacing}{}',
];

/** The document as LaTeX: a fragment to `\input`, or a whole document to compile as is. */
export function renderLatex(doc: ReportDocument, options: { standalone?: boolean } = {}): string {
  const language = doc.language;
  // A standalone document with a wide table is landscape throughout; a fragment turns its wide
  // tables on their own pages (pdflscape), inside whatever document includes it.
  const landscape = options.standalone === true && doc.blocks.some((b) => b.type === 'table' && b.table.landscape === true);
  const body = doc.blocks.map((b) => blockTex(b, language, !landscape)).join('\n\n');
  if (!options.standalone) {
    const packages = `\\usepackage{${LATEX_PACKAGES.join(',')}}`;
    return [
      ...(language === 'fr'
        ? [
            `% ${doc.title.replace(/\n/g, ' ')} — écrit par codage.`,
            `% Préambule : ${packages} (et babel avec french).`,
            '% Les verbatims sont dans \\codageverbatim{...} : le redéfinir (\\renewcommand) pour changer leur style.',
          ]
        : [
            `% ${doc.title.replace(/\n/g, ' ')} — written by codage.`,
            `% Needs in the preamble: ${packages} (and babel with english).`,
            '% Verbatims are in \\codageverbatim{...}: \\renewcommand it to restyle them.',
          ]),
      ...MACROS,
      '',
      body,
      '',
    ].join('\n');
  }
  return [
    '\\documentclass[a4paper,11pt]{article}',
    '\\usepackage[T1]{fontenc}',
    '\\usepackage[utf8]{inputenc}',
    '\\usepackage{lmodern}',
    `\\usepackage[${language === 'fr' ? 'french' : 'english'}]{babel}`,
    `\\usepackage[${landscape ? 'landscape,' : ''}margin=2.5cm]{geometry}`,
    `\\usepackage{${LATEX_PACKAGES.join(',')}}`,
    ...MACROS,
    '\\setlength{\\LTcapwidth}{\\linewidth}',
    '\\begin{document}',
    `\\section*{${escapeLatex(doc.title, language)}}`,
    '',
    body,
    '',
    '\\end{document}',
    '',
  ].join('\n');
}
