import { describe, expect, it } from 'vitest';
import { cutDoubts } from './cut-doubts.js';
import { locateQuote } from './locate.js';
import { TranscriptSearch } from './transcript-search.js';

const said = `E : Et les opioïdes ?
MG1 : Le tramadol, c'est un peu la roue de secours. On sait que c'est pas idéal, on sait qu'il y a la dépendance, mais on n'a pas grand-chose d'autre. Les opioïdes forts, j'évite, honnêtement j'ai peur. J'ai peur de la dépendance, j'ai peur de pas savoir arrêter.
E : Et les séances de kiné ?
MG1 : Mais c'est huit séances, et c'est court. Et je pense que ça compte.`;

const search = new TranscriptSearch(said);

/** The quote's passages as placed, in the quote's order, and the doubts about their cuts. */
function doubts(quote: string) {
  const m = locateQuote(search, quote);
  const passages = [...m.pieces].sort((a, b) => a.quoteStart - b.quoteStart);
  return { placed: passages.map((p) => said.slice(p.start, p.end)), doubts: cutDoubts(search, passages) };
}

describe('cutDoubts: words at a cut that may belong to the other passage', () => {
  it('finds the last word of a passage said again right before the next one: « idéal, on » + « n’a pas »', () => {
    const d = doubts("c'est pas idéal, on... n'a pas grand-chose d'autre");
    expect(d.placed).toEqual(["c'est pas idéal, on", "n'a pas grand-chose d'autre"]);
    const other = said.indexOf("on n'a pas");
    expect(d.doubts).toEqual([{ after: 0, edge: 'end', words: 'on', other: { start: other, end: other + 2 } }]);
  });

  it('finds the first word of a passage said again right after the one before: « idéal » + « on n’a pas »', () => {
    const d = doubts("c'est pas idéal... on n'a pas grand-chose d'autre");
    expect(d.placed).toEqual(["c'est pas idéal", "on n'a pas grand-chose d'autre"]);
    const other = said.indexOf('on sait qu');
    expect(d.doubts).toEqual([{ after: 0, edge: 'start', words: 'on', other: { start: other, end: other + 2 } }]);
  });

  it('gives several words, whole at their apostrophe', () => {
    expect(doubts("j'évite, honnêtement j'ai peur... de la dépendance").doubts).toEqual([expect.objectContaining({ edge: 'end', words: "j'ai peur" })]);
  });

  it('has no doubt where the words differ on the other side, or only by a sentence: case, a full stop', () => {
    // `on sait` is said after `idéal,` and before `qu'il y a`: the cut is at the right word.
    expect(doubts("c'est pas idéal, on sait... on n'a pas grand-chose").doubts).toEqual([]);
    // `Et` opens a sentence: the `et` after `séances,` is another word.
    expect(doubts('Mais c’est huit séances... Et je pense que ça compte').doubts).toEqual([]);
    // `Le` after the full stop opens another sentence than the one the quote goes on with.
    const days = new TranscriptSearch('E : Et la douleur ?\nP1 : Le matin il a mal. Le midi aussi. Le soir ça va mieux.');
    const m = locateQuote(days, 'Le matin il a mal... Le soir ça va mieux');
    expect(m.pieces.map((p) => days.text.slice(p.start, p.end))).toEqual(['Le matin il a mal', 'Le soir ça va mieux']);
    expect(cutDoubts(days, m.pieces)).toEqual([]);
  });

  it('has no doubt about passages side by side, nor about a passage all of whose words are said elsewhere', () => {
    const near = said.indexOf('on sait qu');
    const right = { start: near + 'on sait '.length, end: near + "on sait qu'il y a".length };
    expect(cutDoubts(search, [{ start: near, end: near + 'on sait'.length }, right])).toEqual([]);
    // `on` alone before `n'a pas` is a passage of one word: it keeps it.
    const on = said.indexOf('on sait qu');
    const rest = said.indexOf("n'a pas");
    expect(cutDoubts(search, [{ start: on, end: on + 2 }, { start: rest, end: rest + "n'a pas".length }])).toEqual([]);
  });
});
