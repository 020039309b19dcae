import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../report/document.js';
import { parseTranscript } from '../transcript/parse.js';
import { documentPieces, findingsInExport, type QuotedPassage } from './in-export.js';

const T = parseTranscript({
  file: 'transcripts/MG1.txt',
  bytes: Buffer.from('---\nid: MG1\nville: Lyon\n---\nE : Bonjour.\n\nMG1 : Elle a vu le Dr\nMartin hier. Sa fille Rose est venue. Pierre après pierre, on avance.\n'),
  defaultId: 'MG1',
}).transcript;

function passage(quote: string): QuotedPassage {
  const start = T.text.indexOf(quote);
  if (start === -1) throw new Error(quote);
  return { transcript: T, start, end: start + quote.length };
}

function doc(...cells: string[]): ReportDocument {
  return {
    title: 'Thèmes',
    language: 'fr',
    blocks: [
      { type: 'heading', level: 1, text: 'Thèmes' },
      { type: 'table', table: { caption: 'Verbatims', columns: [{ header: 'Verbatim', width: 1 }], rows: cells.map((c) => ({ cells: [{ paragraphs: [[{ text: c }]] }] })) } },
      // The methods' own references name authors: not the study's data.
      { type: 'paragraph', content: [{ text: 'Saturation selon Francis et al. (2010) et Guest, Bunce et Johnson (2006).' }] },
    ],
  };
}

describe('findingsInExport', () => {
  it('traces a name in a quote to where it was said, even split over a line break', () => {
    const quote = 'Elle a vu le Dr\nMartin hier.';
    const found = findingsInExport(documentPieces(doc(`« Elle a vu le Dr Martin hier. » (MG1)`)), [passage(quote)], [], {});
    expect(found).toEqual([{ text: 'Dr Martin', kind: 'title-name', places: [{ file: 'transcripts/MG1.txt', line: 7, column: 20 }] }]);
  });

  it('says nothing of a word that is no identifier where it was said, nor of the export’s own text', () => {
    // `Pierre` opens a sentence in the transcript, but follows « in the export.
    const found = findingsInExport(documentPieces(doc('« Pierre après pierre, on avance. » (MG1)')), [passage('Pierre après pierre, on avance.')], [], {});
    expect(found).toEqual([]);
  });

  it('traces an attribute to its line and column, and honours the words the study allows', () => {
    const pieces = documentPieces(doc('Lyon', '« Sa fille Rose est venue. »'));
    const attributes = [{ file: 'transcripts/MG1.txt', line: 3, column: 8, text: 'Lyon' }];
    const rose = passage('Sa fille Rose est venue.');
    expect(findingsInExport(pieces, [rose], attributes, {})).toEqual([
      { text: 'Lyon', kind: 'place', places: [{ file: 'transcripts/MG1.txt', line: 3, column: 8 }] },
      { text: 'Rose', kind: 'first-name', places: [{ file: 'transcripts/MG1.txt', line: 8, column: 23 }] },
    ]);
    expect(findingsInExport(pieces, [rose], attributes, { allow: ['Rose', 'Lyon'] })).toEqual([]);
  });
});
