import { describe, expect, it } from 'vitest';
import type { AnchoredSegment } from '../study/anchor-codings.js';
import { parseTranscript } from '../transcript/parse.js';
import type { Transcript } from '../types.js';
import { paragraphText } from './document.js';
import { quoteRuns, quotesByCode, quoteText, type Quote } from './quotes.js';
import { paragraphMarkdown } from './render/markdown.js';

const transcriptOf = (text: string): Transcript =>
  parseTranscript({ file: 'transcripts/P1.txt', bytes: new TextEncoder().encode(text), defaultId: 'P1' }).transcript;

/** A placed segment of `transcript` from the start of `from` to the end of `to`. */
function segment(transcript: Transcript, id: string, from: string, to: string, quote?: string): AnchoredSegment {
  const start = transcript.text.indexOf(from);
  const end = transcript.text.indexOf(to, start) + to.length;
  const text = transcript.text.slice(start, end);
  return {
    coder: 'marie',
    file: 'codings/marie.yaml',
    segment: { id, participant: transcript.id, start, end, text, codes: ['impuissance'], ...(quote !== undefined ? { quote } : {}) },
    transcript,
    start,
    end,
    text,
    status: 'unchanged',
    score: 1,
  };
}

const text = [
  '[00:00:04] Enquêtrice : Et quand il revient, vous faites quoi ?',
  '',
  '[00:00:09] P1 : *rire* Je ne sais plus quoi lui proposer. On tourne en rond.',
  '',
  '[00:00:15] Enquêtrice : Vous vous sentez seule ?',
  '',
  '[00:00:18] P1 : Oui, très seule.',
  '',
].join('\n');

const quotesOf = (segments: AnchoredSegment[], omit = false, language: 'fr' | 'en' = 'fr'): Quote[] =>
  quotesByCode(segments, new Map([['P1', 0]]), omit, language).get('impuissance') ?? [];

describe('a quote over several speakers’ turns', () => {
  const t = transcriptOf(text);

  it('writes each turn after its speaker’s label, every word of the transcript kept', () => {
    const [q] = quotesOf([segment(t, 'a', 'quand il revient', 'On tourne en rond.')]);
    expect(quoteText(q!)).toBe('Enquêtrice\u00a0: quand il revient, vous faites quoi ? \u2014 P1\u00a0: *rire* Je ne sais plus quoi lui proposer. On tourne en rond.');
    expect(q!.turns).toEqual([
      [
        { speaker: 'Enquêtrice', text: 'quand il revient, vous faites quoi ?' },
        { speaker: 'P1', text: '*rire* Je ne sais plus quoi lui proposer. On tourne en rond.' },
      ],
    ]);
    // In English, the English colon.
    expect(quoteText(quotesOf([segment(t, 'a', 'quand il revient', 'On tourne en rond.')], false, 'en')[0]!)).toMatch(/^Enquêtrice: quand .* \u2014 P1: \*rire\* Je/);
  });

  it('sets the labels upright in the italic quote, the quote’s label after it', () => {
    const [q] = quotesOf([segment(t, 'a', 'quand il revient', 'On tourne en rond.')]);
    const runs = quoteRuns(q!, '(P1)', 'fr');
    expect(runs).toEqual([
      { text: '«\u00a0', italic: true },
      { text: 'Enquêtrice\u00a0: ' },
      { text: 'quand il revient, vous faites quoi ?', italic: true },
      { text: ' \u2014 P1\u00a0: ' },
      { text: '*rire* Je ne sais plus quoi lui proposer. On tourne en rond.\u00a0»', italic: true },
      { text: ' (P1)' },
    ]);
    expect(paragraphText(runs)).toBe(`«\u00a0${quoteText(q!)}\u00a0» (P1)`);
    expect(paragraphMarkdown(runs)).toBe(
      '*«*\u00a0Enquêtrice\u00a0: *quand il revient, vous faites quoi ?* \u2014 P1\u00a0: *\\*rire\\* Je ne sais plus quoi lui proposer. On tourne en rond.\u00a0»* (P1)',
    );
  });

  it('leaves out annotations turn by turn when asked, and a segment that opens with a label starts after it', () => {
    const [q] = quotesOf([segment(t, 'a', '[00:00:04] Enquêtrice', 'On tourne en rond.')], true);
    expect(quoteText(q!)).toBe('Enquêtrice\u00a0: Et quand il revient, vous faites quoi ? \u2014 P1\u00a0: Je ne sais plus quoi lui proposer. On tourne en rond.');
  });

  it('keeps one speaker’s quote as it was, and joins the pieces of one quote with […], each written its own way', () => {
    const [one] = quotesOf([segment(t, 'b', 'Je ne sais', 'rond.')]);
    expect(one!.turns).toEqual([null]);
    expect(quoteRuns(one!, '(P1)', 'fr')).toEqual([{ text: '«\u00a0Je ne sais plus quoi lui proposer. On tourne en rond.\u00a0»', italic: true }, { text: ' (P1)' }]);
    const [q] = quotesOf([segment(t, 'c', 'Je ne sais', 'proposer.', 'q1'), segment(t, 'd', 'seule ?', 'très seule.', 'q1')]);
    expect(quoteText(q!)).toBe('Je ne sais plus quoi lui proposer. […] Enquêtrice\u00a0: seule ? \u2014 P1\u00a0: Oui, très seule.');
    expect(paragraphText(quoteRuns(q!, '(P1)', 'fr'))).toBe(`«\u00a0${quoteText(q!)}\u00a0» (P1)`);
  });
});

