/**
 * The codebook as an annex table: theme path, code, definition, inclusion and exclusion criteria,
 * example — in codebook order, a theme's cell spanning its codes.
 */
import { allCodes, themePath } from '../codebook/query.js';
import type { Codebook, Language } from '../types.js';
import { type Row, type Table, textCell } from './document.js';

export function codebookTable(codebook: Codebook, language: Language, tableNumber?: number): Table {
  const fr = language === 'fr';
  const codes = allCodes(codebook);
  const pathOf = (id: string) => {
    const path = themePath(codebook, id).map((n) => n.name);
    return path.length === 0 ? (fr ? 'Codes non regroupés' : 'Codes not yet grouped') : path.join(' › ');
  };
  const paths = codes.map((c) => pathOf(c.id));
  const rows: Row[] = codes.map((code, i) => {
    const cells = [];
    const first = i === 0 || paths[i - 1] !== paths[i];
    if (first) {
      let span = 1;
      while (i + span < codes.length && paths[i + span] === paths[i]) span++;
      cells.push(textCell(paths[i]!, { rowSpan: span, bold: true }));
    }
    cells.push(
      textCell(code.name, { bold: true }),
      textCell(code.definition ?? code.description ?? ''),
      textCell(code.include ?? ''),
      textCell(code.exclude ?? ''),
      { paragraphs: [code.example ? [{ text: code.example, italic: true }] : [{ text: '' }]] },
    );
    return { cells, groupStart: first };
  });
  const title = fr ? 'Livre de codes' : 'Codebook';
  return {
    caption: title,
    ...(tableNumber === undefined ? {} : { number: tableNumber }),
    columns: [
      { header: fr ? 'Thème' : 'Theme', width: 2.6 },
      { header: 'Code', width: 2.2 },
      { header: fr ? 'Définition' : 'Definition', width: 3.6 },
      { header: fr ? "Critères d’inclusion" : 'Inclusion criteria', width: 3 },
      { header: fr ? "Critères d’exclusion" : 'Exclusion criteria', width: 3 },
      { header: fr ? 'Exemple' : 'Example', width: 3 },
    ],
    rows,
    landscape: true,
  };
}
