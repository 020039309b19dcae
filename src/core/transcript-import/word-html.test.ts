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
});