describe('a quote that holds quotation marks of its own', () => {
  const said = transcriptOf(
    [
      'Enquêtrice : Et lui, qu’est-ce qu’il dit ?',
      '',
      'P1 : Il m’a dit « vous m’avez sauvé ». Bon.',
      '',
      'Enquêtrice : Et après ?',
      '',
      'P1 : Il répète « c’est dans la tête ».',
      '',
    ].join('\n'),
  );

  it('keeps its text as the transcript has it, the marks around it changed: “ ” in French, ‘ ’ in English', () => {
    const [q] = quotesOf([segment(said, 'a', 'Il m’a dit', 'sauvé ».')]);
    expect(quoteText(q!)).toBe('Il m’a dit « vous m’avez sauvé ».');
    expect(paragraphText(quoteRuns(q!, '(P1)', 'fr'))).toBe('\u201cIl m’a dit « vous m’avez sauvé ».\u201d (P1)');
    // English: the quote’s guillemets are no English marks, “ ” around as usual.
    expect(paragraphText(quoteRuns(q!, '(P1)', 'en'))).toBe('\u201cIl m’a dit « vous m’avez sauvé ».\u201d (P1)');
    // Over two turns, the marks of the whole quote: its inner guillemets are in the second turn.
    const [over] = quotesOf([segment(said, 'b', 'Bon.', 'tête ».')]);
    const runs = quoteRuns(over!, '(P1)', 'fr');
    expect(runs[0]).toEqual({ text: '\u201c', italic: true });
    expect(paragraphText(runs)).toMatch(/^“P1\u00a0: Bon\. — Enquêtrice\u00a0: Et après \? — P1\u00a0: Il répète « c’est dans la tête »\.” \(P1\)$/u);
  });

  it('in English, an English quote with “ ” of its own goes between ‘ ’', () => {
    const english = transcriptOf('I: And then?\n\nP1: He said “it is all in your head” and left.\n');
    const [q] = quotesOf([segment(english, 'a', 'He said', 'left.')], false, 'en');
    expect(paragraphText(quoteRuns(q!, '(P1)', 'en'))).toBe('\u2018He said “it is all in your head” and left.\u2019 (P1)');
    expect(paragraphText(quoteRuns(q!, '(P1)', 'fr'))).toBe('«\u00a0He said “it is all in your head” and left.\u00a0» (P1)');
  });
});
