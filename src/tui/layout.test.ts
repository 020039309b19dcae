import { describe, expect, it } from 'vitest';
import { cellWidth, layoutText, LayoutCache, rowOf, rowsOf, windowTop } from './layout.js';

function rows(text: string, width: number): string[] {
  const layout = layoutText(text, width);
  const out: string[] = [];
  for (let r = 0; r < layout.count; r++) out.push(text.slice(layout.rowStart[r], layout.rowEnd[r]));
  return out;
}

describe('layoutText', () => {
  it('never breaks a row at a no-break space: the ? of « vraiment ? » stays with its word', () => {
    const rowsOfText = (text: string, width: number) => {
      const l = layoutText(text, width);
      return Array.from({ length: l.count }, (_, r) => text.slice(l.rowStart[r], l.rowEnd[r]));
    };
    expect(rowsOfText('aaaaaaa bbbbbb\u00a0? cc', 14)).toEqual(['aaaaaaa', 'bbbbbb\u00a0? cc']);
    expect(rowsOfText('aaaaaaa «\u202fbbbb\u202f» cc', 14)).toEqual(['aaaaaaa', '«\u202fbbbb\u202f» cc']);
  });

  it('wraps at word boundaries and drops the space at the break', () => {
    expect(rows('je ne sais plus quoi lui proposer', 12)).toEqual(['je ne sais', 'plus quoi', 'lui proposer']);
  });

  it('keeps one row per paragraph and an empty row for a blank line', () => {
    expect(rows('P1 : oui.\n\nE : non.', 40)).toEqual(['P1 : oui.', '', 'E : non.']);
  });

  it('never begins a row with ; : ! ? » nor ends one with « (French spacing)', () => {
    expect(rows('une solution ; elle dit', 13)).toEqual(['une', 'solution ;', 'elle dit']);
    expect(rows('il dit « non » voilà', 9)).toEqual(['il dit', '« non »', 'voilà']);
    expect(rows('vraiment ? oui', 11)).toEqual(['vraiment ?', 'oui']);
  });

  it('counts accented letters as one column', () => {
    expect(rows('été démuni épuisé', 10)).toEqual(['été démuni', 'épuisé']);
  });

  it('cuts a word longer than a row', () => {
    expect(rows('anticonstitutionnellement', 10)).toEqual(['anticonsti', 'tutionnell', 'ement']);
  });

  it('counts wide characters as two columns', () => {
    expect(cellWidth('a漢b', 0, 3)).toBe(4);
    expect(rows('漢字漢字漢字', 8)).toEqual(['漢字漢字', '漢字']);
  });

  it('never makes a row wider than the width', () => {
    const text = 'Alors euh je pense que le patient douloureux chronique, on se sent un peu démuni face à ça. '.repeat(50);
    const layout = layoutText(text, 37);
    for (let r = 0; r < layout.count; r++) {
      expect(cellWidth(text, layout.rowStart[r] ?? 0, layout.rowEnd[r] ?? 0)).toBeLessThanOrEqual(37);
    }
    // Rows cover the text in order, leaving out only the spaces at breaks.
    const joined = rows(text, 37).join(' ');
    expect(joined).toBe(text.trimEnd());
  });

  it('finds the row of an offset, a gap belonging to the row before', () => {
    const text = 'je ne sais plus quoi lui proposer';
    const layout = layoutText(text, 12);
    expect(rowOf(layout, 0)).toBe(0);
    expect(rowOf(layout, text.indexOf('plus'))).toBe(1);
    expect(rowOf(layout, text.indexOf(' plus'))).toBe(0);
    expect(rowsOf(layout, 0, text.length)).toEqual({ first: 0, last: 2 });
  });

  it('caches one layout per width', () => {
    const cache = new LayoutCache('un deux trois quatre cinq');
    const a = cache.get(10);
    expect(cache.get(10)).toBe(a);
    expect(cache.get(20)).not.toBe(a);
  });

  it('lays out 300,000 characters in rows that fit the width', () => {
    const text = (`${'Alors euh je pense que le patient douloureux chronique, on se sent démuni face à ça. '.repeat(8)}\n`).repeat(450);
    const layout = layoutText(text, 97);
    expect(layout.count).toBeGreaterThan(2000);
    for (let r = 0; r < layout.count; r++) expect(cellWidth(text, layout.rowStart[r]!, layout.rowEnd[r]!)).toBeLessThanOrEqual(97);
  });
});

describe('windowTop', () => {
  it('does not move while the cursor stays inside the margins', () => {
    expect(windowTop(10, { first: 15, last: 15 }, 20, 100)).toBe(10);
    expect(windowTop(10, { first: 27, last: 27 }, 20, 100)).toBe(10);
  });

  it('moves just enough when the cursor reaches an edge', () => {
    expect(windowTop(10, { first: 28, last: 28 }, 20, 100)).toBe(11);
    expect(windowTop(10, { first: 11, last: 11 }, 20, 100)).toBe(9);
    expect(windowTop(10, { first: 50, last: 52 }, 20, 100)).toBe(35);
  });

  it('stays inside the text', () => {
    expect(windowTop(0, { first: 0, last: 0 }, 20, 100)).toBe(0);
    expect(windowTop(90, { first: 99, last: 99 }, 20, 100)).toBe(80);
    expect(windowTop(50, { first: 3, last: 3 }, 20, 10)).toBe(0);
  });

  it('shows the beginning of a sentence taller than the window', () => {
    expect(windowTop(0, { first: 40, last: 80 }, 20, 100)).toBe(38);
    expect(windowTop(90, { first: 40, last: 80 }, 20, 100)).toBe(38);
  });

  it('keeps its place while paging through a sentence taller than the window', () => {
    expect(windowTop(50, { first: 40, last: 80 }, 20, 100)).toBe(50);
    expect(windowTop(66, { first: 40, last: 80 }, 20, 100)).toBe(66);
  });

  it('shows the whole of a sentence that fits only without the margins', () => {
    expect(windowTop(0, { first: 30, last: 48 }, 20, 100)).toBe(29);
    expect(windowTop(40, { first: 30, last: 48 }, 20, 100)).toBe(30);
  });
});
