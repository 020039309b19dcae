import { describe, expect, it } from 'vitest';
import { locateQuote } from './locate.js';
import { quoteEdges } from './quote-edges.js';
import { TranscriptSearch } from './transcript-search.js';

const text = `Enquêteur : Et cette patiente ?
MG7 : Elle m’a dit « l’autre docteur ne m’a jamais embêtée avec ça ». Voilà. Et elle me dit : « Mais alors pourquoi j’ai mal ? » Et c’est la question à laquelle j’ai pas de réponse.
Enquêteur : Et vous ?
MG7 : Son mari m’a dit « il faut arrêter ». Pourquoi pas pour la douleur ? Le groupe, c’est énorme ! Ils se rendent compte. Je sais plus… un syndrome.
Enquêteur : Et le dépistage ?
MG7 : À quatre-vingt-dix ans, le rapport bénéfice-risque n’est plus le même. Sa mère a quatre-vingts ans, son père soixante-dix ans. Il avait vingt et un ans, et dix-huit mois de traitement. Quatre-vingt-dix pour cent c’est mécanique. L’autre a 85 ans.`;

const search = new TranscriptSearch(text);
const found = (quote: string) => locateQuote(search, quote).pieces.map((p) => text.slice(p.start, p.end));

describe('a quote’s own guillemets and final punctuation', () => {
  it.each([
    // The transcript's no-break spaces and curly apostrophes around the quote's guillemets.
    ["Elle m'a dit « l'autre docteur ne m'a jamais embêtée avec ça ».", 'Elle m’a dit « l’autre docteur ne m’a jamais embêtée avec ça ».'],
    ["Elle m'a dit « l'autre docteur ne m'a jamais embêtée avec ça »", 'Elle m’a dit « l’autre docteur ne m’a jamais embêtée avec ça »'],
    // Edited (`ne` left out), so aligned word by word: the same edges.
    ["Elle m'a dit « l'autre docteur m'a jamais embêtée avec ça ».", 'Elle m’a dit « l’autre docteur ne m’a jamais embêtée avec ça ».'],
    // The author left out the guillemets: the transcript's pair stays whole.
    ["Elle m'a dit l'autre docteur ne m'a jamais embêtée avec ça.", 'Elle m’a dit « l’autre docteur ne m’a jamais embêtée avec ça »'],
    // A guillemet at the start of the quote.
    ["« Mais alors pourquoi j'ai mal ? » Et c'est la question", '« Mais alors pourquoi j’ai mal ? » Et c’est la question'],
    ["Son mari m'a dit « il faut arrêter »", 'Son mari m’a dit « il faut arrêter »'],
    ["Son mari m'a dit « il faut arrêter ».", 'Son mari m’a dit « il faut arrêter ».'],
    // A guillemet that only an author's pair of guillemets would need goes with them.
    ["« il faut arrêter »", 'il faut arrêter'],
    // ?, ! and … after a French space.
    ['pourquoi pas pour la douleur?', 'Pourquoi pas pour la douleur ?'],
    ["Le groupe c'est énorme !", 'Le groupe, c’est énorme !'],
    ['Je sais plus…', 'Je sais plus…'],
    // Punctuation the transcript does not have there is not taken in.
    ['Pourquoi pas pour la douleur !', 'Pourquoi pas pour la douleur'],
  ])('%s', (quote, passage) => {
    expect(found(quote)).toEqual([passage]);
  });
});

describe('numbers in figures and in words', () => {
  it.each([
    ['à 90 ans, le rapport bénéfice-risque', 'À quatre-vingt-dix ans, le rapport bénéfice-risque'],
    ['Sa mère a 80 ans', 'Sa mère a quatre-vingts ans'],
    ['son père 70 ans', 'son père soixante-dix ans'],
    ['Il avait 21 ans, et 18 mois de traitement.', 'Il avait vingt et un ans, et dix-huit mois de traitement.'],
    ["90 % c'est mécanique", 'Quatre-vingt-dix pour cent c’est mécanique'],
    // The other way round: words in the quote, figures in the transcript.
    ["L'autre a quatre-vingt-cinq ans.", 'L’autre a 85 ans.'],
  ])('%s', (quote, passage) => {
    expect(found(quote)).toEqual([passage]);
  });

  it('counts a number said in several words as one word: a figure is no evidence of a place', () => {
    // `à 90` is said nowhere near `le rapport bénéfice-risque` here; `à quatre-vingt-dix` elsewhere is not it.
    const elsewhere = 'MG5 : À son âge, le rapport bénéfice-risque n’est plus le même. Et à quatre-vingt-dix pour cent c’est mécanique.';
    const m = locateQuote(elsewhere, 'à 90 ans, le rapport bénéfice-risque');
    expect(m.pieces.map((p) => elsewhere.slice(p.start, p.end))).toEqual(['le rapport bénéfice-risque']);
    expect(m.left.map((l) => l.text)).toEqual(['à 90 ans']);
  });

  it('says which words at a quote’s start were not found, when too few to leave the quote for review', () => {
    const other = 'MG5 : À son âge, le rapport bénéfice-risque n’est plus le même, hein.';
    const m = locateQuote(other, 'à 90, le rapport bénéfice-risque n’est plus le même');
    expect(m.method).toBe('approximate');
    expect(m.pieces.map((p) => other.slice(p.start, p.end))).toEqual(['le rapport bénéfice-risque n’est plus le même']);
    expect(m.trimmed?.map((t) => [t.text, t.reason.en])).toEqual([['à 90', 'not said there in the transcript: the passage starts after these words, to check.']]);
  });
});

describe('quoteEdges', () => {
  it('gives what a quote has before its first word and after its last', () => {
    expect(quoteEdges('« Mais alors ? »')).toEqual({ before: '« ', after: ' ? »' });
    expect(quoteEdges('avec ça ».')).toEqual({ before: '', after: ' ».' });
    expect(quoteEdges('…')).toEqual({ before: '…', after: '' });
  });
});
