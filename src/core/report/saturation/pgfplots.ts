/**
 * The saturation figure for LaTeX theses, as a pgfplots snippet, so that the figure takes the
 * thesis's own fonts. Its numbers are inside it (`\pgfplotstableread`): `\input` from any folder
 * compiles, where a path to a CSV would be read from the main document's folder. Two overlaid
 * axes (new codes as bars on the left, cumulative codes as a line on the right) and the saturation
 * points as vertical lines, in black and greys. One `tikzpicture` per group. Its labels are
 * escaped as the LaTeX tables are (`escapeLatex`): one way of writing LaTeX, babel-french included.
 */
import type { SaturationAnalysis, SaturationReport } from '../../analysis/saturation/saturation.js';
import type { Language } from '../../types.js';
import { escapeLatex, UNICODE_MACRO } from '../render/latex.js';
import { pgfplotsData } from './csv.js';
import { figureLabels, niceScale, saturationMarks } from './svg.js';
import { quoted } from './words.js';

/** `\codagesaturationa`, `…b`: TeX macro names are letters only. */
function tableName(index: number): string {
  let name = '';
  for (let i = index; ; i = Math.floor(i / 26) - 1) {
    name = String.fromCharCode(97 + (i % 26)) + name;
    if (i < 26) break;
  }
  return `\\codagesaturation${name}`;
}

function picture(report: SaturationReport, a: SaturationAnalysis, table: string, language: Language): string {
  const labels = figureLabels(report, language);
  const n = a.interviews.length;
  const newTop = niceScale(Math.max(0, ...a.interviews.map((i) => i.newCodes.length))).top;
  const cumTop = niceScale(a.final).top;
  const ids = n <= 40;
  const common = `width=\\linewidth, height=7cm, xmin=0.5, xmax=${n + 0.5}, ymin=0`;
  const xticks = ids
    ? `\n    xtick={${a.interviews.map((i) => i.rank).join(',')}}, xticklabels={${a.interviews.map((i) => `{${escapeLatex(i.participant, language)}}`).join(',')}},\n    x tick label style={rotate=45, anchor=north east, font=\\footnotesize},`
    : '';
  const marks = saturationMarks(report, a, language);
  const markLines = marks.map((m) => {
    const style = m.dash === '2 3' ? 'densely dotted' : 'dashed';
    return `    \\addlegendimage{${style}, thick}\n    \\addlegendentry{${escapeLatex(m.label, language)}}\n    \\draw[${style}, thick] (axis cs:${m.rank},0) -- (axis cs:${m.rank},${cumTop});\n`;
  });
  const columns = 2 + marks.length <= 3 ? -1 : 2;
  return `\\pgfplotstableread[col sep=comma]{
${pgfplotsData(a)}}${table}
\\begin{tikzpicture}
  \\begin{axis}[
    ${common}, ymax=${newTop},
    axis y line*=left, axis x line*=bottom,
    xlabel={${escapeLatex(labels.xAxis, language)}}, ylabel={${escapeLatex(labels.newAxis, language)}},${xticks}
    ytick distance=${niceScale(newTop).step}, minor tick num=0,
  ]
    \\addplot[ybar, bar width=0.6, fill=black!18, draw=black] table[x=rank, y=new] {${table}};
  \\end{axis}
  \\begin{axis}[
    ${common}, ymax=${cumTop},
    axis y line*=right, axis x line=none,
    ylabel={${escapeLatex(labels.cumulativeAxis, language)}},
    legend style={at={(0.5,1.03)}, anchor=south, legend columns=${columns}, legend cell align=left, draw=none, font=\\footnotesize, /tikz/every even column/.append style={column sep=1em}},
  ]
    \\addlegendimage{area legend, fill=black!18, draw=black}
    \\addlegendentry{${escapeLatex(labels.newAxis, language)}}
    \\addplot[black, thick, mark=*, mark options={fill=white}, mark size=${n > 60 ? 0 : 2}pt] table[x=rank, y=cumulative] {${table}};
    \\addlegendentry{${escapeLatex(labels.cumulativeAxis, language)}}
${markLines.join('')}  \\end{axis}
\\end{tikzpicture}
`;
}

/** The snippet: one picture per analysis, each with its numbers. */
export function saturationPgfplots(report: SaturationReport, language: Language, version: string): string {
  const fr = language === 'fr';
  const header = fr
    ? `% Saturation — figure pgfplots écrite par codage ${version} (les données sont incluses).
% Préambule : \\usepackage{pgfplots} \\pgfplotsset{compat=1.16}
% Puis, dans un environnement figure : \\input{ce-fichier.tex} et votre \\caption{…}.
`
    : `% Saturation — pgfplots figure written by codage ${version} (the data are included).
% Preamble: \\usepackage{pgfplots} \\pgfplotsset{compat=1.16}
% Then, in a figure environment: \\input{this-file.tex} and your \\caption{…}.
`;
  const pictures = report.analyses.map((a, i) => {
    const heading = a.group === null ? '' : `% ${fr ? 'Groupe' : 'Group'} ${quoted(a.group, language).replace(/\u00a0/g, ' ')} (${report.by})\n`;
    return `${heading}${picture(report, a, tableName(i), language)}`;
  });
  if (pictures.length === 0) return `${header}% ${fr ? 'Aucun entretien codé : pas de figure.' : 'No coded interview: no figure.'}\n`;
  const body = pictures.join('\n\\medskip\n\n');
  // A label with a character pdflatex cannot typeset (an emoji in an id) is written as the tables write it.
  return `${header}${body.includes('\\codageunicode{') ? `${UNICODE_MACRO}\n` : ''}\n${body}`;
}
