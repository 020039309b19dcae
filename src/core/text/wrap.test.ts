import fc from 'fast-check';
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

  it('collapses every run of spaces, tabs and line ends, also where words are read as one slice of the text', () => {
    expect(wrapRuns([{ text: 'un  deux\ntrois\t quatre' }], 80)).toBe('un deux trois quatre\n');
    expect(wrapRuns([{ text: '  un deux  ' }, { text: ' trois ' }], 80)).toBe('un deux trois\n');
    expect(wrapRuns([{ text: 'un deux trois quatre cinq' }], 10)).toBe('un deux\ntrois\nquatre\ncinq\n');
  });

  it('keeps a zero-width style sequence before the word it precedes, a cut word included', () => {
    expect(wrapRuns([{ text: '\x1b[1m  a' }], 1)).toBe('\x1b[1ma\n');
    expect(wrapRuns([{ text: `\x1b[1m ${'x'.repeat(12)}` }], 1)).toBe(`\x1b[1m${'x'.repeat(10)}\nxx\n`);
  });

  it('keeps every character but the breaking spaces, in order, on lines no wider than the width', () => {
    const word = fc.constantFrom('a', 'mot', 'médecin', '«\u00a0oui\u00a0»', '医生', 'x'.repeat(14), 'fin.');
    const space = fc.constantFrom(' ', '  ', '\n', '\t', ' \n ');
    const text = fc.array(fc.tuple(word, space), { maxLength: 30 }).map((pairs) => pairs.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(fc.array(fc.record({ text, style: fc.constantFrom(undefined, 'dim' as const) }), { maxLength: 4 }), fc.integer({ min: 12, max: 60 }), (runs, width) => {
        const paint = (t: string, s: 'dim') => `<${s}>${t}</${s}>`;
        const out = wrapRuns(runs, width, { indent: '  ', paint });
        const lines = out.slice(0, -1).split('\n').map((l) => l.replace(/<\/?dim>/g, ''));
        for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
        const letters = (s: string) => s.replace(/[ \t\n]+/g, '');
        expect(letters(lines.join(''))).toBe(letters(runs.map((r) => r.text).join('')));
      }),
      { numRuns: 300 },
    );
  });
});
