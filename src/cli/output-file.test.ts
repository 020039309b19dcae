import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { outputFormat, refuseOtherExtension } from './output-file.js';
import { thrown } from '../../test/support/thrown.js';

const COMPARE = ['text', 'md', 'csv', 'excel', 'xlsx', 'docx', 'json'] as const;

const refusal = (f: () => unknown): UsageError => thrown(UsageError, f);

describe('outputFormat', () => {
  it('takes --format as given, else the format the extension of -o names, else the default', () => {
    expect(outputFormat('compare', 'md', undefined, COMPARE, 'text')).toBe('md');
    expect(outputFormat('compare', undefined, 'accord.docx', COMPARE, 'text')).toBe('docx');
    expect(outputFormat('compare', undefined, 'ACCORD.XLSX', COMPARE, 'text')).toBe('xlsx');
    expect(outputFormat('compare', undefined, 'accord.csv', COMPARE, 'text')).toBe('csv');
    expect(outputFormat('compare', 'excel', 'accord.csv', COMPARE, 'text')).toBe('excel');
    expect(outputFormat('compare', undefined, 'accord.txt', COMPARE, 'text')).toBe('text');
    expect(outputFormat('compare', undefined, 'accord', COMPARE, 'text')).toBe('text');
    expect(outputFormat('compare', undefined, undefined, COMPARE, 'text')).toBe('text');
  });

  it('refuses a format the command cannot write, listing those it can', () => {
    const error = refusal(() => outputFormat('themes', 'pdf', undefined, ['md', 'docx'], 'md'));
    expect(error.localized.en).toBe('themes cannot be written as pdf');
    expect(error.hint?.fr).toBe('formats pour themes\u00a0: md, docx');
  });

  it('refuses to write into a file whose extension names another format', () => {
    const error = refusal(() => outputFormat('themes', 'tex', 'tableau.docx', ['md', 'docx', 'tex'], 'md'));
    expect(error.localized.en).toBe('-o tableau.docx: .docx is the extension of Word files, but --format tex writes LaTeX; the file would not open');
    expect(error.hint?.en).toBe('name the file tableau.tex, or leave out --format to write Word');
    expect(refusal(() => outputFormat('compare', 'csv', 'accord.xlsx', COMPARE, 'text')).hint?.fr).toBe('nommer le fichier accord.csv, ou retirer --format pour obtenir un fichier Excel');
  });

  it('refuses an extension no format of the command fits (a PDF, an old Word file)', () => {
    expect(refusal(() => outputFormat('mindmap', undefined, 'carte.pdf', ['mermaid', 'svg'], 'mermaid')).localized.fr).toBe('mindmap ne peut pas écrire de fichier PDF (-o carte.pdf)');
    expect(refusal(() => outputFormat('themes', 'md', 'themes.doc', ['md', 'docx'], 'md')).hint?.en).toBe('name the file themes.md');
  });

  it('refuses a file named for another program than the one an option always writes', () => {
    expect(() => refuseOtherExtension('tableau.csv', '--csv', 'csv')).not.toThrow();
    expect(() => refuseOtherExtension('tableau', '--csv', 'csv')).not.toThrow();
    expect(refusal(() => refuseOtherExtension('tableau.xlsx', '--csv', 'csv')).localized.en).toBe(
      '--csv tableau.xlsx: .xlsx is the extension of Excel files, but --csv writes CSV; the file would not open',
    );
  });
});
