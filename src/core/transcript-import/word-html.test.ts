import { describe, expect, it } from 'vitest';
import { wordHtmlParagraphs } from './word-html.js';

describe('wordHtmlParagraphs', () => {
  it('keeps soft line breaks, makes table rows and list items paragraphs, drops notes', () => {
    const html =
      '<h1>Entretien</h1><p>E : Bonjour<br />ça va&nbsp;?</p><table><tr><td><p>Âge</p></td><td><p>52 &amp; plus</p></td></tr></table>' +
      '<ul><li>point</li></ul><p>P3 : Oui<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p>' +
      '<ol><li id="footnote-1"><p>Note du transcripteur <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(wordHtmlParagraphs(html)).toEqual(['Entretien', 'E : Bonjour\nça va\u00a0?', 'Âge | 52 & plus', 'point', 'P3 : Oui.']);
  });

  it('reads a « speaker | speech » table as turns, keeping the speech as written', () => {
    const table = (rows: string[][]) => `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c.split('\n').map((p) => `<p>${p}</p>`).join('')}</td>`).join('')}</tr>`).join('')}</table>`;
    const html = table([
      ['Locuteur', 'Propos'],
      ['E', 'Bonjour, parlez-moi de vos patients&nbsp;?'],
      ['Médecin', 'Alors | euh… *rire*\nC’est compliqué.'],
      ['', '(silence) Voilà.'],
      ['E', 'Merci.'],
      ['Médecin', 'De rien.'],
    ]);
    expect(wordHtmlParagraphs(html)).toEqual([
      'Locuteur | Propos',
      'E : Bonjour, parlez-moi de vos patients\u00a0?',
      'Médecin : Alors | euh… *rire*\nC’est compliqué.\n(silence) Voilà.',
      'E : Merci.',
      'Médecin : De rien.',
    ]);
    // Tables of other data stay rows: a participant per row, attributes, three columns, no label that repeats.
    const others = [
      [['P1', '52 ans'], ['P2', '47 ans'], ['P3', '60 ans']],
      [['Âge', '52 ans'], ['Milieu', 'rural'], ['Âge', '53 ans'], ['Milieu', 'urbain']],
      [['E', 'Bonjour', 'x'], ['P1', 'Oui', 'y'], ['E', 'Bien', 'z'], ['P1', 'Non', 'w']],
      [['Date', '12/03/2025'], ['Durée', '42 min'], ['Lieu', 'cabinet']],
    ];
    for (const rows of others) expect(wordHtmlParagraphs(table(rows))).toEqual(rows.map((r) => r.join(' | ')));
  });
});
