import { describe, expect, it } from 'vitest';
import { formatSegmentRows, formatSegmentRowsForExcel, segmentSheet, type SegmentRow } from './segments.js';

const row = (text: string, memo = ''): SegmentRow => ({
  coder: 'marie',
  participant: 'P1',
  segment: 'abcd1234',
  quote_id: 'q7m2xk4a',
  theme: 'Vécu > Émotions',
  code: 'Impuissance',
  code_id: 'impuissance',
  start: 3,
  end: 10,
  text,
  memo,
  exemplary: true,
  status: 'unchanged',
});

describe('segment rows as delimited text', () => {
  it('quotes cells holding the delimiter, a quote or a line feed, as RFC 4180', () => {
    const csv = formatSegmentRows([row('il dit « non », puis "rien"', 'a\nb')], ',');
    expect(csv.split('\n')[1]).toBe('marie,P1,abcd1234,q7m2xk4a,Vécu > Émotions,Impuissance,impuissance,3,10,"il dit « non », puis ""rien""","a');
    expect(csv.endsWith('b",yes,unchanged\n')).toBe(true);
  });

  it('for Excel: BOM, semicolons, CRLF between rows but the line feed inside a cell kept', () => {
    const out = formatSegmentRowsForExcel([row('je sais pas; enfin', 'ligne 1\nligne 2'), row('oui')]);
    expect(out.startsWith('\ufeffcoder;participant;')).toBe(true);
    const lines = out.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('marie;P1;abcd1234;q7m2xk4a;Vécu > Émotions;Impuissance;impuissance;3;10;"je sais pas; enfin";"ligne 1\nligne 2";yes;unchanged');
    expect(lines[3]).toBe('');
  });
});

describe('segment rows for a spreadsheet', () => {
  it("speaks the study's language in headers and values; csv keeps the English keys", () => {
    const fr = formatSegmentRowsForExcel([row('oui'), { ...row('non'), exemplary: false, status: 'approximate' }], 'fr');
    const lines = fr.slice(1).split('\r\n');
    expect(lines[0]).toBe('codeur;participant;segment;id_citation;thème;code;id_code;début;fin;texte;mémo;exemplaire;statut');
    expect(lines[1]).toBe('marie;P1;abcd1234;q7m2xk4a;Vécu > Émotions;Impuissance;impuissance;3;10;oui;;oui;inchangé');
    expect(lines[2]).toBe('marie;P1;abcd1234;q7m2xk4a;Vécu > Émotions;Impuissance;impuissance;3;10;non;;;approché');
    expect(formatSegmentRows([row('oui')], ',').split('\n')[0]).toBe('coder,participant,segment,quote_id,theme,code,code_id,start,end,text,memo,exemplary,status');
    expect(segmentSheet([row('oui')], 'en').cells[0]).toEqual(['marie', 'P1', 'abcd1234', 'q7m2xk4a', 'Vécu > Émotions', 'Impuissance', 'impuissance', 3, 10, 'oui', '', 'yes', 'unchanged']);
  });
});

describe('segment rows a spreadsheet may open', () => {
  it('cannot run a formula from a code, memo or quote, in any delimited format', () => {
    const hostile = { ...row('=HYPERLINK("http://x.example","voir")', '+cmd|\' /C calc\'!A0'), code: '@SUM(1)', theme: '-2+3' };
    for (const text of [formatSegmentRows([hostile], ','), formatSegmentRows([hostile], '\t'), formatSegmentRowsForExcel([hostile])]) {
      const cells = text.replace(/^\ufeff/, '').split(/\r?\n/)[1]!;
      expect(cells).toContain(`'@SUM(1)`);
      expect(cells).toContain(`'-2+3`);
      expect(cells).toContain(`'=HYPERLINK(`);
      expect(cells).toContain(`'+cmd|`);
      expect(cells).not.toMatch(/(^|[,;\t])"?[=+@-]/);
    }
  });

  it('quotes a memo holding a carriage return alone, so the segment stays one row', () => {
    const csv = formatSegmentRows([row('oui', 'a\rb'), row('non')], ',');
    const lines = csv.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',"a\rb",');
  });
});
