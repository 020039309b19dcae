import { describe, expect, it } from 'vitest';
import { segmentSentences } from './sentences.js';
import { findTurns } from './turns.js';

function sentences(body: string): string[] {
  return segmentSentences(body, findTurns(body)).map((s) => body.slice(s.start, s.end));
}

/** One participant turn, so that each test reads as the speech it checks. */
const said = (speech: string) => sentences(`P1 : ${speech}`);

describe('segmentSentences', () => {
  it('splits plain speech into sentences', () => {
    expect(said('Je suis médecin depuis vingt ans. J’exerce en milieu rural ! Et vous ?')).toEqual([
      'Je suis médecin depuis vingt ans.',
      'J’exerce en milieu rural !',
      'Et vous ?',
    ]);
  });

  it('does not split after titles and abbreviations', () => {
    expect(said('J’ai adressé Mme. Durand au Dr. Martin, cf. le courrier. Puis M. Petit est venu.')).toEqual([
      'J’ai adressé Mme. Durand au Dr. Martin, cf. le courrier.',
      'Puis M. Petit est venu.',
    ]);
    expect(sentences('P1 : We saw Mr. Smith, e.g. Tuesday. Then Dr. Jones.')).toEqual([
      'We saw Mr. Smith, e.g. Tuesday.',
      'Then Dr. Jones.',
    ]);
  });

  it('does not split after Mlle., St., ex., env., vs.', () => {
    expect(said('On a vu Mlle. Roux, ex. Interne à St. Malo, env. Trois fois, Lyon vs. Paris. Bon.')).toEqual([
      'On a vu Mlle. Roux, ex. Interne à St. Malo, env. Trois fois, Lyon vs. Paris.',
      'Bon.',
    ]);
  });

  it('does not split after an initial', () => {
    expect(said('C’est le docteur J. Martin qui le suit. Voilà.')).toEqual(['C’est le docteur J. Martin qui le suit.', 'Voilà.']);
  });

  it('does not split after `p.` or `No.` before a number, but does after `etc.`', () => {
    expect(said('Voir la recommandation p. 12 Dans le chapitre douleur.')).toEqual([
      'Voir la recommandation p. 12 Dans le chapitre douleur.',
    ]);
    expect(said('On a le kiné, l’ostéo, etc. Et puis voilà.')).toEqual(['On a le kiné, l’ostéo, etc.', 'Et puis voilà.']);
    expect(sentences('P1 : No. I never did.')).toEqual(['No.', 'I never did.']);
  });

  it('keeps a question number with its answer', () => {
    const body = '4. Relativement fréquent. Surtout les lombalgies.\n\n5) Non.';
    expect(sentences(body)).toEqual(['4. Relativement fréquent.', 'Surtout les lombalgies.', '5) Non.']);
    expect(sentences('4. relativement fréquent, oui.')).toEqual(['4. relativement fréquent, oui.']);
  });

  it('keeps the closing guillemet with the quoted question: « Tu viens ? » dit-il', () => {
    expect(said('Il m’a dit « Tu viens ? » dit-il. Je suis venu.')).toEqual([
      'Il m’a dit « Tu viens ? » dit-il.',
      'Je suis venu.',
    ]);
    expect(said('Elle répète « J’ai mal ! » Alors je l’examine.')).toEqual([
      'Elle répète « J’ai mal ! »',
      'Alors je l’examine.',
    ]);
    expect(said('Il a dit “non.” Puis rien.')).toEqual(['Il a dit “non.”', 'Puis rien.']);
  });

  it('goes on when the speaker continues in lowercase after `...` or `?`', () => {
    expect(said('Je sais pas... enfin bon, on fait ce qu’on peut. Voilà.')).toEqual([
      'Je sais pas... enfin bon, on fait ce qu’on peut.',
      'Voilà.',
    ]);
    expect(said('Pourquoi ? parce que c’est long. Oui.')).toEqual(['Pourquoi ? parce que c’est long.', 'Oui.']);
  });

  it('handles `…`, `?!` and `!!!`', () => {
    expect(said('Je sais pas… Enfin bon. Quoi ?! Non !!! Ah bon… bon.')).toEqual([
      'Je sais pas…',
      'Enfin bon.',
      'Quoi ?!',
      'Non !!!',
      'Ah bon… bon.',
    ]);
  });

  it('ends a sentence at a blank line, and at a line break before a capital only', () => {
    expect(said('On attend le rendez-vous\n\nle centre antidouleur\nrappelle pas\nEt lui il attend')).toEqual([
      'On attend le rendez-vous',
      'le centre antidouleur\nrappelle pas',
      'Et lui il attend',
    ]);
  });

  it('never crosses a turn and knows its turn', () => {
    const body = 'Enquêteur : Et ensuite\nP2 : ensuite rien. *rire* Voilà.';
    const turns = findTurns(body);
    const found = segmentSentences(body, turns);
    expect(found.map((s) => [body.slice(s.start, s.end), s.turn])).toEqual([
      ['Et ensuite', 0],
      ['ensuite rien.', 1],
      ['*rire* Voilà.', 1],
    ]);
  });

  it('starts a new sentence at a mark that follows a full stop', () => {
    expect(said('Oui. [inaudible] non. C’est dur (silence) vraiment. (rires) voilà.')).toEqual([
      'Oui.',
      '[inaudible] non.',
      'C’est dur (silence) vraiment.',
      '(rires) voilà.',
    ]);
  });

  it('keeps an emoji said after a sentence with it, not as the start of the next or a sentence of its own', () => {
    expect(said('Merci docteur. 🙏 Le reste, bon… ça marche à moitié. 💪')).toEqual(['Merci docteur. 🙏', 'Le reste, bon… ça marche à moitié. 💪']);
    expect(said('Voilà ! 👍🏻 👍 Et après ?')).toEqual(['Voilà ! 👍🏻 👍', 'Et après ?']);
  });

  it('gives non-empty trimmed spans, and nothing for empty turns', () => {
    const body = 'P1 :   \nP2 :  Oui.   Non.  \n';
    const found = segmentSentences(body, findTurns(body));
    expect(found.map((s) => body.slice(s.start, s.end))).toEqual(['Oui.', 'Non.']);
    for (const s of found) expect(s.end).toBeGreaterThan(s.start);
  });

  it('segments a long transcript into many sentences, each inside its turn', () => {
    const exchange =
      'Enquêteur : Et comment vous gérez ça au quotidien, avec M. Durand par exemple ?\n' +
      'P3 : Alors… *rire* c’est compliqué. Je sais pas... enfin bon, on fait ce qu’on peut, euh, avec les moyens du bord. ' +
      'Il m’a dit « Vous me lâchez pas ? » et là j’ai rien dit. (silence) Le centre antidouleur, c’est huit mois d’attente ! ' +
      'Donc on bricole, on essaie le tramadol, le kiné, etc. Et puis voilà.\n\n';
    const body = exchange.repeat(Math.ceil(10000 / exchange.split(/\s+/).length));
    const turns = findTurns(body);
    const found = segmentSentences(body, turns);
    expect(found.length).toBeGreaterThan(500);
    for (const s of found) {
      const turn = turns[s.turn]!;
      expect(s.start).toBeGreaterThanOrEqual(turn.textStart);
      expect(s.end).toBeLessThanOrEqual(turn.end);
    }
  });
});
