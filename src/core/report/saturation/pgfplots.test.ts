import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFromNewCounts } from '../../../../test/support/saturation.js';
import type { SaturationReport } from '../../analysis/saturation/saturation.js';
import { escapeLatex } from '../render/latex.js';
import { saturationPgfplots } from './pgfplots.js';

const found = spawnSync('kpsewhich', ['pgfplots.sty', 'french.ldf'], { encoding: 'utf8' }).stdout ?? '';
const haveLatex = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' }).status === 0 && found.includes('pgfplots.sty') && found.includes('french.ldf');
if (!haveLatex) {
  console.warn('pgfplots: pdflatex, pgfplots or babel-french is missing (apt install texlive-latex-base texlive-pictures texlive-lang-french): compilation test skipped');
}

const longer = [20, 10, 4, 3, 5, 2, 2, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0];

/** The report with its interviews' participants renamed, in order. */
function withIds(report: SaturationReport, ids: string[]): SaturationReport {
  for (const a of report.analyses) {
    a.interviews.forEach((interview, i) => {
      Object.assign(interview, { participant: ids[i] ?? interview.participant });
    });
  }
  return report;
}

describe('saturationPgfplots', () => {
  it('holds its data, its labels in the study language and the saturation points', () => {
    const tex = saturationPgfplots(reportFromNewCounts(longer), 'fr', '1.2.3');
    expect(tex).toContain('% Saturation — figure pgfplots écrite par codage 1.2.3 (les données sont incluses).');
    expect(tex).toContain('\\pgfplotstableread[col sep=comma]{\nrank,new,cumulative,percent_of_final\n1,20,20,40.8\n');
    expect(tex).toContain('17,0,49,100.0\n}\\codagesaturationa');
    expect(tex).toContain('ylabel={Nouveaux codes}');
    expect(tex).toContain('ylabel={Codes cumulés}');
    expect(tex).toContain('xticklabels={{P1},{P2},');
    expect(tex).toContain('\\addlegendentry{Saturation 8+2 (Guest et al. 2020)}\n    \\draw[dashed, thick] (axis cs:8,0) -- (axis cs:8,50);');
    expect(tex).toContain('\\addlegendentry{Règle d’arrêt 10+3}\n    \\draw[densely dotted, thick] (axis cs:16,0) -- (axis cs:16,50);');
  });

  it('escapes its labels as the LaTeX tables do (one escaper): babel-french spacing, characters pdflatex cannot typeset', () => {
    const ids = ['A&B_1', 'P<2>', 'Q\u202f?', 'R 🙂', 'E\u00a0: 5'];
    const tex = saturationPgfplots(withIds(reportFromNewCounts([3, 2, 1, 1, 0]), ids), 'fr', '0.0.0');
    expect(tex).toContain(`xticklabels={${ids.map((id) => `{${escapeLatex(id, 'fr')}}`).join(',')}}`);
    // A thin space before `?` is one `~` that babel-french turns into its own space (not `\,` and babel's besides).
    expect(tex).toContain('xticklabels={{A\\&B\\_1},{P\\textless{}2\\textgreater{}},{Q~?},{R \\codageunicode{1F642}},{E~: 5}}');
    // The emoji's macro is defined for a thesis that does not define it.
    expect(tex).toContain('\\providecommand{\\codageunicode}[1]{[U+#1]}\n');
    expect(saturationPgfplots(reportFromNewCounts([3, 2, 1]), 'fr', '0.0.0')).not.toContain('codageunicode');
  });

  it.skipIf(!haveLatex)('compiles with pdflatex, babel-french, one picture per group, from another folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codage-pgfplots-'));
    try {
      const groups = ['MG_1', 'MG_1', 'A&B', 'MG_1', 'A&B', 'MG_1', 'MG_1', 'A&B', 'MG_1', 'MG_1', 'MG_1', 'MG_1'];
      const grouped = reportFromNewCounts([5, 3, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0], { by: 'group' }, groups);
      const many = reportFromNewCounts(Array.from({ length: 120 }, (_, i) => (i < 30 ? 5 : 0)));
      writeFileSync(join(dir, 'a.tex'), saturationPgfplots(reportFromNewCounts(longer), 'fr', '0.0.0'));
      writeFileSync(join(dir, 'd.tex'), saturationPgfplots(withIds(reportFromNewCounts([3, 2, 1, 1, 0]), ['A&B_1', 'P<2>', 'Q\u202f?', 'R 🙂', 'E\u00a0: 5']), 'fr', '0.0.0'));
      writeFileSync(join(dir, 'b.tex'), saturationPgfplots(grouped, 'fr', '0.0.0'));
      writeFileSync(join(dir, 'c.tex'), saturationPgfplots(many, 'en', '0.0.0'));
      writeFileSync(
        join(dir, 'these.tex'),
        [
          '\\documentclass{report}',
          '\\usepackage[french]{babel}',
          '\\usepackage{pgfplots}',
          '\\pgfplotsset{compat=1.16}',
          '\\begin{document}',
          ...['a', 'b', 'c', 'd'].map((f) => `\\begin{figure}\\input{figures/${f}.tex}\\caption{Saturation}\\end{figure}`),
          '\\end{document}',
        ].join('\n'),
      );
      // The snippets sit in a sub-folder, as in a thesis: they must not depend on where they are.
      spawnSync('mkdir', [join(dir, 'figures')]);
      for (const f of ['a', 'b', 'c', 'd']) spawnSync('mv', [join(dir, `${f}.tex`), join(dir, 'figures')]);
      const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'these.tex'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stdout.split('\n').filter((l) => l.startsWith('!')).join('\n')).toBe(0);
      expect(r.stdout).toContain('Output written on these.pdf (');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
