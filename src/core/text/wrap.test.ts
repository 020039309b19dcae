import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { textWidth } from './width.js';
import { wrapRuns } from './wrap.js';

describe('wrapRuns', () => {
  it('wraps at spaces within the width, indents, and ends every line', () => {
    const text = 'Je me sens un peu inutile, en fait. On a fait le tour, on a essayé les antidépresseurs.';
    const out = wrapRuns([{ text }], 30, { firstIndent: '  ★ ', indent: '    ' });
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('  ★ Je me sens un peu inutile,');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(30);
    expect(lines.slice(1).every((l) => l.startsWith('    '))).toBe(true);
    expect(lines.map((l) => l.trim().replace(/^★ /, '')).join(' ')).toBe(text);
  });

  it('never breaks at a no-break space, and cuts a word longer than the line', () => {
    expect(wrapRuns([{ text: 'aa «\u00a0bb\u00a0» cc' }], 12)).toBe('aa «\u00a0bb\u00a0» cc\n');
    expect(wrapRuns([{ text: 'aaaa «\u00a0bb\u00a0» cc' }], 10)).toBe('aaaa\n«\u00a0bb\u00a0» cc\n');
    expect(wrapRuns([{ text: 'x'.repeat(25) }], 10)).toBe(`${'x'.repeat(10)}\n${'x'.repeat(10)}\n${'x'.repeat(5)}\n`);
  });

  it('styles each run per line, so that no style spans a line break', () => {
    const paint = (text: string, style: 'dim') => `<${style}>${text}</${style}>`;
    const out = wrapRuns([{ text: 'avant avant', style: 'dim' }, { text: 'citation' }, { text: 'après', style: 'dim' }], 14, { paint });
    expect(out).toBe('<dim>avant avant</dim>\ncitation<dim> après</dim>\n');
  });

  it('counts wide characters as two columns', () => {
    expect(textWidth('médecin')).toBe(7);
    expect(textWidth('医生')).toBe(4);
    const lines = wrapRuns([{ text: '医生 医生 医生' }], 10).trimEnd().split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(10);
  });
});
