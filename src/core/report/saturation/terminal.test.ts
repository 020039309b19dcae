import { describe, expect, it } from 'vitest';
import { reportFromNewCounts } from '../../../../test/support/saturation.js';
import { renderSaturationText } from './terminal.js';

const NB = '\u00a0';
const longer = [20, 10, 4, 3, 5, 2, 2, 1, 1, 0, 0, 0];

describe('renderSaturationText', () => {
  it('lists under the Guest result the interviews that brought new codes after the saturation run', () => {
    const text = renderSaturationText(reportFromNewCounts([5, 3, 2, 1, 0, 0, 4, 0, 2, 0], { methods: ['guest'] }), { language: 'fr', width: 80 });
    expect(text).toContain(`  Saturation atteinte à l’entretien 4 (P4)${NB}: 4+2\n  De nouveaux codes sont apparus ensuite${NB}: 7 (P7)${NB}: 4, 9 (P9)${NB}: 2.\n`);
  });

  it('prints the codings, the order, the table, each method with its parameters, the chart, the sentence and the references', () => {
    const text = renderSaturationText(reportFromNewCounts(longer), { language: 'en', width: 80 });
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Code saturation — 12 interviews', 'Codings: marie', 'Interview order: by date (12 interviews)']);
    expect(text).toContain('Rank  Participant  Date        Codes  New  Total  % final  New codes\n');
    expect(text).toContain('   8  P8           2024-03-08      2    1     47      98%\n      + Code 47\n');
    expect(text).toContain('  12  P12          2024-03-12      1    0     48     100%\n');
    expect(text).toContain('Guest, Namey & Chen 2020 — base 4, runs of 2, threshold 5%, fixed denominator\n  Base: interviews 1–4, 37 codes\n');
    expect(text).toContain('Stopping rule 10+3 (Francis et al. 2010) — initial sample of 10 interviews,\n  then 3 in a row without a new code\n');
    expect(text).toContain('Share of the final codes reached (Guest, Bunce & Johnson 2006) — 90/95/100%\n');
    expect(text).toContain('  Run   New  Denom.  Ratio\n  5–6     7      37  18.9%\n');
    expect(text).toContain('  8–9     2      37   5.4%\n  9–10    1      37   2.7%  ≤ 5%\n  Saturation reached at interview 8 (P8): 8+2\n');
    expect(text).toContain('  90% (44 of 48): interview 6 (P6)\n  95% (46 of 48): interview 7 (P7)\n  100% (48 of 48): interview 9 (P9)\n');
    expect(text).toContain('▲ saturation 8+2 (Guest et al. 2020)\n');
    expect(text).toContain('For the methods section (ready to paste):\nCode saturation was assessed with the base, run and threshold method');
    expect(text).toContain('References\n  Guest G, Namey E, Chen M. A simple method to assess and report thematic saturation in qualitative research.');
    // Every line fits 80 columns but the sentence and the references, which are pasted whole.
    const long = lines.filter((l) => [...l].length > 80);
    expect(long.length).toBe(5);
    expect(long[0]).toMatch(/^Code saturation was assessed/);
    for (const ref of long.slice(1)) expect(ref).toMatch(/^ {2}\S.*\d{4};\d+\(\d+\)/);
    expect(text).toContain('  Not met: 12 interviews, last new code at interview 9 (P9); 1 more interview\n    without a new code would meet it.\n');
  });

  it('says what is missing when saturation is not reached', () => {
    const text = renderSaturationText(reportFromNewCounts([10, 10, 10, 10, 5, 1]), { language: 'fr', width: 80 });
    const flat = text.replace(/\n {4}/g, ' ');
    expect(flat).toContain(`  Saturation non atteinte${NB}: 1 entretien de plus apportant au plus 1 nouveau code l’atteindrait.\n`);
    expect(flat).toContain(`il faut au moins 7 entretiens de plus${NB}: 4 pour compléter l’échantillon initial de 10, puis 3 sans nouveau code.`);
    const few = renderSaturationText(reportFromNewCounts([5, 3]), { language: 'en', width: 80 });
    expect(few).toContain('  Saturation not reached: only 2 interviews; at least 4 more are needed (the\n    base, then a run).\n');
  });

  it('puts new code names in their column on a wide terminal, and under the row on a narrow one', () => {
    const wide = renderSaturationText(reportFromNewCounts([3, 1, 0]), { language: 'en', width: 120 });
    expect(wide).toContain('   1  P1           2024-03-01      3    3      3      75%  Code 1, Code 2, Code 3\n');
    const narrow = renderSaturationText(reportFromNewCounts([3, 1, 0]), { language: 'en', width: 80 });
    expect(narrow).toContain('   1  P1           2024-03-01      3    3      3      75%\n      + Code 1, Code 2, Code 3\n');
  });

  it('applies the given style to headings only, and is plain without one', () => {
    const styled = renderSaturationText(reportFromNewCounts([3, 1, 0]), { language: 'en', width: 80, style: { bold: (t) => `*${t}*`, dim: (t) => t } });
    expect(styled.split('\n')[0]).toBe('*Code saturation — 3 interviews*');
    expect(renderSaturationText(reportFromNewCounts([3, 1, 0]), { language: 'en', width: 80 })).not.toMatch(/\x1b\[/);
  });

  it('says when nothing is coded, and still gives the sentence to write', () => {
    const report = reportFromNewCounts([]);
    const text = renderSaturationText(report, { language: 'en', width: 80 });
    expect(text).toContain('Code saturation — 0 interviews\nCodings: none\n\nNo coded interview: nothing to assess.\n');
    expect(text).toContain('Code saturation could not be assessed: no interview is coded.');
  });

  it('heads each group and says what was left out', () => {
    const report = reportFromNewCounts([3, 1, 2, 0], { by: 'group' }, ['MG', 'ALGO', 'MG', 'MG']);
    report.notCoded.push('P9');
    report.unplacedSegments = 2;
    const text = renderSaturationText(report, { language: 'fr', width: 80 });
    expect(text.replace(/\n {2}/g, ' ')).toContain(`Laissés de côté${NB}: P9 (rien de codé)\u202f; 2 segment(s) introuvable(s) dans leur transcription (voir codage check)\n`);
    expect(text).toMatch(new RegExp(`── Groupe «${NB}ALGO${NB}» \\(group = ALGO\\)${NB}: 1 entretien, 1 code ─+\\n`));
    expect(text).toContain(`── Groupe «${NB}MG${NB}» (group = MG)${NB}: 3 entretiens, 5 codes`);
  });
});
